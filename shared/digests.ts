import { addSections, t } from './i18n/i18n.ts'
import type { MailBody } from './mail/compose.ts'
import type { NoticeCadence } from './notice-cadence.ts'
import { addDays, formatSchoolDate, type IsoDate, localIsoDate, weekdayOf } from './school-date.ts'
import { digests } from './i18n/en/digests.ts'

addSections({ digests })

/** The two cadences that gather notices into one email per period. */
export type DigestCadence = Extract<NoticeCadence, 'daily' | 'weekly'>

/** Friday 15:00 (school-local): the week's email goes out while the school day is ending, before the weekend. */
export const WEEKLY_DUE_MINUTES = 15 * 60
/** 17:00 (school-local): after the day's sessions are recorded. */
export const DAILY_DUE_MINUTES = 17 * 60

/** A point in school-local time: the date and the minutes since its midnight (the server runs in the school's zone). */
export interface LocalClock {
  date: IsoDate
  minutes: number
}

export function localClock(now: Date): LocalClock {
  return { date: localIsoDate(now), minutes: now.getHours() * 60 + now.getMinutes() }
}

/** One period a digest covers: its first and last day, and the key that makes it sent once. */
export interface DigestPeriod {
  key: string
  from: IsoDate
  to: IsoDate
}

/**
 * The latest period whose digest is due at `at`. Only this one is ever sent: a server that was down over a
 * Friday sends that Friday's digest when it returns, but never a burst of older ones (docs/decisions/020).
 * Weekly: Monday–Friday of the latest Friday at or before `at` whose 15:00 has passed.
 * Daily: the latest school weekday whose 17:00 has passed (weekends have no sessions, so no daily digest).
 */
export function latestDuePeriod(cadence: DigestCadence, at: LocalClock): DigestPeriod {
  if (cadence === 'weekly') {
    let friday = at.date
    // At most 6 steps back to a Friday.
    for (let i = 0; i < 7 && weekdayOf(friday) !== 'fri'; i++) friday = addDays(friday, -1)
    if (friday === at.date && at.minutes < WEEKLY_DUE_MINUTES) friday = addDays(friday, -7)
    const monday = addDays(friday, -4)
    return { key: `week-${monday}`, from: monday, to: friday }
  }
  let day = at.minutes >= DAILY_DUE_MINUTES ? at.date : addDays(at.date, -1)
  for (let i = 0; i < 3 && (weekdayOf(day) === 'sat' || weekdayOf(day) === 'sun'); i++) day = addDays(day, -1)
  return { key: `day-${day}`, from: day, to: day }
}

/** The key that makes one digest queued once, ever (the outbox refuses a second message with it). */
export function digestDedupeKey(cadence: DigestCadence, userId: string, period: DigestPeriod, studentId?: string): string {
  return studentId ? `digest:${cadence}:${userId}:${studentId}:${period.key}` : `digest:${cadence}:${userId}:${period.key}`
}

export interface WeeklyServiceLine {
  name: string
  week: { mandated: number; delivered: number }
  year: { mandated: number; delivered: number }
  /** Minutes still owed (the ledger's balance). */
  owed: number
  madeUp: number
}

export interface WeeklyDigestInput {
  recipientName: string | null
  studentName: string
  period: DigestPeriod
  services: readonly WeeklyServiceLine[]
  notProvided: readonly { date: IsoDate; title: string }[]
  notices: readonly { date: IsoDate; text: string }[]
  briefUrl: string
  settingsUrl: string
}

const minutesOf = (p: { mandated: number; delivered: number }) => t('digests.weekly.minutesOf', { delivered: p.delivered, mandated: p.mandated })

/** The parent's weekly email about one student: the same numbers the app shows, in one readable message. */
export function weeklyDigest(input: WeeklyDigestInput): { subject: string; body: MailBody } {
  const week = formatSchoolDate(input.period.from)
  const student = input.studentName
  const paragraphs: string[] = [t('digests.weekly.intro', { week, student })]
  if (input.services.length === 0) paragraphs.push(t('digests.weekly.noServices', { student }))
  if (input.notProvided.length === 0) paragraphs.push(t('digests.weekly.notProvidedNone'))
  else
    paragraphs.push(
      [t('digests.weekly.notProvidedIntro'), ...input.notProvided.map((n) => t('digests.weekly.notProvidedItem', { date: formatSchoolDate(n.date), title: n.title }))].join('\n'),
    )
  if (input.notices.length === 0) paragraphs.push(t('digests.weekly.noticesNone'))
  else paragraphs.push([t('digests.weekly.noticesIntro'), ...input.notices.map((n) => t('digests.weekly.noticeItem', { date: formatSchoolDate(n.date), text: n.text }))].join('\n'))
  return {
    subject: t('digests.weekly.subject', { student, week }),
    body: {
      greeting: input.recipientName ? t('digests.weekly.greeting', { name: input.recipientName }) : null,
      paragraphs,
      table: {
        caption: t('digests.weekly.tableCaption'),
        head: [t('digests.weekly.headService'), t('digests.weekly.headWeek'), t('digests.weekly.headYear'), t('digests.weekly.headOwed'), t('digests.weekly.headMadeUp')],
        rows: input.services.map((s) => [
          s.name,
          minutesOf(s.week),
          minutesOf(s.year),
          t('digests.weekly.minutes', { count: s.owed }),
          t('digests.weekly.minutes', { count: s.madeUp }),
        ]),
      },
      action: { label: t('digests.weekly.briefAction', { student }), url: input.briefUrl },
      footer: [t('digests.weekly.footerWhy', { student })],
      footerLinks: [{ label: t('digests.weekly.footerLink', { student }), url: input.settingsUrl }],
    },
  }
}

export interface DailyDigestInput {
  recipientName: string | null
  period: DigestPeriod
  students: readonly { name: string; notices: readonly string[]; settingsUrl: string }[]
}

/** A case manager's day in one email, grouped by student. Null when the day had nothing to say: no empty email. */
export function dailyDigest(input: DailyDigestInput): { subject: string; body: MailBody } | null {
  const students = input.students.filter((s) => s.notices.length > 0)
  if (students.length === 0) return null
  const date = formatSchoolDate(input.period.from)
  return {
    subject: t('digests.daily.subject', { date }),
    body: {
      greeting: input.recipientName ? t('digests.daily.greeting', { name: input.recipientName }) : null,
      paragraphs: [t('digests.daily.intro', { date }), ...students.map((s) => [t('digests.daily.studentHeading', { student: s.name }), ...s.notices.map((n) => `- ${n}`)].join('\n'))],
      footer: [t('digests.daily.footerWhy')],
      footerLinks: students.map((s) => ({ label: t('digests.weekly.footerLink', { student: s.name }), url: s.settingsUrl })),
    },
  }
}

/** A week's minutes from the accountability trend (Monday-keyed), zero when the week had nothing scheduled. */
export function weekMinutes(trend: readonly { weekOf: IsoDate; mandated: number; delivered: number }[], monday: IsoDate): { mandated: number; delivered: number } {
  const p = trend.find((w) => w.weekOf === monday)
  return { mandated: p?.mandated ?? 0, delivered: p?.delivered ?? 0 }
}
