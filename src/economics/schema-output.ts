// What a zod schema of a JSON document produces, as the document's TypeScript type would state it:
// zod types an optional field as `T | undefined`, which JSON never produces, so strip it first (a
// pair stays a pair). Each economics schema checks at compile time that its output is its type.

/** The output type of a zod schema without `undefined` on optional fields; tuples of two kept. */
export type Defined<T> = T extends readonly [infer A, infer B]
  ? [Defined<A>, Defined<B>]
  : T extends readonly (infer E)[]
    ? Defined<E>[]
    : T extends object
      ? { [K in keyof T]: Defined<Exclude<T[K], undefined>> }
      : T;
