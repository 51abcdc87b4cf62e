import { addSections, t } from './i18n/i18n.ts'
import { describeRule, type EffectOnDay, type MasteryResult, masteryStatus, metOnPaper, type ProgressPoint } from './mastery.ts'
import type { ServiceNumbers } from './accountability.ts'
import type { GoalUnit, MasteryRule, PlainSummary, PromptLevel, RegulationState } from './schemas/plan.ts'
import { UNIT_LABELS } from './schemas/plan.ts'
import type { MissedReason } from './services.ts'
import type { IsoDate } from './school-date.ts'
import { reports } from './i18n/en/reports.ts'

addSections({ reports })

/**
 * A progress report (docs/progress-reports.md): for one student and one reporting period, each goal with its
 * data of the period, the code and narrative the team chose, and cautions where the numbers cannot be trusted;
 * each service's minutes; each support's use; the concerns still open. The same document is the draft on screen,
 * the frozen JSON of an issued version and the PDF.
 */

export const REPORT_FORMAT = 'same-page/progress-report@1'

export interface ProgressCode {
  key: string
  label: string
}

export const DEFAULT_CODE_KEYS = ['mastered', 'sufficient', 'insufficient', 'not_introduced'] as const

/** The law's usual four, used until a school sets its own list. */
export function defaultProgressCodes(): ProgressCode[] {
  return DEFAULT_CODE_KEYS.map((key) => ({ key, label: t(`reports.codes.${key}`) }))
}

export const CODE_LABEL_MAX = 60
export const MAX_CODES = 12
export const NARRATIVE_MAX = 2000

/**
 * Fewer points than this in a period is too few to judge a trend: three is the least from which the trend rule
 * (shared/mastery.ts) reads anything but a single value, and a rule that asks for more consecutive sessions needs
 * at least that many.
 */
export const MIN_POINTS_TO_JUDGE = 3

export type ReportCaution = 'met_on_paper' | 'too_few_points'

export interface ReportPoint {
  date: IsoDate
  value: number
  regulation: RegulationState
  promptLevel: PromptLevel
}

/** A goal as the plan states it: what a report section repeats and what it is built from. */
export interface GoalBasics {
  goalId: string
  area: string
  officialText: string
  plain: PlainSummary
  baseline: string
  target: string
  unit: GoalUnit
  mastery: MasteryRule
}

export interface ReportGoal extends GoalBasics {
  /** "20 min or more in 3 sessions in a row", in words. */
  ruleText: string
  /** The period's points, oldest first. */
  points: ReportPoint[]
  regulation: Record<RegulationState, number>
  /** The trend as of the period's end, over every point up to then (the period alone may hold one). */
  status: MasteryResult
  cautions: ReportCaution[]
  code: string | null
  narrative: string
  /** Who last wrote this goal's part of the draft. */
  writtenBy: string | null
}

export interface ReportService {
  key: string
  name: string
  providerName: string
  minutesMandated: number
  minutesDelivered: number
  sessions: { due: number; delivered: number; missed: number; unrecorded: number; madeUp: number }
  missedByReason: Partial<Record<MissedReason, number>>
  /** Minutes owed and made up within the period, and the balance still owed at its end. */
  ledger: { minutesOwed: number; minutesMadeUp: number; balanceAtEnd: number }
}

export interface ReportAccommodation {
  title: string
  applicableDays: number
  recordedDays: number
  usedDays: number
  notNeededDays: number
  fidelity: number
}

export interface ReportConcern {
  date: IsoDate
  issue: string
  /** What it is linked to: a goal's area or a service's name. */
  linkedTo: string[]
}

export interface ProgressReportDoc {
  format: typeof REPORT_FORMAT
  school: { name: string }
  student: { name: string; grade: number | null }
  period: { name: string; start: IsoDate; end: IsoDate }
  /** The day the numbers were read: the period's end, or the day it was drafted or issued if that is earlier. */
  asOf: IsoDate
  codes: ProgressCode[]
  goals: ReportGoal[]
  services: ReportService[]
  accommodations: ReportAccommodation[]
  concerns: ReportConcern[]
}

/** An issued version as people read it: the document and what made it. */
export interface IssuedVersion {
  version: number
  issuedAt: string
  issuedBy: string
  correctionReason: string | null
  pdfSha256: string
}

/** How many of the points were taken calm, uneasy and dysregulated. */
export function regulationCounts(points: readonly { regulation: RegulationState }[]): Record<RegulationState, number> {
  const out: Record<RegulationState, number> = { calm: 0, uneasy: 0, dysregulated: 0 }
  for (const p of points) out[p.regulation]++
  return out
}

/**
 * The cautions a goal carries in a period. Met on paper: as of the period's end, the latest value reaches the goal
 * while a recent point was taken with the student dysregulated or an effect at home followed a recent day that met it
 * (shared/mastery.ts metOnPaper, the same rule as the goal page). Too few points: the
 * period holds fewer than MIN_POINTS_TO_JUDGE points, or fewer than the mastery rule's run of sessions.
 */
export function goalCautions(
  periodPoints: readonly ProgressPoint[],
  upToEnd: readonly ProgressPoint[],
  rule: MasteryRule,
  effects: readonly EffectOnDay[] = [],
  goalId: string | null = null,
): ReportCaution[] {
  const out: ReportCaution[] = []
  if (metOnPaper(upToEnd, rule, effects, goalId)) out.push('met_on_paper')
  if (periodPoints.length < Math.max(MIN_POINTS_TO_JUDGE, rule.consecutive)) out.push('too_few_points')
  return out
}

export interface GoalInput extends GoalBasics {
  /** Every live (not voided) point of the goal, any order. */
  points: readonly ProgressPoint[]
  /** The student's effects at home as they stand (docs/effects.md): the met-on-paper caution counts them. */
  effects?: readonly EffectOnDay[]
}

/** One goal's section of the report for a period, before the team's words are added. */
export function goalSection(goal: GoalInput, period: { start: IsoDate; end: IsoDate }, asOf: IsoDate): Omit<ReportGoal, 'code' | 'narrative' | 'writtenBy'> {
  const last = asOf < period.end ? asOf : period.end
  const upToEnd = goal.points.filter((p) => p.date <= last)
  const inPeriod = upToEnd.filter((p) => p.date >= period.start).sort((a, b) => a.date.localeCompare(b.date))
  return {
    goalId: goal.goalId,
    area: goal.area,
    officialText: goal.officialText,
    plain: goal.plain,
    baseline: goal.baseline,
    target: goal.target,
    unit: goal.unit,
    mastery: goal.mastery,
    ruleText: describeRule(goal.mastery, UNIT_LABELS[goal.unit]),
    points: inPeriod.map((p) => ({ date: p.date, value: p.value, regulation: p.regulation, promptLevel: p.promptLevel })),
    regulation: regulationCounts(inPeriod),
    status: masteryStatus(upToEnd, goal.mastery),
    cautions: goalCautions(
      inPeriod,
      upToEnd,
      goal.mastery,
      (goal.effects ?? []).filter((e) => e.date <= last),
      goal.goalId,
    ),
  }
}

/**
 * A service's numbers for a period: the numbers as of its last day less the numbers as of the day before it began
 * (docs/progress-reports.md#service-numbers). Every count and minute in the accountability numbers only grows
 * with time, so the difference is what happened in the period, and a year's periods add up to the year.
 */
export function periodServiceNumbers(atEnd: ServiceNumbers, beforeStart: ServiceNumbers | null): Omit<ReportService, 'key' | 'name' | 'providerName'> {
  const b = beforeStart
  const missedByReason: Partial<Record<MissedReason, number>> = {}
  for (const [reason, n] of Object.entries(atEnd.missedByReason) as [MissedReason, number][]) {
    const inPeriod = n - (b?.missedByReason[reason] ?? 0)
    if (inPeriod > 0) missedByReason[reason] = inPeriod
  }
  return {
    minutesMandated: atEnd.minutesMandated - (b?.minutesMandated ?? 0),
    minutesDelivered: atEnd.minutesDelivered - (b?.minutesDelivered ?? 0),
    sessions: {
      due: atEnd.sessions.due - (b?.sessions.due ?? 0),
      delivered: atEnd.sessions.delivered - (b?.sessions.delivered ?? 0),
      missed: atEnd.sessions.missed - (b?.sessions.missed ?? 0),
      unrecorded: Math.max(0, atEnd.sessions.unrecorded - (b?.sessions.unrecorded ?? 0)),
      madeUp: atEnd.sessions.madeUp - (b?.sessions.madeUp ?? 0),
    },
    missedByReason,
    ledger: {
      minutesOwed: atEnd.ledger.minutesOwed - (b?.ledger.minutesOwed ?? 0),
      minutesMadeUp: atEnd.ledger.minutesMadeUp - (b?.ledger.minutesMadeUp ?? 0),
      balanceAtEnd: atEnd.ledger.balance,
    },
  }
}

/** The label of a code in the report's own list (a code the school has since renamed keeps its old words here). */
export function codeLabel(codes: readonly ProgressCode[], key: string | null): string | null {
  if (!key) return null
  return codes.find((c) => c.key === key)?.label ?? key
}

/** What still stops a draft from being issued: a goal without a code. Narratives may be short; codes may not be missing. */
export function missingCodes(doc: Pick<ProgressReportDoc, 'goals'>): string[] {
  return doc.goals.filter((g) => !g.code).map((g) => g.goalId)
}

export type ReportState = 'none' | 'draft' | 'issued'
