// Where the `transcaspian` command writes: a sink per stream, so tests drive the CLI in-process.

/** Where the command writes. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}
