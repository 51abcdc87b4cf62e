import { addSections, t } from './i18n/i18n.ts'
import { formatSchoolDate, type IsoDate } from './school-date.ts'
import { minutesPerPeriodOf } from './service-periods.ts'
import type { ServiceTerm } from './services.ts'
import { planChanges } from './i18n/en/planChanges.ts'

addSections({ planChanges })

export const PLAN_CHANGE_KINDS = ['service', 'goal', 'accommodation'] as const
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number]

/** One change as the family reads it: before → after, and whether it gives the student less. */
export interface PlanChangeText {
  kind: PlanChangeKind
  subjectId: string
  before: string
  after: string
  /** "Speech-language therapy: 2 × 30 min a week → 1 × 30 min a week, from Mon, Jan 11" */
  summary: string
  isReduction: boolean
  effectiveFrom: IsoDate | null
}

type Term = Pick<ServiceTerm, 'minutesPerSession' | 'weekdays' | 'per' | 'sessionsPerPeriod' | 'minutesPerPeriod'>

/** "2 × 30 min a week"; a month or reporting period term says its own period. */
export function termText(term: Term): string {
  const per = term.per ?? 'week'
  if (per === 'week') return t('planChanges.term.weekly', { sessions: term.weekdays.length, minutes: term.minutesPerSession })
  if (term.sessionsPerPeriod) return t(`planChanges.term.${per}`, { sessions: term.sessionsPerPeriod, minutes: term.minutesPerSession })
  return t(`planChanges.term.${per}Minutes`, { minutes: term.minutesPerPeriod ?? 0 })
}

/** Minutes a term owes in one of its own periods (a week, a month, a reporting period). */
function minutesPer(term: Term): number {
  const per = term.per ?? 'week'
  return per === 'week' ? term.weekdays.length * term.minutesPerSession : minutesPerPeriodOf(term as ServiceTerm)
}

/** A reduction: fewer minutes in the same period. A change of period is compared a month as 4 weeks, a reporting period as 12. */
export function isServiceReduction(before: Term, after: Term): boolean {
  const weeks = { week: 1, month: 4, reporting_period: 12 } as const
  const perWeek = (term: Term) => minutesPer(term) / weeks[term.per ?? 'week']
  return perWeek(after) < perWeek(before)
}

function line(subject: string, before: string, after: string, from: IsoDate | null): string {
  return from ? t('planChanges.line', { subject, before, after, date: formatSchoolDate(from) }) : t('planChanges.lineNoDate', { subject, before, after })
}

/** A service's minutes or days changed (an amendment), was added (before null) or ended (after null). */
export function serviceChange(args: { serviceId: string; serviceName: string; before: Term | null; after: Term | null; effectiveFrom: IsoDate }): PlanChangeText {
  const before = args.before ? termText(args.before) : t('planChanges.none')
  const after = args.after ? termText(args.after) : t('planChanges.ended')
  const isReduction = args.after === null ? args.before !== null : args.before !== null && isServiceReduction(args.before, args.after)
  return { kind: 'service', subjectId: args.serviceId, before, after, summary: line(args.serviceName, before, after, args.effectiveFrom), isReduction, effectiveFrom: args.effectiveFrom }
}

export interface GoalFacts {
  area: string
  officialText: string
  target: string
}

function goalWords(goal: GoalFacts, changed: { text: boolean; target: boolean }): string {
  const parts: string[] = []
  if (changed.text) parts.push(t('planChanges.goalText', { text: goal.officialText }))
  if (changed.target) parts.push(t('planChanges.goalTarget', { target: goal.target }))
  return parts.join(', ')
}

/**
 * A goal's text or target changed, or a goal was added/removed. Null when neither the text nor the target changed
 * (a plain-language edit is not a change to what the plan promises). A goal change is not a reduction by rule:
 * whether a lower target is less is a judgement for the team, not a number this app can read.
 */
export function goalChange(args: { goalId: string; before: GoalFacts | null; after: GoalFacts | null }): PlanChangeText | null {
  const { before, after } = args
  const area = (after ?? before)!.area
  const subject = t('planChanges.goalSubject', { area })
  if (!before || !after) {
    const text = goalWords((after ?? before)!, { text: true, target: true })
    const b = before ? text : t('planChanges.none')
    const a = after ? text : t('planChanges.removed')
    return { kind: 'goal', subjectId: args.goalId, before: b, after: a, summary: line(subject, b, a, null), isReduction: false, effectiveFrom: null }
  }
  const changed = { text: before.officialText.trim() !== after.officialText.trim(), target: before.target.trim() !== after.target.trim() }
  if (!changed.text && !changed.target) return null
  const b = goalWords(before, changed)
  const a = goalWords(after, changed)
  return { kind: 'goal', subjectId: args.goalId, before: b, after: a, summary: line(subject, b, a, null), isReduction: false, effectiveFrom: null }
}

export interface AccommodationFacts {
  title: string
  description: string
}

/** A support added, changed or removed; removing one is a reduction. Null when nothing the family reads changed. */
export function accommodationChange(args: { accommodationId: string; before: AccommodationFacts | null; after: AccommodationFacts | null; effectiveFrom: IsoDate | null }): PlanChangeText | null {
  const { before, after } = args
  const subject = t('planChanges.accommodationSubject', { title: (after ?? before)!.title })
  if (before && after && before.title.trim() === after.title.trim() && before.description.trim() === after.description.trim()) return null
  const b = before ? before.description || before.title : t('planChanges.none')
  const a = after ? after.description || after.title : t('planChanges.removed')
  return { kind: 'accommodation', subjectId: args.accommodationId, before: b, after: a, summary: line(subject, b, a, args.effectiveFrom), isReduction: before !== null && after === null, effectiveFrom: args.effectiveFrom }
}
