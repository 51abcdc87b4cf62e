import { type Step, ladderStep } from './concerns.ts'
import { formatSchoolDate, type IsoDate } from './school-date.ts'
import { type MissReason, REASON_LABELS } from './services.ts'

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
}

export interface LetterCheck {
  date: IsoDate
  title: string
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

const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' }

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

function stop(text: string): string {
  const t = text.trim()
  return /[.!?…]$/.test(t) ? t : `${t}.`
}

function reasonText(reason: string | null): string {
  if (!reason) return 'no reason recorded'
  return (REASON_LABELS as Record<string, string>)[reason as MissReason]?.toLowerCase() ?? reason
}

function sessionLine(s: LetterSession): string {
  const date = formatSchoolDate(s.date)
  if (s.kind === 'missed') return `- ${date}: ${s.serviceName} session missed (reason recorded: ${reasonText(s.reason)}).`
  if (s.kind === 'make_up') return `- ${date}: ${s.serviceName} make-up session, ${plural(s.minutes ?? 0, 'minute')}.`
  return `- ${date}: ${s.serviceName} session delivered, ${plural(s.minutes ?? 0, 'minute')}.`
}

const CHECK_TEXT: Record<LetterCheck['status'], string> = {
  used: 'recorded as used',
  not_needed: 'recorded as not needed',
  not_provided: 'recorded as not provided',
  declined: 'recorded as declined by the student',
}

function checkLine(c: LetterCheck): string {
  return `- ${formatSchoolDate(c.date)}: “${c.title}” ${CHECK_TEXT[c.status]}${c.reason ? ` (reason recorded: ${c.reason})` : ''}.`
}

function serviceStates(s: LetterService): string {
  const days = list(s.weekdays.map((d) => DAY_NAMES[d] ?? d))
  return `The IEP states that ${s.name.toLowerCase()} is provided for ${plural(s.minutesPerSession, 'minute')} a session, ${plural(
    s.weekdays.length,
    'session',
  )} a week (${days}).`
}

function serviceShows(s: LetterService): string {
  const n = s.sessions
  const parts = [
    `${s.minutesDelivered} of ${plural(s.minutesMandated, 'mandated minute')} of ${s.name.toLowerCase()} have been delivered`,
    `${plural(n.due, 'session')} were due: ${n.delivered} delivered, ${n.missed} missed, ${n.unrecorded} not recorded`,
  ]
  const { minutesOwed, minutesMadeUp, balance } = s.ledger
  const ledger =
    minutesOwed === 0
      ? 'The records show no make-up minutes owed.'
      : `The records show ${plural(minutesOwed, 'minute')} owed as make-up, ${plural(minutesMadeUp, 'minute')} made up, and a balance of ${plural(balance, 'minute')}${
          s.minutesPerSession > 0 && balance > 0 && balance % s.minutesPerSession === 0 ? ` (${plural(balance / s.minutesPerSession, 'session')})` : ''
        } still owed.`
  return `${parts.join('; ')}. ${ledger}`
}

const REQUESTS: Record<Step, (student: string) => string[]> = {
  1: () => ['A written plan, with dates, for making up the sessions still owed.', 'A written answer to this letter within ten school days.'],
  2: (student) => [`An IEP meeting to review ${student}’s services and how they are delivered.`, 'A written plan, with dates, for making up the sessions still owed.'],
  3: () => ['A facilitated IEP meeting, led by a neutral facilitator.', 'A written plan, with dates, for making up the sessions still owed.'],
  4: () => ['Mediation with the school district through the state’s mediation program.', 'Make-up sessions for the minutes still owed.'],
  5: (student) => [
    `An investigation of whether ${student}’s IEP has been carried out as written.`,
    'An order for make-up (compensatory) services for the minutes still owed.',
  ],
  6: () => ['A due process hearing on the matters described above.', 'Make-up (compensatory) services for the minutes still owed.'],
}

const OPENINGS: Record<Step, string> = {
  1: 'I am writing about a concern with the services in my child’s IEP.',
  2: 'I am writing to request an IEP meeting about the concern described below.',
  3: 'I am writing to request a facilitated IEP meeting about the concern described below.',
  4: 'I am writing to request mediation about the concern described below.',
  5: 'I am filing this complaint about how my child’s IEP has been carried out.',
  6: 'I am writing to request a due process hearing about the concern described below.',
}

/** The letter's text. Family-only entries appear only when the family chose them, by id. */
export function buildConcernLetter(input: LetterInput): Letter {
  const student = input.student.name
  const chosen = new Set(input.includeFamilyOnly)
  const entries = input.entries.filter((e) => !e.familyOnly || chosen.has(e.id)).sort((a, b) => a.date.localeCompare(b.date))
  const step = ladderStep(input.step)
  const lines: string[] = []
  lines.push(formatSchoolDate(input.today).replace(/^\w+, /, '') + `, ${input.today.slice(0, 4)}`)
  lines.push('')
  lines.push(`Re: ${student} — ${step.title.toLowerCase()}`)
  lines.push('')
  lines.push(OPENINGS[input.step])
  lines.push('')
  lines.push(`The concern, first raised on ${formatSchoolDate(input.concern.date)}: ${stop(input.concern.issue)}`)

  if (input.services.length > 0) {
    lines.push('')
    lines.push('What the IEP states')
    for (const s of input.services) lines.push(serviceStates(s))
    lines.push('')
    lines.push('What the records show')
    for (const s of input.services) lines.push(serviceShows(s))
  }
  if (input.sessions.length > 0) {
    if (input.services.length === 0) {
      lines.push('')
      lines.push('What the records show')
    }
    lines.push('The session records this letter is about:')
    for (const s of [...input.sessions].sort((a, b) => a.date.localeCompare(b.date))) lines.push(sessionLine(s))
  }
  if (input.checks.length > 0) {
    lines.push('')
    lines.push('Accommodation records:')
    for (const c of [...input.checks].sort((a, b) => a.date.localeCompare(b.date))) lines.push(checkLine(c))
  }
  if (input.progress.length > 0) {
    lines.push('')
    lines.push('Progress records:')
    for (const p of [...input.progress].sort((a, b) => a.date.localeCompare(b.date))) {
      lines.push(`- ${formatSchoolDate(p.date)}: ${p.goalArea} goal, ${p.value}${p.note.trim() ? ` (note: ${stop(p.note)})` : ''}`)
    }
  }
  if (entries.length > 0) {
    lines.push('')
    lines.push('Contacts so far:')
    for (const e of entries) {
      const who = e.person.trim() ? ` ${e.kind === 'contact' ? 'with' : 'from'} ${e.person.trim()}` : ''
      lines.push(`- ${formatSchoolDate(e.date)}: ${e.kind === 'contact' ? 'contact' : 'response'}${who}: ${stop(e.text)}`)
    }
  }
  lines.push('')
  lines.push('What I am requesting')
  for (const r of REQUESTS[input.step](student)) lines.push(`- ${r}`)
  lines.push('')
  lines.push('Thank you. I look forward to your reply.')
  lines.push('')
  lines.push(input.senderName)
  return { subject: `${student}: ${step.title.toLowerCase()}`, body: `${lines.join('\n')}\n` }
}
