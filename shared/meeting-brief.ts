import { fidelityDaysSentence, fidelityReading } from './fidelity-words.ts'
import { addSections, t } from './i18n/i18n.ts'
import { ALERT_TEXT, type ServiceNumbers } from './accountability.ts'
import { AGREEMENT_KIND_LABELS, type ConcernAgreement, ITEM_STATE_LABELS } from './agreements.ts'
import { MASTERY_LABELS, type MasteryResult } from './mastery.ts'
import { lowerFirst } from './notifications.ts'
import type { GoalUnit, PromptLevel, RegulationState } from './schemas/plan.ts'
import { formatSchoolDate, type IsoDate, WEEKDAYS, type Weekday } from './school-date.ts'
import { MISSED_REASONS, REASON_LABELS, REASON_RESPONSIBILITY } from './services.ts'
import { listInWords } from './word-list.ts'
import { concerns } from './i18n/en/concerns.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ concerns, domain })

/**
 * The meeting brief (docs/domain.md#accountability): one page a family or a case manager brings to a follow-up meeting. Every
 * sentence is built here, from the accountability numbers and the goals, so the printable page and the PDF
 * say exactly the same thing.
 */

/** The same bar as the delivery-rate alert: under 90 % of applicable days used needs a question. */
export const LOW_FIDELITY = 0.9

export interface BriefServiceInput extends ServiceNumbers {
  key: string
  name: string
  providerName: string
  minutesPerSession: number
  weekdays: readonly string[]
}

export interface BriefAccommodationInput {
  title: string
  applicableDays: number
  recordedDays: number
  usedDays: number
  notNeededDays: number
  fidelity: number
}

export interface BriefGoalInput {
  id: string
  area: string
  plain: { means: string }
  target: string
  unit: GoalUnit
  status: MasteryResult
  metOnPaper: boolean
  latest: { date: IsoDate; value: number; promptLevel: PromptLevel; regulation: RegulationState; note: string } | null
}

/** An open entry of the concern log (docs/domain.md#concerns), as the caller may see it (family-only ones only for parents). */
export interface OpenConcernInput {
  id: string
  date: IsoDate
  issue: string
  followUp?: string | null
}

export interface MeetingBriefInput {
  student: { id: string; name: string; preferredName: string | null }
  /** Printed in the PDF's header on every page. */
  school: { name: string }
  asOf: IsoDate
  services: readonly BriefServiceInput[]
  accommodations: readonly BriefAccommodationInput[]
  goals: readonly BriefGoalInput[]
  concerns: readonly OpenConcernInput[]
  /** Reductions of the plan (fewer minutes, a service ended) that no one in the family has acknowledged. */
  reductions: readonly { id: string; summary: string }[]
  /** Concerns that ended with an agreement (docs/domain.md#agreements), as the caller may see them. */
  agreements?: readonly BriefAgreementInput[]
}

export interface BriefAgreementInput extends Pick<ConcernAgreement, 'agreedOn' | 'watched' | 'watchEnds' | 'items'> {
  concernId: string
  issue: string
}

/** An agreement in the brief: the concern and its day, the watch, and each promised item as due, done or late. */
export interface BriefAgreement {
  id: string
  heading: string
  watch: string | null
  items: { id: string; text: string; state: 'due' | 'done' | 'late' }[]
}

export interface BriefService {
  key: string
  name: string
  /** "With Priya Shah · 30 minutes a session, Tue and Thu" */
  schedule: string
  /** "420 of 480 mandated minutes delivered (87.5%)." */
  delivery: string
  /** "16 due so far: 13 delivered, 2 missed, 1 not recorded; 2 still to be recorded; 1 make-up session." */
  sessions: string
  /** The compensatory ledger in one sentence. */
  ledger: string
  /** "Provider absent: 4 sessions (school responsible)" */
  missedReasons: string[]
  alerts: string[]
}

export interface BriefAccommodation {
  title: string
  /** "67%", or null when it applied on no day yet or was "Not needed" on every day it applied. */
  fidelity: string | null
  detail: string
  low: boolean
  /** Recorded "Not needed" on every day it applied: there is no share to show (docs/formats.md#accommodation-fidelity). */
  notNeeded: boolean
}

export interface BriefGoal {
  id: string
  /** "Behavior goal" */
  heading: string
  summary: string
  target: string
  status: string
  statusReason: string
  /** "Latest: 20 minutes on Mon, Nov 16, with a verbal prompt; Johnny was dysregulated." */
  latest: string
  metOnPaper: boolean
  /** The met-on-paper warning, when it applies. */
  flag: string | null
}

export interface BriefConcern {
  id: string
  text: string
}

export interface MeetingBrief {
  student: { id: string; name: string; firstName: string }
  school: { name: string }
  asOf: IsoDate
  title: string
  intro: string
  services: BriefService[]
  accommodations: BriefAccommodation[]
  goals: BriefGoal[]
  concerns: { items: BriefConcern[]; emptyText: string }
  /** Agreements still watched or with an item not done: what was promised is the meeting's business until it is kept. */
  agreements: BriefAgreement[]
  /** Shown first when there are any: a change the family never agreed to is the meeting's first question. */
  reductions: { id: string; text: string }[]
  questions: string[]
}

/** The empty state of the concerns list in the default language, fixed at import: for tests. */
export const NO_CONCERNS_TEXT = t('domain.brief.noConcerns')

/** 0.8 → "80%", 0.897 → "89.7%": one decimal, so a rate just under 90% never reads as 90%. */
export function percent(rate: number): string {
  const pct = Math.round(rate * 1000) / 10
  return t('domain.percent', { value: Number.isInteger(pct) ? pct : pct.toFixed(1) })
}

/** The name adults use: the preferred name, else the first word of the name. */
export function briefFirstName(student: { name: string; preferredName: string | null }): string {
  return student.preferredName?.trim() || student.name.trim().split(/\s+/)[0] || student.name
}

const sessionCount = (count: number) => t('domain.brief.sessions', { count })
const minuteCount = (count: number) => t('common.minutes', { count })
const dayCount = (count: number) => t('domain.brief.days', { count })

function minutesAsSessions(minutes: number, perSession: number): string {
  if (perSession > 0 && minutes % perSession === 0) {
    return t('domain.brief.sessionsAndMinutes', { sessions: sessionCount(minutes / perSession), minutes: minuteCount(minutes) })
  }
  return minuteCount(minutes)
}

function ledgerText(s: BriefServiceInput, first: string): string {
  const { minutesOwed, minutesMadeUp, balance } = s.ledger
  if (minutesOwed === 0 && minutesMadeUp === 0) return t('domain.brief.nothingOwed', { first })
  const owed =
    minutesOwed === 0
      ? t('domain.brief.ledgerNothingOwed', { first })
      : t('domain.brief.ledgerOwed', { amount: minutesAsSessions(minutesOwed, s.minutesPerSession), first })
  const madeUp =
    s.sessions.madeUp === 0 ? t('domain.brief.noneMadeUp') : t('domain.brief.madeUp', { sessions: s.sessions.madeUp, minutes: minuteCount(minutesMadeUp) })
  const still = balance === 0 ? t('domain.brief.nothingStillOwed') : t('domain.brief.stillOwed', { amount: minutesAsSessions(balance, s.minutesPerSession) })
  return t('domain.brief.ledger', { owed, madeUp, still })
}

function briefService(s: BriefServiceInput, first: string): BriefService {
  const n = s.sessions
  const days = listInWords(s.weekdays.map((d) => (isWeekday(d) ? t(`domain.weekdaysShort.${d}`) : d)))
  const sessionParts: string[] = [t('domain.brief.sessionsDue', { due: n.due, delivered: n.delivered, missed: n.missed, unrecorded: n.unrecorded })]
  if (n.pending > 0) sessionParts.push(t('domain.brief.stillToRecord', { pending: n.pending }))
  if (n.madeUp > 0) sessionParts.push(t('domain.brief.makeUpSessions', { count: n.madeUp }))
  const missedReasons = MISSED_REASONS.filter((r) => (s.missedByReason[r] ?? 0) > 0).map((r) =>
    t('domain.brief.missedReason', {
      reason: REASON_LABELS[r],
      sessions: sessionCount(s.missedByReason[r] ?? 0),
      who: REASON_RESPONSIBILITY[r] === 'school' ? t('domain.brief.schoolResponsible') : t('domain.brief.studentReason'),
    }),
  )
  if (n.unrecorded > 0) {
    missedReasons.push(
      t('domain.brief.missedReason', { reason: REASON_LABELS.unrecorded, sessions: sessionCount(n.unrecorded), who: t('domain.brief.schoolResponsible') }),
    )
  }
  return {
    key: s.key,
    name: s.name,
    schedule: t('domain.brief.schedule', { provider: s.providerName, minutes: minuteCount(s.minutesPerSession), days }),
    delivery:
      n.due === 0
        ? t('domain.brief.noneDue')
        : t('domain.brief.delivery', {
            delivered: s.minutesDelivered,
            mandated: t('domain.brief.mandatedMinutes', { count: s.minutesMandated }),
            rate: percent(s.deliveryRate),
          }),
    sessions: t('domain.sentence', { text: sessionParts.join(t('domain.brief.partSeparator')) }),
    ledger: ledgerText(s, first),
    missedReasons,
    alerts: s.alerts.map((a) => ALERT_TEXT[a]),
  }
}

function isWeekday(day: string): day is Weekday {
  return (WEEKDAYS as readonly string[]).includes(day)
}

function briefAccommodation(a: BriefAccommodationInput): BriefAccommodation {
  const reading = fidelityReading(a)
  if (reading === 'no_days') return { title: a.title, fidelity: null, detail: t('domain.brief.notApplied'), low: false, notNeeded: false }
  if (reading === 'not_needed') return { title: a.title, fidelity: null, detail: fidelityDaysSentence(a)!, low: false, notNeeded: true }
  const unrecorded = a.applicableDays - a.recordedDays
  return {
    title: a.title,
    fidelity: percent(a.fidelity),
    detail: t('domain.brief.used', {
      used: a.usedDays,
      days: dayCount(a.applicableDays),
      unrecorded: unrecorded > 0 ? t('domain.brief.notRecordedOn', { days: dayCount(unrecorded) }) : '',
    }),
    low: a.fidelity < LOW_FIDELITY,
    notNeeded: false,
  }
}

function goalValue(value: number, unit: GoalUnit): string {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1)
  if (unit === 'percent') return t('domain.percent', { value: n })
  return t(unit === 'minutes' ? 'domain.brief.goalMinutes' : 'domain.brief.goalTimes', { count: value, value: n })
}

function areaTitle(area: string): string {
  return area.charAt(0).toUpperCase() + area.slice(1)
}

function withStop(text: string): string {
  return /[.!?…]$/.test(text) ? text : t('domain.sentence', { text })
}

function briefGoal(g: BriefGoalInput, first: string): BriefGoal {
  const latest = g.latest
    ? t('domain.brief.latest', {
        value: goalValue(g.latest.value, g.unit),
        date: formatSchoolDate(g.latest.date),
        prompt: t(`domain.brief.prompts.${g.latest.promptLevel}`),
        first,
        regulation: t(`domain.brief.regulation.${g.latest.regulation}`),
        note: g.latest.note.trim() ? t('domain.brief.latestNote', { note: withStop(g.latest.note.trim()) }) : '',
      })
    : t('domain.brief.noProgressData')
  return {
    id: g.id,
    heading: t('domain.brief.heading', { area: areaTitle(g.area) }),
    summary: g.plain.means,
    target: g.target,
    status: MASTERY_LABELS[g.status.status],
    statusReason: g.status.reason,
    latest,
    metOnPaper: g.metOnPaper,
    flag: g.metOnPaper ? t('domain.brief.metOnPaperFlag', { first }) : null,
  }
}

function serviceQuestions(s: BriefServiceInput, first: string): string[] {
  const questions: string[] = []
  const service = lowerFirst(s.name)
  const balance = s.ledger.balance
  if (balance > 0) {
    const per = s.minutesPerSession
    if (per > 0 && balance % per === 0) {
      const n = balance / per
      questions.push(n === 1 ? t('domain.brief.questions.owedSession', { service }) : t('domain.brief.questions.owedSessions', { sessions: n, service }))
    } else {
      questions.push(t('domain.brief.questions.owedMinutes', { minutes: balance, service }))
    }
  }
  if (s.sessions.unrecorded > 0) questions.push(t('domain.brief.questions.unrecorded', { count: s.sessions.unrecorded, service }))
  if (s.alerts.includes('repeated_school_misses')) {
    questions.push(t('domain.brief.questions.repeatedSchoolMisses', { service: s.name }))
  } else if (s.alerts.includes('consecutive_misses')) {
    questions.push(t('domain.brief.questions.consecutiveMisses', { service }))
  }
  if (s.alerts.includes('low_delivery_rate')) {
    questions.push(t('domain.brief.questions.lowDelivery', { rate: percent(s.deliveryRate), first, service }))
  }
  const declined = s.missedByReason.student_declined ?? 0
  if (declined >= 2) questions.push(t('domain.brief.questions.declined', { first, declined, service }))
  return questions
}

function accommodationQuestions(accommodations: readonly BriefAccommodationInput[]): string[] {
  const questions: string[] = []
  // One question for all the under-used supports, one for the unrecorded ones: a brief, not a list of complaints.
  const started = accommodations.filter((a) => a.applicableDays > 0)
  const low = started.filter((a) => a.fidelity < LOW_FIDELITY)
  if (low.length === 1) {
    questions.push(t('domain.brief.questions.lowFidelityOne', { title: low[0]!.title, rate: percent(low[0]!.fidelity) }))
  } else if (low.length > 1) {
    const names = listInWords(low.map((a) => t('domain.brief.questions.lowFidelityItem', { title: a.title, rate: percent(a.fidelity) })))
    questions.push(t('domain.brief.questions.lowFidelityMany', { names }))
  }
  const unrecorded = started.filter((a) => a.fidelity >= LOW_FIDELITY && a.recordedDays < a.applicableDays)
  if (unrecorded.length === 1) {
    const a = unrecorded[0]!
    const missing = a.applicableDays - a.recordedDays
    questions.push(t('domain.brief.questions.unrecordedSupport', { count: missing, title: a.title, days: dayCount(missing) }))
  } else if (unrecorded.length > 1) {
    const names = listInWords(unrecorded.map((a) => t('domain.brief.questions.quoted', { title: a.title })))
    questions.push(t('domain.brief.questions.unrecordedSupports', { names }))
  }
  return questions
}

function goalQuestion(g: BriefGoalInput, first: string): string | null {
  const area = g.area.toLowerCase()
  if (g.metOnPaper) return t('domain.brief.questions.metOnPaper', { first, area })
  if (g.status.status === 'needs_attention') return t('domain.brief.questions.needsAttention', { area, reason: withStop(lowerFirst(g.status.reason)) })
  if (g.status.status === 'no_data') return t('domain.brief.questions.noData', { area })
  return null
}

/** Questions to ask, from the numbers: owed sessions, records missing, low delivery, unused supports, goals. */
export function briefQuestions(input: MeetingBriefInput): string[] {
  const first = briefFirstName(input.student)
  const questions = [
    ...input.services.flatMap((s) => serviceQuestions(s, first)),
    ...accommodationQuestions(input.accommodations),
    ...input.goals.flatMap((g) => goalQuestion(g, first) ?? []),
    ...input.concerns.map((c) =>
      t('domain.brief.questions.concern', { date: formatSchoolDate(c.date), issue: c.issue.trim().replace(/[.!?…]+$/, '') }),
    ),
  ]
  if (questions.length === 0) questions.push(t('domain.brief.questions.onTrack', { first }))
  return questions
}

export function buildMeetingBrief(input: MeetingBriefInput): MeetingBrief {
  const first = briefFirstName(input.student)
  return {
    student: { id: input.student.id, name: input.student.name, firstName: first },
    school: { name: input.school.name },
    asOf: input.asOf,
    title: t('domain.brief.title', { name: input.student.name }),
    intro: t('domain.brief.intro', { first, date: formatSchoolDate(input.asOf) }),
    services: input.services.map((s) => briefService(s, first)),
    accommodations: input.accommodations.map(briefAccommodation),
    goals: input.goals.map((g) => briefGoal(g, first)),
    concerns: {
      items: input.concerns.map((c) => ({
        id: c.id,
        text: t('domain.brief.concern', {
          date: formatSchoolDate(c.date),
          issue: withStop(c.issue.trim()),
          followUp: c.followUp?.trim() ? t('domain.brief.concernFollowUp', { text: withStop(c.followUp.trim()) }) : '',
        }),
      })),
      emptyText: t('domain.brief.noConcerns'),
    },
    reductions: input.reductions.map((r) => ({ id: r.id, text: r.summary })),
    agreements: briefAgreements(input.agreements ?? []),
    questions: briefQuestions(input),
  }
}

/** The agreements worth the meeting's time: still watched, or holding an item not yet done. */
export function briefAgreements(agreements: readonly BriefAgreementInput[]): BriefAgreement[] {
  return agreements
    .filter((a) => a.watched || a.items.some((i) => i.state !== 'done'))
    .map((a) => ({
      id: a.concernId,
      heading: t('concerns.agreement.briefConcern', { issue: withStop(a.issue.trim()), date: formatSchoolDate(a.agreedOn) }),
      watch: a.watched ? t('concerns.agreement.watched', { date: formatSchoolDate(a.watchEnds) }) : null,
      items: a.items.map((i) => ({
        id: i.id,
        state: i.state,
        text: t('concerns.agreement.briefItem', {
          kind: AGREEMENT_KIND_LABELS[i.kind],
          what: i.what,
          who: i.who,
          date: formatSchoolDate(i.dueOn),
          state: ITEM_STATE_LABELS[i.state],
        }),
      })),
    }))
}
