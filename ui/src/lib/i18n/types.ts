import type { en } from "./en";

/** The shape of `en` with every text widened to `string`: what each other language must fill in. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Dictionary = Widen<typeof en>;

type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** Every dotted key, e.g. `"organisations.columns.name"`. */
export type MessageKey = Paths<Dictionary>;

export type Params = Record<string, string | number>;
