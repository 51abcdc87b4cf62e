import { ALERT_TEXT, type ServiceNumbers } from './accountability.ts'
import { MASTERY_LABELS, type MasteryResult } from './mastery.ts'
import { lowerFirst } from './notifications.ts'
import type { GoalUnit, PromptLevel, RegulationState } from './schemas/plan.ts'
import { formatSchoolDate, type IsoDate } from './school-date.ts'
import { MISSED_REASONS, REASON_LABELS, REASON_RESPONSIBILITY } from './services.ts'

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
  asOf: IsoDate
  services: readonly BriefServiceInput[]
  accommodations: readonly BriefAccommodationInput[]
  goals: readonly BriefGoalInput[]
  concerns: readonly OpenConcernInput[]
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
  /** "67%", or null when it applied on no day yet. */
  fidelity: string | null
  detail: string
  low: boolean
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
  asOf: IsoDate
  title: string
  intro: string
  services: BriefService[]
  accommodations: BriefAccommodation[]
  goals: BriefGoal[]
  concerns: { items: BriefConcern[]; emptyText: string }
  questions: string[]
}

export const NO_CONCERNS_TEXT = 'No concerns logged.'

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`
}

/** 0.8 → "80%", 0.897 → "89.7%": one decimal, so a rate just under 90% never reads as 90%. */
export function percent(rate: number): string {
  const pct = Math.round(rate * 1000) / 10
  return `${Number.isInteger(pct) ? pct : pct.toFixed(1)}%`
}

/** The name adults use: the preferred name, else the first word of the name. */
export function briefFirstName(student: { name: string; preferredName: string | null }): string {
  return student.preferredName?.trim() || student.name.trim().split(/\s+/)[0] || student.name
}

const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri' }

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

function minutesAsSessions(minutes: number, perSession: number): string {
  if (perSession > 0 && minutes % perSession === 0) return `${plural(minutes / perSession, 'session')} (${plural(minutes, 'minute')})`
  return plural(minutes, 'minute')
}

function ledgerText(s: BriefServiceInput, first: string): string {
  const { minutesOwed, minutesMadeUp, balance } = s.ledger
  if (minutesOwed === 0 && minutesMadeUp === 0) return `Nothing is owed to ${first}.`
  const owed = minutesOwed === 0 ? `Nothing owed to ${first}` : `${minutesAsSessions(minutesOwed, s.minutesPerSession)} owed to ${first}`
  const madeUp = s.sessions.madeUp === 0 ? 'none made up yet' : `${s.sessions.madeUp} made up (${plural(minutesMadeUp, 'minute')})`
  const still = balance === 0 ? 'nothing still owed' : `${minutesAsSessions(balance, s.minutesPerSession)} still owed`
  return `${owed}; ${madeUp}; ${still}.`
}

function briefService(s: BriefServiceInput, first: string): BriefService {
  const n = s.sessions
  const days = list(s.weekdays.map((d) => DAY_NAMES[d] ?? d))
  const sessionParts = [`${n.due} due so far: ${n.delivered} delivered, ${n.missed} missed, ${n.unrecorded} not recorded`]
  if (n.pending > 0) sessionParts.push(`${n.pending} still to be recorded`)
  if (n.madeUp > 0) sessionParts.push(plural(n.madeUp, 'make-up session'))
  const missedReasons = MISSED_REASONS.filter((r) => (s.missedByReason[r] ?? 0) > 0).map(
    (r) => `${REASON_LABELS[r]}: ${plural(s.missedByReason[r] ?? 0, 'session')} (${REASON_RESPONSIBILITY[r] === 'school' ? 'school responsible' : 'student reason'})`,
  )
  if (n.unrecorded > 0) missedReasons.push(`${REASON_LABELS.unrecorded}: ${plural(n.unrecorded, 'session')} (school responsible)`)
  return {
    key: s.key,
    name: s.name,
    schedule: `With ${s.providerName} · ${plural(s.minutesPerSession, 'minute')} a session, ${days}`,
    delivery:
      n.due === 0
        ? 'No sessions are due yet.'
        : `${s.minutesDelivered} of ${plural(s.minutesMandated, 'mandated minute')} delivered (${percent(s.deliveryRate)}).`,
    sessions: `${sessionParts.join('; ')}.`,
    ledger: ledgerText(s, first),
    missedReasons,
    alerts: s.alerts.map((a) => ALERT_TEXT[a]),
  }
}

function briefAccommodation(a: BriefAccommodationInput): BriefAccommodation {
  if (a.applicableDays === 0) return { title: a.title, fidelity: null, detail: 'It has not applied on any recorded day yet.', low: false }
  const unrecorded = a.applicableDays - a.recordedDays
  return {
    title: a.title,
    fidelity: percent(a.fidelity),
    detail: `Used on ${a.usedDays} of ${plural(a.applicableDays, 'day')} it applied${unrecorded > 0 ? `; not recorded on ${plural(unrecorded, 'day')}` : ''}.`,
    low: a.fidelity < LOW_FIDELITY,
  }
}

const PROMPT_PHRASES: Record<PromptLevel, string> = {
  independent: 'independently',
  gestural: 'with a gesture prompt',
  verbal: 'with a verbal prompt',
  visual: 'with a visual cue',
  model: 'after an adult showed how',
  physical: 'with hands-on help',
}

function goalValue(value: number, unit: GoalUnit): string {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1)
  if (unit === 'percent') return `${n}%`
  if (unit === 'minutes') return `${n} ${value === 1 ? 'minute' : 'minutes'}`
  return `${n} ${value === 1 ? 'time' : 'times'}`
}

function areaTitle(area: string): string {
  return area.charAt(0).toUpperCase() + area.slice(1)
}

function withStop(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`
}

function briefGoal(g: BriefGoalInput, first: string): BriefGoal {
  const latest = g.latest
    ? `Latest: ${goalValue(g.latest.value, g.unit)} on ${formatSchoolDate(g.latest.date)}, ${PROMPT_PHRASES[g.latest.promptLevel]}; ${first} was ${g.latest.regulation}.${
        g.latest.note.trim() ? ` Note: “${withStop(g.latest.note.trim())}”` : ''
      }`
    : 'No progress data yet.'
  return {
    id: g.id,
    heading: `${areaTitle(g.area)} goal`,
    summary: g.plain.means,
    target: g.target,
    status: MASTERY_LABELS[g.status.status],
    statusReason: g.status.reason,
    latest,
    metOnPaper: g.metOnPaper,
    flag: g.metOnPaper ? `Met on paper only: the number reaches the goal, but ${first} was dysregulated in recent sessions.` : null,
  }
}

/** Questions to ask, from the numbers: owed sessions, records missing, low delivery, unused supports, goals. */
export function briefQuestions(input: MeetingBriefInput): string[] {
  const first = briefFirstName(input.student)
  const questions: string[] = []
  for (const s of input.services) {
    const name = lowerFirst(s.name)
    const balance = s.ledger.balance
    if (balance > 0) {
      const per = s.minutesPerSession
      if (per > 0 && balance % per === 0) {
        const n = balance / per
        questions.push(
          n === 1
            ? `When will the owed ${name} session be made up, and who will provide it?`
            : `When will the ${n} owed ${name} sessions be made up, and who will provide them?`,
        )
      } else {
        questions.push(`When will the ${balance} owed minutes of ${name} be made up, and who will provide them?`)
      }
    }
    if (s.sessions.unrecorded > 0) {
      questions.push(
        s.sessions.unrecorded === 1
          ? `1 ${name} session was never recorded: was it held, and who makes sure every session is recorded?`
          : `${s.sessions.unrecorded} ${name} sessions were never recorded: were they held, and who makes sure every session is recorded?`,
      )
    }
    if (s.alerts.includes('repeated_school_misses')) {
      questions.push(`${s.name} keeps being missed for school reasons: who covers it when the provider is away?`)
    } else if (s.alerts.includes('consecutive_misses')) {
      questions.push(`The last two ${name} sessions were missed or not recorded: what happened, and is the service back on schedule?`)
    }
    if (s.alerts.includes('low_delivery_rate')) {
      questions.push(`Only ${percent(s.deliveryRate)} of ${first}’s mandated ${name} minutes have been delivered: what will change so ${first} gets the full service?`)
    }
    const declined = s.missedByReason.student_declined ?? 0
    if (declined >= 2) {
      questions.push(`${first} declined ${declined} ${name} sessions: what makes them hard, and what could help ${first} take part?`)
    }
  }
  // One question for all the under-used supports, one for the unrecorded ones: a brief, not a list of complaints.
  const started = input.accommodations.filter((a) => a.applicableDays > 0)
  const low = started.filter((a) => a.fidelity < LOW_FIDELITY)
  if (low.length === 1) {
    questions.push(`“${low[0]!.title}” was used on only ${percent(low[0]!.fidelity)} of the days it applied: what gets in the way, and who makes sure it is offered?`)
  } else if (low.length > 1) {
    const names = list(low.map((a) => `“${a.title}” (${percent(a.fidelity)})`))
    questions.push(`${names} were each used on fewer than 90% of the days they applied: what gets in the way, and who makes sure they are offered?`)
  }
  const unrecorded = started.filter((a) => a.fidelity >= LOW_FIDELITY && a.recordedDays < a.applicableDays)
  if (unrecorded.length === 1) {
    const a = unrecorded[0]!
    const missing = a.applicableDays - a.recordedDays
    questions.push(`“${a.title}” was not recorded on ${plural(missing, 'day')} it applied: was it offered on ${missing === 1 ? 'that day' : 'those days'}?`)
  } else if (unrecorded.length > 1) {
    questions.push(`${list(unrecorded.map((a) => `“${a.title}”`))} were not recorded on some of the days they applied: were they offered on those days?`)
  }
  for (const g of input.goals) {
    const area = g.area.toLowerCase()
    if (g.metOnPaper) {
      questions.push(`${first} met the ${area} goal on paper while dysregulated: how is ${first} really doing?`)
    } else if (g.status.status === 'needs_attention') {
      questions.push(`The ${area} goal needs attention: ${withStop(lowerFirst(g.status.reason))} What will the team change?`)
    } else if (g.status.status === 'no_data') {
      questions.push(`There is no progress data yet for the ${area} goal: when will it be measured, and by whom?`)
    }
  }
  for (const c of input.concerns) {
    questions.push(`What is the next step on the concern raised ${formatSchoolDate(c.date)}, “${c.issue.trim().replace(/[.!?…]+$/, '')}”?`)
  }
  if (questions.length === 0) questions.push(`Everything is on track: is there anything the team would like to change for ${first}?`)
  return questions
}

export function buildMeetingBrief(input: MeetingBriefInput): MeetingBrief {
  const first = briefFirstName(input.student)
  return {
    student: { id: input.student.id, name: input.student.name, firstName: first },
    asOf: input.asOf,
    title: `Meeting brief for ${input.student.name}`,
    intro: `What ${first}’s IEP mandates and what the team’s records show, up to and including ${formatSchoolDate(input.asOf)}. School staff and family see these same numbers.`,
    services: input.services.map((s) => briefService(s, first)),
    accommodations: input.accommodations.map(briefAccommodation),
    goals: input.goals.map((g) => briefGoal(g, first)),
    concerns: {
      items: input.concerns.map((c) => ({
        id: c.id,
        text: `${formatSchoolDate(c.date)}: ${withStop(c.issue.trim())}${c.followUp?.trim() ? ` Follow-up: ${withStop(c.followUp.trim())}` : ''}`,
      })),
      emptyText: NO_CONCERNS_TEXT,
    },
    questions: briefQuestions(input),
  }
}
