import { type Step, ladderStep } from './concerns.ts'
import { formatDay } from './i18n/format.ts'
import { activeLanguage, addSections, type Language, t } from './i18n/i18n.ts'
import { formatSchoolDate, type IsoDate, WEEKDAYS, type Weekday } from './school-date.ts'
import { type MissReason, REASON_LABELS } from './services.ts'
import { listInWords } from './word-list.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

/**
 * "Draft a letter" (docs/domain.md#ladder): a factual letter for the concern's current step, built only from the records.
 * The IEP's words, then what the records show, then what is asked — no blame, no adjectives ("The IEP states…",
 * never "You promised…"). The person edits it before sending; this is a first draft, not advice.
 */

export interface LetterService {
  name: string
  minutesPerSession: number
  weekdays: readonly string[]
  minutesMandated: number
  minutesDelivered: number
  sessions: { due: number; delivered: number; missed: number; unrecorded: number }
  ledger: { minutesOwed: number; minutesMadeUp: number; balance: number }
}

export interface LetterSession {
  date: IsoDate
  serviceName: string
  kind: 'delivered' | 'missed' | 'make_up'
  minutes: number | null
  reason: string | null
  /** For a missed session: the make-ups recorded for it, and the minutes still owed (0 when none are owed). */
  makeUps?: readonly { date: IsoDate; minutes: number }[]
  owedMinutes?: number
}

export interface LetterCheck {
  date: IsoDate
  /** The plan's own name of the support. */
  title: string
  /** Its name in other languages where someone wrote it: a letter in that language uses it (docs/languages.md#plain-summaries). */
  titles?: Partial<Record<Language, string>>
  status: 'used' | 'not_needed' | 'not_provided' | 'declined'
  reason: string | null
}

export interface LetterProgress {
  date: IsoDate
  goalArea: string
  value: string
  note: string
}

/** A dated contact or response. `familyOnly` ones are left out unless the family chose them by id. */
export interface LetterEntry {
  id: string
  date: IsoDate
  kind: 'contact' | 'response'
  person: string
  text: string
  familyOnly: boolean
}

export interface LetterInput {
  student: { name: string }
  step: Step
  today: IsoDate
  concern: { date: IsoDate; issue: string }
  /** The services the linked session records belong to, with their accountability numbers. */
  services: readonly LetterService[]
  sessions: readonly LetterSession[]
  checks: readonly LetterCheck[]
  progress: readonly LetterProgress[]
  entries: readonly LetterEntry[]
  /** Ids of family-only entries the family chose to include. */
  includeFamilyOnly: readonly string[]
  senderName: string
}

export interface Letter {
  subject: string
  body: string
}

const minuteCount = (count: number) => t('common.minutes', { count })
const sessionCount = (count: number) => t('domain.brief.sessions', { count })

function dayName(day: string): string {
  return (WEEKDAYS as readonly string[]).includes(day) ? t(`domain.weekdays.${day as Weekday}`) : day
}

function stop(text: string): string {
  const trimmed = text.trim()
  return /[.!?…]$/.test(trimmed) ? trimmed : t('domain.sentence', { text: trimmed })
}

function reasonText(reason: string | null): string {
  if (!reason) return t('domain.letter.noReason')
  return (REASON_LABELS as Record<string, string>)[reason as MissReason]?.toLowerCase() ?? reason
}

/** What became of a missed session since: " Made up on Thu, Dec 3 (30 minutes). 15 minutes still owed." */
function makeUpSince(s: LetterSession): string {
  const madeUp = [...(s.makeUps ?? [])].sort((a, b) => a.date.localeCompare(b.date))
  const days = madeUp.map((m) => t('domain.letterMakeUps.day', { date: formatSchoolDate(m.date), minutes: minuteCount(m.minutes) }))
  const made = days.length ? t('domain.letterMakeUps.madeUp', { days: listInWords(days) }) : ''
  const owed = s.owedMinutes ? t('domain.letterMakeUps.stillOwed', { minutes: minuteCount(s.owedMinutes) }) : ''
  return made + owed
}

function sessionLine(s: LetterSession): string {
  const words = { date: formatSchoolDate(s.date), service: s.serviceName }
  if (s.kind === 'missed') return t('domain.letter.missed', { ...words, reason: reasonText(s.reason) }) + makeUpSince(s)
  return t(s.kind === 'make_up' ? 'domain.letter.makeUp' : 'domain.letter.delivered', { ...words, minutes: minuteCount(s.minutes ?? 0) })
}

function checkLine(c: LetterCheck): string {
  return t('domain.letter.checkLine', {
    date: formatSchoolDate(c.date),
    title: c.titles?.[activeLanguage()] ?? c.title,
    status: t(`domain.letter.check.${c.status}`),
    reason: c.reason ? t('domain.letter.checkReason', { reason: c.reason }) : '',
  })
}

function serviceStates(s: LetterService): string {
  return t('domain.letter.states', {
    service: s.name.toLowerCase(),
    minutes: minuteCount(s.minutesPerSession),
    sessions: sessionCount(s.weekdays.length),
    days: listInWords(s.weekdays.map(dayName)),
  })
}

function serviceShows(s: LetterService): string {
  const n = s.sessions
  const { minutesOwed, minutesMadeUp, balance } = s.ledger
  const inSessions = s.minutesPerSession > 0 && balance > 0 && balance % s.minutesPerSession === 0
  const ledger =
    minutesOwed === 0
      ? t('domain.letter.noneOwed')
      : t('domain.letter.owed', {
          owed: minuteCount(minutesOwed),
          madeUp: minuteCount(minutesMadeUp),
          balance: minuteCount(balance),
          sessions: inSessions ? t('domain.letter.owedSessions', { sessions: sessionCount(balance / s.minutesPerSession) }) : '',
        })
  return t('domain.letter.shows', {
    delivery: t('domain.letter.showsDelivery', {
      delivered: s.minutesDelivered,
      mandated: t('domain.brief.mandatedMinutes', { count: s.minutesMandated }),
      service: s.name.toLowerCase(),
    }),
    due: t('domain.letter.showsDue', { sessions: sessionCount(n.due), delivered: n.delivered, missed: n.missed, unrecorded: n.unrecorded }),
    ledger,
  })
}

const REQUESTS: Record<Step, (student: string) => string[]> = {
  1: () => [t('domain.letter.requests.writtenPlan'), t('domain.letter.requests.writtenAnswer')],
  2: (student) => [t('domain.letter.requests.iepMeeting', { student }), t('domain.letter.requests.writtenPlan')],
  3: () => [t('domain.letter.requests.facilitated'), t('domain.letter.requests.writtenPlan')],
  4: () => [t('domain.letter.requests.mediation'), t('domain.letter.requests.makeUp')],
  5: (student) => [t('domain.letter.requests.investigation', { student }), t('domain.letter.requests.compensatoryOrder')],
  6: () => [t('domain.letter.requests.dueProcess'), t('domain.letter.requests.compensatory')],
}

/** The letter's text. Family-only entries appear only when the family chose them, by id. */
export function buildConcernLetter(input: LetterInput): Letter {
  const student = input.student.name
  const chosen = new Set(input.includeFamilyOnly)
  const entries = input.entries.filter((e) => !e.familyOnly || chosen.has(e.id)).sort((a, b) => a.date.localeCompare(b.date))
  const step = ladderStep(input.step).title.toLowerCase()
  const byDate = <T extends { date: IsoDate }>(items: readonly T[]) => [...items].sort((a, b) => a.date.localeCompare(b.date))
  const lines: string[] = []
  lines.push(formatDay(input.today, 'medium'))
  lines.push('')
  lines.push(t('domain.letter.re', { student, step }))
  lines.push('')
  lines.push(t(`domain.letter.openings.s${input.step}`))
  lines.push('')
  lines.push(t('domain.letter.concern', { date: formatSchoolDate(input.concern.date), issue: stop(input.concern.issue) }))

  if (input.services.length > 0) {
    lines.push('')
    lines.push(t('domain.letter.statesHeading'))
    for (const s of input.services) lines.push(serviceStates(s))
    lines.push('')
    lines.push(t('domain.letter.showsHeading'))
    for (const s of input.services) lines.push(serviceShows(s))
  }
  if (input.sessions.length > 0) {
    if (input.services.length === 0) {
      lines.push('')
      lines.push(t('domain.letter.showsHeading'))
    }
    lines.push(t('domain.letter.sessionsHeading'))
    for (const s of byDate(input.sessions)) lines.push(sessionLine(s))
  }
  if (input.checks.length > 0) {
    lines.push('')
    lines.push(t('domain.letter.checksHeading'))
    for (const c of byDate(input.checks)) lines.push(checkLine(c))
  }
  if (input.progress.length > 0) {
    lines.push('')
    lines.push(t('domain.letter.progressHeading'))
    for (const p of byDate(input.progress)) {
      const note = p.note.trim() ? t('domain.letter.progressNote', { note: stop(p.note) }) : ''
      lines.push(t('domain.letter.progress', { date: formatSchoolDate(p.date), area: p.goalArea, value: p.value, note }))
    }
  }
  if (entries.length > 0) {
    lines.push('')
    lines.push(t('domain.letter.entriesHeading'))
    for (const e of entries) {
      const person = e.person.trim()
      const who = person ? t(e.kind === 'contact' ? 'domain.letter.contactWith' : 'domain.letter.responseFrom', { person }) : ''
      const kind = t(e.kind === 'contact' ? 'domain.letter.contact' : 'domain.letter.response')
      lines.push(t('domain.letter.entry', { date: formatSchoolDate(e.date), kind, who, text: stop(e.text) }))
    }
  }
  lines.push('')
  lines.push(t('domain.letter.requestsHeading'))
  for (const request of REQUESTS[input.step](student)) lines.push(t('domain.letter.request', { request }))
  lines.push('')
  lines.push(t('domain.letter.closing'))
  lines.push('')
  lines.push(input.senderName)
  return { subject: t('domain.letter.subject', { student, step }), body: `${lines.join('\n')}\n` }
}
