import { addSections, t } from './i18n/i18n.ts'
import { addDays, daysBetween, type IsoDate } from './school-date.ts'
import { iepCalendar } from './i18n/en/iepCalendar.ts'

addSections({ iepCalendar })

/**
 * The IEP's own calendar (docs/iep-calendar.md): a plan year's dates, the rules that refuse impossible ones, and what
 * is due soon or late for a case manager's caseload. Pure: the server gathers the facts and asks these rules.
 */

/** A plan year's dates; each may be unknown (null). */
export interface IepDates {
  startDate: IsoDate | null
  endDate: IsoDate | null
  annualReviewDate: IsoDate | null
  reevaluationDate: IsoDate | null
}

export const IEP_DATE_FIELDS = ['startDate', 'endDate', 'annualReviewDate', 'reevaluationDate'] as const
export type IepDateField = (typeof IEP_DATE_FIELDS)[number]

/** An annual review may be held a little after the plan's end (a meeting moved), never months later. */
export const REVIEW_GRACE_DAYS = 30
/** A plan is written for a year: a plan longer than this is a typo (a year too far). */
export const MAX_PLAN_DAYS = 400
/** A re-evaluation is due every three years: one further than that from the plan's start is a typo. */
export const MAX_REEVALUATION_DAYS = 3 * 366

/** Every reason these dates cannot stand, each with its field; empty when they can. Range checks are the schema's. */
export function iepDatesProblems(d: IepDates): { field: IepDateField; message: string }[] {
  const out: { field: IepDateField; message: string }[] = []
  if (d.startDate && d.endDate) {
    if (d.endDate <= d.startDate) out.push({ field: 'endDate', message: t('iepCalendar.rules.endBeforeStart') })
    else if (daysBetween(d.startDate, d.endDate) > MAX_PLAN_DAYS) out.push({ field: 'endDate', message: t('iepCalendar.rules.tooLong', { days: MAX_PLAN_DAYS }) })
  }
  if (d.annualReviewDate) {
    if (d.startDate && d.annualReviewDate < d.startDate) out.push({ field: 'annualReviewDate', message: t('iepCalendar.rules.reviewBeforeStart') })
    else if (d.endDate && d.annualReviewDate > addDays(d.endDate, REVIEW_GRACE_DAYS)) {
      out.push({ field: 'annualReviewDate', message: t('iepCalendar.rules.reviewAfterEnd', { days: REVIEW_GRACE_DAYS }) })
    }
  }
  if (d.reevaluationDate && d.startDate && Math.abs(daysBetween(d.startDate, d.reevaluationDate)) > MAX_REEVALUATION_DAYS) {
    out.push({ field: 'reevaluationDate', message: t('iepCalendar.rules.reevaluationFar') })
  }
  return out
}

/** Items come into view this many days before they are due. */
export const DUE_WITHIN_DAYS = 30
/** A goal with no data for this many calendar days is late for data. */
export const STALE_GOAL_DAYS = 21

export type DueState = 'due' | 'late'

/**
 * A dated duty as of `today`: late once its day has passed, due from DUE_WITHIN_DAYS before it (both days
 * included: due today is still due, not late), nothing further out.
 */
export function dueState(date: IsoDate | null, today: IsoDate): DueState | null {
  if (!date) return null
  if (date < today) return 'late'
  return daysBetween(today, date) <= DUE_WITHIN_DAYS ? 'due' : null
}

export type DueKind = 'annual_review' | 'reevaluation' | 'progress_report' | 'goal_data'

export interface DueItem {
  kind: DueKind
  state: DueState
  studentId: string
  studentName: string
  /** The day it is (or was) due. */
  date: IsoDate
  /** Stable for one duty: the reminder is sent at most once a day for each. */
  key: string
  href: string
  /** The goal's area or the period's name. */
  label?: string
}

export interface CalendarFacts {
  studentId: string
  studentName: string
  /** The current plan (null when the student has none yet). */
  plan: (IepDates & { id: string }) | null
  /** The school's reporting periods and whether this student's report for each has been issued. */
  periods: readonly { id: string; name: string; startDate: IsoDate; endDate: IsoDate; issued: boolean }[]
  /** The goals of the current plan: the day each was created and its latest (non-voided) data day. */
  goals: readonly { id: string; area: string; createdOn: IsoDate; lastDataOn: IsoDate | null }[]
}

/** The day a goal's next data is due: three weeks after its latest data, or after its creation when it has none. */
export function goalDataDue(goal: { createdOn: IsoDate; lastDataOn: IsoDate | null }): IsoDate {
  const from = goal.lastDataOn && goal.lastDataOn > goal.createdOn ? goal.lastDataOn : goal.createdOn
  return addDays(from, STALE_GOAL_DAYS)
}

/** Late for data: STALE_GOAL_DAYS or more calendar days with nothing recorded. */
export function goalDataLate(goal: { createdOn: IsoDate; lastDataOn: IsoDate | null }, today: IsoDate): boolean {
  return goalDataDue(goal) <= today
}

/**
 * Everything due within DUE_WITHIN_DAYS or late for one student, as of `today`. A report is owed for every
 * reporting period that has ended (or ends within the window) with no issued version; periods that ended before
 * the current plan started are the earlier plan's and are not counted. Goal data is only ever late, never "due".
 */
export function dueItems(f: CalendarFacts, today: IsoDate): DueItem[] {
  const base = `/students/${encodeURIComponent(f.studentId)}`
  const out: DueItem[] = []
  const who = { studentId: f.studentId, studentName: f.studentName }
  if (f.plan) {
    const review = dueState(f.plan.annualReviewDate, today)
    if (review) out.push({ ...who, kind: 'annual_review', state: review, date: f.plan.annualReviewDate!, key: `annual_review:${f.plan.id}:${f.plan.annualReviewDate}`, href: base })
    const reeval = dueState(f.plan.reevaluationDate, today)
    if (reeval) out.push({ ...who, kind: 'reevaluation', state: reeval, date: f.plan.reevaluationDate!, key: `reevaluation:${f.plan.id}:${f.plan.reevaluationDate}`, href: base })
  }
  const planStart = f.plan?.startDate ?? null
  for (const p of f.periods) {
    if (p.issued || (planStart && p.endDate < planStart)) continue
    const state = dueState(p.endDate, today)
    if (state) out.push({ ...who, kind: 'progress_report', state, date: p.endDate, key: `progress_report:${f.studentId}:${p.id}`, href: `${base}/reports`, label: p.name })
  }
  for (const g of f.goals) {
    if (!goalDataLate(g, today)) continue
    const date = goalDataDue(g)
    out.push({ ...who, kind: 'goal_data', state: 'late', date, key: `goal_data:${g.id}:${date}`, href: `${base}/goals/${encodeURIComponent(g.id)}`, label: g.area })
  }
  return out
}

/** Late first (oldest first), then due (soonest first); a student's items together on the same day. */
export function sortDueItems(items: readonly DueItem[]): DueItem[] {
  return [...items].sort(
    (a, b) => (a.state === b.state ? 0 : a.state === 'late' ? -1 : 1) || a.date.localeCompare(b.date) || a.studentName.localeCompare(b.studentName) || a.key.localeCompare(b.key),
  )
}

/** The sentence a case manager reads for one item, on the home page and in the reminder. */
export function dueItemText(item: DueItem, formatDate: (d: IsoDate) => string): string {
  const words = { student: item.studentName, date: formatDate(item.date), label: item.label ?? '' }
  return t(`iepCalendar.items.${item.kind}_${item.state}`, words)
}
