import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { type LazyText, readText } from './text.ts'
import { addDays, DATE_MAX, DATE_MIN, type IsoDate, isIsoDate } from '../school-date.ts'
import { domain } from '../i18n/en/domain.ts'

addSections({ domain })

/** The refusal of a date outside DATE_MIN…DATE_MAX, read from the catalogue when needed. */
export function dateRangeMessage(): string {
  return t('domain.dates.range', { min: DATE_MIN, max: DATE_MAX })
}

/** The same sentence in the default language, fixed at import (the catalogue is loaded synchronously): for tests. */
export const DATE_RANGE_MESSAGE = dateRangeMessage()

/** Whether a real date lies within DATE_MIN…DATE_MAX (string order is date order for 4-digit years). */
export function isWithinDateRange(date: IsoDate): boolean {
  return isIsoDate(date) && date >= DATE_MIN && date <= DATE_MAX
}

/**
 * The one date schema of every form and tRPC input: a real 'YYYY-MM-DD' within DATE_MIN…DATE_MAX. The range
 * keeps every loop over days short (a date like 9999-12-31 once made one request spin forever).
 */
export function boundedIsoDate(invalid: LazyText = () => t('domain.dates.invalid')) {
  return z.string({ error: () => t('domain.dates.required') }).check((ctx) => {
    if (ctx.value.length > 10 || !isIsoDate(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: readText(invalid) })
    else if (!isWithinDateRange(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: dateRangeMessage() })
  })
}

export const isoDateSchema = boundedIsoDate()

/**
 * How far ahead a day shown "as of" may lie (a school year and a little): the Today screen, a week of
 * sessions, fidelity. Past that, nothing planned exists to show, and a far date only costs time.
 */
export const AS_OF_DAYS_AHEAD = 400

export function latestAsOf(today: IsoDate): IsoDate {
  return addDays(today, AS_OF_DAYS_AHEAD)
}

/** Why `date` cannot be shown as of `today` (null when it can): the message the router answers with. */
export function asOfProblem(date: IsoDate, today: IsoDate): string | null {
  const latest = latestAsOf(today)
  return date > latest ? t('domain.dates.asOfTooLate', { latest }) : null
}
