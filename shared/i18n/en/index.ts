import { common } from './common.ts'

/**
 * The English catalogue: every sentence a person reads, one section per feature. A key missing here fails
 * the typecheck wherever it is used; a language added later is checked against this one.
 */
export const en = {
  common,
} as const

export type Catalogue = typeof en
