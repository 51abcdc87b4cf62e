import { ALERT_TEXT, type Alert } from './accountability.ts'
import type { StudentRole, TeamRole } from './roles.ts'
import { addDays, daysBetween, type IsoDate } from './school-date.ts'

/**
 * The concern log and its escalation ladder (docs/domain.md#concerns): pure data and rules, shared by the server, the pages
 * and the letter builder.
 */

export const CONCERN_STATUSES = ['open', 'waiting', 'resolved'] as const
export type ConcernStatus = (typeof CONCERN_STATUSES)[number]

export const STATUS_LABELS: Record<ConcernStatus, string> = {
  open: 'Open',
  waiting: 'Waiting for a response',
  resolved: 'Resolved',
}

/** `team`: everyone on the student's team; `family`: the student's parents and guardians only. */
export const CONCERN_VISIBILITIES = ['team', 'family'] as const
export type ConcernVisibility = (typeof CONCERN_VISIBILITIES)[number]

export const VISIBILITY_LABELS: Record<ConcernVisibility, string> = {
  team: 'Whole team',
  family: 'Family only',
}

/** The two sides that log concerns: each keeps its own concerns up to date, the other side responds. */
export const CONCERN_SIDES = ['parent', 'case_manager'] as const satisfies readonly TeamRole[]
export type ConcernSide = (typeof CONCERN_SIDES)[number]

/** How a refusal names the side that logged a concern. */
export const CONCERN_SIDE_LABELS: Record<ConcernSide, string> = {
  parent: 'the family',
  case_manager: 'the case manager',
}

/** The side a person logs concerns for, or null for the roles that only respond. */
export function concernSide(role: StudentRole): ConcernSide | null {
  return (CONCERN_SIDES as readonly StudentRole[]).includes(role) ? (role as ConcernSide) : null
}

/** The records a concern can be about. */
export const LINK_KINDS = ['session', 'check', 'progress'] as const
export type LinkKind = (typeof LINK_KINDS)[number]

export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  session: 'Session record',
  check: 'Accommodation check',
  progress: 'Progress point',
}

/**
 * A dated entry of a concern's append-only log. `contact`: someone reached out about the concern (a call, an email,
 * a meeting) — a documented effort. `response`: what someone answered. Nothing is edited: a later entry adds to it.
 */
export const UPDATE_KINDS = ['contact', 'response'] as const
export type UpdateKind = (typeof UPDATE_KINDS)[number]

export const UPDATE_KIND_LABELS: Record<UpdateKind, string> = {
  contact: 'Contact made',
  response: 'Response received',
}

export const STEPS = [1, 2, 3, 4, 5, 6] as const
export type Step = (typeof STEPS)[number]

export interface LadderStep {
  step: Step
  title: string
  /** What it is, in a sentence or two. */
  what: string
  whoRuns: string
  cost: string
  timeline: string
}

/** The escalation ladder, lowest first. Written for families; no legal advice, only what each step is. */
export const LADDER: readonly LadderStep[] = [
  {
    step: 1,
    title: 'Written concern',
    what: 'You put the problem in writing to the case manager or provider: what the IEP says, what happened, and what you ask for. Writing it down starts a record everyone can check.',
    whoRuns: 'You, with the person responsible for the service.',
    cost: 'Free.',
    timeline: 'Allow about a week for an answer before a follow-up.',
  },
  {
    step: 2,
    title: 'IEP meeting requested',
    what: 'You ask the team to meet to look at the problem and change the plan or how it is carried out. You may ask for a meeting at any time of the year, not only at the annual review.',
    whoRuns: 'The school’s IEP team, with you as a member.',
    cost: 'Free.',
    timeline: 'Schools usually schedule it within a few weeks of the request.',
  },
  {
    step: 3,
    title: 'Facilitated IEP meeting',
    what: 'An IEP meeting led by a neutral facilitator who keeps the talk on the plan and on next steps. Useful when meetings have become tense or go in circles.',
    whoRuns: 'A trained facilitator from the state or district; both sides agree to it.',
    cost: 'Free to families.',
    timeline: 'Often arranged within a few weeks.',
  },
  {
    step: 4,
    title: 'Mediation',
    what: 'A neutral mediator helps you and the school reach a written agreement. It is voluntary and confidential; either side may say no.',
    whoRuns: 'A mediator provided by the state education agency.',
    cost: 'Free to families.',
    timeline: 'Usually a session or two, within about a month of the request.',
  },
  {
    step: 5,
    title: 'State complaint',
    what: 'A formal written complaint to the state education department saying the school did not follow special-education law or the IEP. The state investigates and can order the school to fix it, including make-up services.',
    whoRuns: 'The state education department.',
    cost: 'Free to file.',
    timeline: 'A written decision is due within 60 calendar days of filing.',
  },
  {
    step: 6,
    title: 'Due process',
    what: 'A legal hearing in front of an impartial hearing officer whose decision binds both sides. The most formal step; many families have an attorney or advocate.',
    whoRuns: 'An impartial hearing officer appointed under state rules.',
    cost: 'Filing is usually free; an attorney or expert witnesses can be costly.',
    timeline: 'Often several months.',
  },
]

export function ladderStep(step: number): LadderStep {
  const found = LADDER.find((s) => s.step === step)
  if (!found) throw new Error(`No step ${step} on the ladder`)
  return found
}

export function isStep(value: number): value is Step {
  return Number.isInteger(value) && value >= 1 && value <= 6
}

/** How many documented efforts at the current step before the next step is suggested ("after 2–3 efforts"). */
export const EFFORTS_BEFORE_SUGGESTION = 2

export interface EffortInput {
  date: IsoDate
  kind: 'opened' | UpdateKind
}

/**
 * Documented efforts at the current step: the concern's own dated first contact (when it was opened at this step)
 * and every later contact entry dated on or after the step's date. Responses are what came back, not efforts.
 */
export function documentedEfforts(entries: readonly EffortInput[], stepSince: IsoDate): number {
  return entries.filter((e) => (e.kind === 'opened' || e.kind === 'contact') && e.date >= stepSince).length
}

export interface SuggestionInput {
  step: Step
  status: ConcernStatus
  /** When the concern reached its current step. */
  stepSince: IsoDate
  entries: readonly EffortInput[]
  /** Accountability alerts of the services the concern's linked session records belong to. */
  linkedAlerts: readonly { serviceName: string; alert: Alert }[]
}

export interface Suggestion {
  step: LadderStep
  reasons: string[]
}

/**
 * The next step, as a suggestion (never taken automatically): when 2 or more documented efforts at this step have
 * not resolved it, or when the linked records show a pattern (an accountability alert on a linked service).
 */
export function suggestNextStep(input: SuggestionInput): Suggestion | null {
  if (input.status === 'resolved' || input.step >= 6) return null
  const reasons: string[] = []
  const efforts = documentedEfforts(input.entries, input.stepSince)
  if (efforts >= EFFORTS_BEFORE_SUGGESTION) reasons.push(`${efforts} documented efforts at this step have not resolved it.`)
  const seen = new Set<string>()
  for (const a of input.linkedAlerts) {
    const key = `${a.serviceName}:${a.alert}`
    if (seen.has(key)) continue
    seen.add(key)
    reasons.push(`${a.serviceName}: ${ALERT_TEXT[a.alert]}`)
  }
  if (reasons.length === 0) return null
  return { step: ladderStep(input.step + 1), reasons }
}

/** The state must decide a complaint within 60 calendar days of filing. */
export const COMPLAINT_DAYS = 60

export interface ComplaintTimeline {
  filedOn: IsoDate
  decisionDue: IsoDate
  /** Calendar days from `today` to the decision date; negative once it has passed. */
  daysLeft: number
  overdue: boolean
  text: string
}

export function complaintTimeline(filedOn: IsoDate, today: IsoDate): ComplaintTimeline {
  const decisionDue = addDays(filedOn, COMPLAINT_DAYS)
  const daysLeft = daysBetween(today, decisionDue)
  const overdue = daysLeft < 0
  const text = overdue
    ? `The decision was due ${Math.abs(daysLeft)} ${Math.abs(daysLeft) === 1 ? 'day' : 'days'} ago.`
    : daysLeft === 0
      ? 'The decision is due today.'
      : `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left until the decision is due.`
  return { filedOn, decisionDue, daysLeft, overdue, text }
}
