import type { Catalogue } from '../en/index.ts'

/**
 * The shape every other language's words must have: the English catalogue's keys, each with a string. A section
 * written as `{ … } as const satisfies SectionWords<'today'>` fails the typecheck on a missing key, an extra key or a
 * key that is not words.
 */
export type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : Words<T[K]> }

export type SectionWords<S extends keyof Catalogue> = Words<Catalogue[S]>
