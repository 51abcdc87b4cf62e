import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { ALERT_TEXT, type Alert } from './accountability.ts'
import type { StudentRole, TeamRole } from './roles.ts'
import { addDays, daysBetween, type IsoDate } from './school-date.ts'
import { domain } from './i18n/en/domain.ts'
import { refusals } from './i18n/en/refusals.ts'

addSections({ domain, refusals })

/**
 * The concern log and its escalation ladder (docs/domain.md#concerns): pure data and rules, shared by the server, the pages
 * and the letter builder.
 */

export const CONCERN_STATUSES = ['open', 'waiting', 'resolved'] as const
export type ConcernStatus = (typeof CONCERN_STATUSES)[number]

export const STATUS_LABELS = catalogueLabels(CONCERN_STATUSES, (status) => t(`domain.concerns.status.${status}`))

/** `team`: everyone on the student's team; `family`: the student's parents and guardians only. */
export const CONCERN_VISIBILITIES = ['team', 'family'] as const
export type ConcernVisibility = (typeof CONCERN_VISIBILITIES)[number]

export const VISIBILITY_LABELS = catalogueLabels(CONCERN_VISIBILITIES, (visibility) => t(`domain.concerns.visibility.${visibility}`))

/** The two sides that log concerns: each keeps its own concerns up to date, the other side responds. */
export const CONCERN_SIDES = ['parent', 'case_manager'] as const satisfies readonly TeamRole[]
export type ConcernSide = (typeof CONCERN_SIDES)[number]

/** How a refusal names the side that logged a concern. */
export const CONCERN_SIDE_LABELS = catalogueLabels(CONCERN_SIDES, (side) => t(`domain.concerns.side.${side}`))

/** The side a person logs concerns for, or null for the roles that only respond. */
export function concernSide(role: StudentRole): ConcernSide | null {
  return (CONCERN_SIDES as readonly StudentRole[]).includes(role) ? (role as ConcernSide) : null
}

/** The records a concern can be about. */
export const LINK_KINDS = ['session', 'check', 'progress'] as const
export type LinkKind = (typeof LINK_KINDS)[number]

export const LINK_KIND_LABELS = catalogueLabels(LINK_KINDS, (kind) => t(`domain.concerns.linkKind.${kind}`))

/**
 * A dated entry of a concern's append-only log. `contact`: someone reached out about the concern (a call, an email,
 * a meeting) — a documented effort. `response`: what someone answered. Nothing is edited: a later entry adds to it.
 */
export const UPDATE_KINDS = ['contact', 'response'] as const
export type UpdateKind = (typeof UPDATE_KINDS)[number]

export const UPDATE_KIND_LABELS = catalogueLabels(UPDATE_KINDS, (kind) => t(`domain.concerns.updateKind.${kind}`))

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
/** One rung of the ladder, its words read from the catalogue when read. */
function ladderRung(step: Step): LadderStep {
  return {
    step,
    get title() {
      return t(`domain.ladder.s${step}.title`)
    },
    get what() {
      return t(`domain.ladder.s${step}.what`)
    },
    get whoRuns() {
      return t(`domain.ladder.s${step}.whoRuns`)
    },
    get cost() {
      return t(`domain.ladder.s${step}.cost`)
    },
    get timeline() {
      return t(`domain.ladder.s${step}.timeline`)
    },
  }
}

/** The escalation ladder, lowest first. Written for families; no legal advice, only what each step is. */
export const LADDER: readonly LadderStep[] = STEPS.map(ladderRung)

export function ladderStep(step: number): LadderStep {
  const found = LADDER.find((s) => s.step === step)
  if (!found) throw new Error(t('domain.concerns.noStep', { step }))
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
  if (efforts >= EFFORTS_BEFORE_SUGGESTION) reasons.push(t('domain.concerns.efforts', { efforts }))
  const seen = new Set<string>()
  for (const a of input.linkedAlerts) {
    const key = `${a.serviceName}:${a.alert}`
    if (seen.has(key)) continue
    seen.add(key)
    reasons.push(t('domain.concerns.serviceAlert', { service: a.serviceName, alert: ALERT_TEXT[a.alert] }))
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
    ? t('domain.concerns.decisionOverdue', { count: Math.abs(daysLeft) })
    : daysLeft === 0
      ? t('domain.concerns.decisionToday')
      : t('domain.concerns.decisionLeft', { count: daysLeft })
  return { filedOn, decisionDue, daysLeft, overdue, text }
}

/**
 * The ladder's log holds two kinds of entry: a `move` up to a step, and a `take_back` that withdraws the latest move
 * still standing (a step recorded by mistake). Nothing is deleted: a take-back is a later entry that the log shows.
 */
export const STEP_ENTRY_KINDS = ['move', 'take_back'] as const
export type StepEntryKind = (typeof STEP_ENTRY_KINDS)[number]

export interface LadderEntry {
  kind: StepEntryKind
  step: Step
  date: IsoDate
  filedOn: IsoDate | null
}

/** A step that stands: reached by a move that no later take-back withdrew. */
export interface StandingStep {
  step: Step
  /** When the concern reached it (the move's own date, kept through a take-back of a later step). */
  date: IsoDate
  filedOn: IsoDate | null
}

/**
 * The steps that stand, lowest first, from the log in the order it was written. The first entry (step 1, when the
 * concern was opened) can never be taken back; a take-back with nothing above step 1 to withdraw changes nothing.
 */
export function standingSteps(entries: readonly LadderEntry[]): StandingStep[] {
  const standing: StandingStep[] = []
  for (const e of entries) {
    if (e.kind === 'move') standing.push({ step: e.step, date: e.date, filedOn: e.filedOn })
    else if (standing.length > 1) standing.pop()
  }
  return standing
}

/** What a take-back would withdraw, and the step the concern would be back at; null when only the opening step stands. */
export function takeBackOf(entries: readonly LadderEntry[]): { from: StandingStep; to: StandingStep } | null {
  const standing = standingSteps(entries)
  const from = standing.at(-1)
  const to = standing.at(-2)
  return from && to ? { from, to } : null
}

/**
 * From step 3 up, a step involves people outside the team (a facilitator, a mediator, the state, a hearing officer) or
 * starts a clock, so the page asks for confirmation before recording it.
 */
export const CONFIRM_FROM_STEP = 3

export function stepNeedsConfirmation(step: number): boolean {
  return step >= CONFIRM_FROM_STEP
}

/** A filing date belongs to a state complaint, and a state complaint needs one: the refusal, or null when sound. */
export function filedOnRefusal(step: number, filedOn: IsoDate | undefined): string | null {
  if (step === 5 && !filedOn) return t('refusals.filedOnNeeded')
  if (step !== 5 && filedOn) return t('refusals.filedOnStateOnly')
  return null
}
