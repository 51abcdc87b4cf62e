import { z } from 'zod'
import { addDays, DATE_MAX, DATE_MIN, type IsoDate, isIsoDate } from '../school-date.ts'

export const DATE_RANGE_MESSAGE = `Enter a date between ${DATE_MIN} and ${DATE_MAX}.`

/** Whether a real date lies within DATE_MIN…DATE_MAX (string order is date order for 4-digit years). */
export function isWithinDateRange(date: IsoDate): boolean {
  return isIsoDate(date) && date >= DATE_MIN && date <= DATE_MAX
}

/**
 * The one date schema of every form and tRPC input: a real 'YYYY-MM-DD' within DATE_MIN…DATE_MAX. The range
 * keeps every loop over days short (a date like 9999-12-31 once made one request spin forever).
 */
export function boundedIsoDate(invalid = 'Enter a real date as YYYY-MM-DD.') {
  return z.string({ error: 'Enter a date.' }).check((ctx) => {
    if (ctx.value.length > 10 || !isIsoDate(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: invalid })
    else if (!isWithinDateRange(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: DATE_RANGE_MESSAGE })
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
  return date > latest ? `Choose a date no later than ${latest} (a school year from today).` : null
}
