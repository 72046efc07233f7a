// The library's version, from package.json at build time (tsup inlines the JSON; tsx and vitest read it).
import pkg from '../../package.json' with { type: 'json' };

/** The version of transcaspian that wrote a report. */
export const LIBRARY_VERSION: string = pkg.version;
