import { addSections, t } from './i18n/i18n.ts'
import { formatSchoolDate, type IsoDate } from './school-date.ts'
import { reports } from './i18n/en/reports.ts'

addSections({ reports })

/** A school's reporting period: a name and its first and last days (docs/progress-reports.md#periods). */
export interface ReportingPeriod {
  id: string
  name: string
  start: IsoDate
  end: IsoDate
}

export const PERIOD_NAME_MAX = 60
/** A school year holds at most this many periods: weekly reports would be 40; nobody reports more often. */
export const MAX_PERIODS = 40

export type PeriodCheck = { ok: true } | { ok: false; field: 'start' | 'end' | 'name'; message: string }

/**
 * May this period be saved beside the others? It must end on or after it starts, fall inside the school year
 * (when the school has one), keep a name no other period of the school uses, and overlap no other period: a
 * day belongs to one period at most, so a data point is reported once.
 */
export function checkPeriod(
  period: { id?: string | undefined; name: string; start: IsoDate; end: IsoDate },
  others: readonly ReportingPeriod[],
  year: { start: IsoDate | null; end: IsoDate | null },
): PeriodCheck {
  if (period.end < period.start) return { ok: false, field: 'end', message: t('reports.periods.endBeforeStart') }
  if (year.start && year.end && (period.start < year.start || period.end > year.end)) {
    return { ok: false, field: period.start < year.start ? 'start' : 'end', message: t('reports.periods.outsideYear', { start: formatSchoolDate(year.start), end: formatSchoolDate(year.end) }) }
  }
  const rest = others.filter((o) => o.id !== period.id)
  const sameName = rest.find((o) => o.name.trim().toLowerCase() === period.name.trim().toLowerCase())
  if (sameName) return { ok: false, field: 'name', message: t('reports.periods.nameTaken', { name: sameName.name }) }
  const overlap = rest.find((o) => o.start <= period.end && period.start <= o.end)
  if (overlap) {
    return { ok: false, field: 'start', message: t('reports.periods.overlaps', { name: overlap.name, start: formatSchoolDate(overlap.start), end: formatSchoolDate(overlap.end) }) }
  }
  if (rest.length >= MAX_PERIODS && !period.id) return { ok: false, field: 'name', message: t('reports.periods.tooMany', { max: MAX_PERIODS }) }
  return { ok: true }
}

/** The period holding `date`, if any. */
export function periodOn(periods: readonly ReportingPeriod[], date: IsoDate): ReportingPeriod | undefined {
  return periods.find((p) => p.start <= date && date <= p.end)
}

/**
 * Four quarters of a school year, as a starting point the admin edits: the year's days split into four runs of
 * (nearly) equal length, named "Quarter 1" to "Quarter 4".
 */
export function quartersOf(yearStart: IsoDate, yearEnd: IsoDate): { name: string; start: IsoDate; end: IsoDate }[] {
  const day = 86_400_000
  const first = Date.parse(`${yearStart}T00:00:00Z`)
  const days = Math.round((Date.parse(`${yearEnd}T00:00:00Z`) - first) / day) + 1
  const out: { name: string; start: IsoDate; end: IsoDate }[] = []
  for (let q = 0; q < 4; q++) {
    const from = Math.floor((days * q) / 4)
    const to = Math.floor((days * (q + 1)) / 4) - 1
    if (to < from) continue
    out.push({
      name: t('reports.periods.quarterName', { n: q + 1 }),
      start: new Date(first + from * day).toISOString().slice(0, 10),
      end: new Date(first + to * day).toISOString().slice(0, 10),
    })
  }
  return out
}
