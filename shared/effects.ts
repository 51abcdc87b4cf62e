import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { addDays, type IsoDate } from './school-date.ts'
import { effects } from './i18n/en/effects.ts'

addSections({ effects })

/**
 * What happened next (docs/effects.md): what parents and staff see at home after school or the next day. Pure data
 * and rules; the met-on-paper rule that counts effects lives with the other goal rules (shared/mastery.ts).
 */

export const EFFECT_KINDS = ['shutdown', 'school_refusal', 'meltdown', 'sleep', 'other'] as const
export type EffectKind = (typeof EFFECT_KINDS)[number]

export const EFFECT_KIND_LABELS = catalogueLabels(EFFECT_KINDS, (kind) => t(`effects.kind.${kind}`))

/** A note says what happened in a few words: long accounts belong in a notebook or a concern. */
export const EFFECT_NOTE_MAX = 500

/** How far back an effect may be dated: a term, for a family catching up on what they wrote down elsewhere. */
export const EFFECT_LOOKBACK_DAYS = 120

/**
 * Why a day cannot carry an effect, or null when it can: not in the future, not before the school year began (nor
 * more than EFFECT_LOOKBACK_DAYS ago), not after the year's last day.
 */
export function effectDateProblem(date: IsoDate, today: IsoDate, year: { start: IsoDate | null; end: IsoDate | null }): string | null {
  if (date > today) return t('effects.dateFuture')
  if (date < addDays(today, -EFFECT_LOOKBACK_DAYS)) return t('effects.dateTooOld', { days: EFFECT_LOOKBACK_DAYS })
  if (year.start && date < year.start) return t('effects.dateBeforeYear')
  if (year.end && date > year.end) return t('effects.dateAfterYear')
  return null
}

/** One row of the append-only log: a first record, a correction of an earlier row, or the removal of one. */
export interface EffectRow {
  id: string
  action: 'record' | 'correct' | 'remove'
  replaces: string | null
}

/** The effects as they stand: rows no later row replaces, removals left out. */
export function standingEffects<R extends EffectRow>(rows: readonly R[]): R[] {
  const replaced = new Set(rows.map((r) => r.replaces).filter((x): x is string => x !== null))
  return rows.filter((r) => !replaced.has(r.id) && r.action !== 'remove')
}

/** The first row of the chain a row belongs to (the effect as first recorded), following `replaces` back. */
export function originOf<R extends EffectRow>(rows: readonly R[], id: string): R | null {
  const byId = new Map(rows.map((r) => [r.id, r]))
  let row = byId.get(id) ?? null
  for (let i = 0; row?.replaces && i < rows.length; i++) row = byId.get(row.replaces) ?? row
  return row
}
