// The JSON Schemas of the library's documents (networks, and the economics tables), generated from
// their zod schemas, and the type check that ties each schema to its document type: zod types an
// optional field as `T | undefined`, which JSON never produces, so `Defined` strips it first (a pair
// stays a pair) and each schema module checks at compile time that its output is its type.
import * as z from 'zod';

/** The output type of a zod schema without `undefined` on optional fields; tuples of two kept. */
export type Defined<T> = T extends readonly [infer A, infer B]
  ? [Defined<A>, Defined<B>]
  : T extends readonly (infer E)[]
    ? Defined<E>[]
    : T extends object
      ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> }
      : T;

/** The JSON Schema (draft 2020-12) of a document's zod schema, `$id` `https://transcaspian.dev/schema/<name>@1.json`, with its title. */
export function documentJsonSchema(schema: z.ZodType, name: string, title: string): Record<string, unknown> {
  return { ...z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }), $id: `https://transcaspian.dev/schema/${name}@1.json`, title };
}
