import type { DB } from '#db/client.server.ts'
import { activeLanguage } from '#shared/i18n/i18n.ts'
import { supportNamesForReader } from '#shared/plain-translations.ts'
import { dailyDigest, type DigestPeriod, digestDedupeKey, latestDuePeriod, localClock, weekMinutes, weeklyDigest } from '#shared/digests.ts'
import type { MailBody } from '#shared/mail/compose.ts'
import { appUrl } from '../mail/app-url.server.ts'
import { inLanguage } from '../i18n/language.server.ts'
import { enqueueMail } from '../mail/outbox.server.ts'
import { studentAccountability } from './accountability.server.ts'
import { listAccommodations } from './accommodations.server.ts'
import type { Executor } from './audit.server.ts'
import { teamCadences } from './notice-preferences.server.ts'
import { yieldToOthers } from './yield-to-others.server.ts'
import { noticeSettingsLink, pruneNoticeSettingsLinks } from './notice-setting-links.server.ts'

/** The instant a school-local day begins, as the ISO timestamps the tables keep. */
function startOf(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString()
}
function endOf(date: string): string {
  const d = new Date(`${date}T00:00:00`)
  d.setDate(d.getDate() + 1)
  return d.toISOString()
}

export const settingsPath = (studentId: string) => `/account/notices?student=${encodeURIComponent(studentId)}`

/** The caller's own in-app notices about one student in a period: a person's digest carries only what was theirs. */
async function noticesIn(db: Executor, userId: string, studentIds: readonly string[], period: DigestPeriod) {
  if (studentIds.length === 0) return []
  return db
    .selectFrom('notifications')
    .select(['student_id', 'text', 'created_at'])
    .where('user_id', '=', userId)
    .where('student_id', 'in', studentIds)
    .where('created_at', '>=', startOf(period.from))
    .where('created_at', '<', endOf(period.to))
    .orderBy('created_at')
    .limit(500)
    .execute()
}

/** Supports whose latest record for a day in the period says "not provided" (a later undo takes it back). */
async function notProvidedIn(db: Executor, studentId: string, period: DigestPeriod): Promise<{ date: string; title: string }[]> {
  const rows = await db
    .selectFrom('accommodation_checks')
    .select(['accommodation_id', 'date', 'status', 'kind', 'recorded_at'])
    .where('student_id', '=', studentId)
    .where('date', '>=', period.from)
    .where('date', '<=', period.to)
    .orderBy('recorded_at')
    .execute()
  const latest = new Map<string, (typeof rows)[number]>()
  for (const r of rows) latest.set(`${r.accommodation_id}|${r.date}`, r)
  // In the reader's language where someone wrote it (docs/languages.md#plain-summaries).
  const titles = supportNamesForReader(await listAccommodations(db, studentId), activeLanguage())
  return [...latest.values()]
    .filter((r) => r.kind === 'record' && r.status === 'not_provided')
    .map((r) => ({ date: r.date, title: titles.get(r.accommodation_id) ?? '' }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
}

/**
 * The weekly digest `userId` would get about `studentId` for `period`, with the accountability numbers the app
 * shows as of the period's last day. Null when they are not (or no longer) on the team.
 */
export async function buildWeeklyDigest(
  db: DB,
  args: {
    userId: string
    studentId: string
    period: DigestPeriod
    settingsUrl: string
  },
): Promise<{ subject: string; body: MailBody } | null> {
  const member = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .select(['users.name as userName', 'students.name as studentName'])
    .where('team_members.user_id', '=', args.userId)
    .where('team_members.student_id', '=', args.studentId)
    .where('team_members.removed_at', 'is', null)
    .executeTakeFirst()
  if (!member) return null
  const numbers = await studentAccountability(db, args.studentId, args.period.to)
  return weeklyDigest({
    recipientName: member.userName,
    studentName: member.studentName,
    period: args.period,
    services: numbers.services.map((s) => ({
      name: s.name,
      week: weekMinutes(s.trend, args.period.from),
      year: { mandated: s.minutesMandated, delivered: s.minutesDelivered },
      owed: Math.max(0, s.ledger.balance),
      madeUp: s.ledger.minutesMadeUp,
    })),
    notProvided: await notProvidedIn(db, args.studentId, args.period),
    notices: (await noticesIn(db, args.userId, [args.studentId], args.period)).map((n) => ({ date: n.created_at.slice(0, 10), text: n.text })),
    briefUrl: appUrl(`/students/${encodeURIComponent(args.studentId)}/brief`),
    settingsUrl: args.settingsUrl,
  })
}

async function alreadyQueued(db: Executor, key: string): Promise<boolean> {
  return !!(await db.selectFrom('mail_outbox').select('id').where('dedupe_key', '=', key).executeTakeFirst())
}

export interface DigestPassResult {
  weekly: number
  daily: number
}

/** Bounds one pass: a school's worth of digests; anything left is picked up by the next pass a minute later. */
const MAX_PER_PASS = 2000

/**
 * Queues every digest due at `now` and not yet queued: for each person, the LATEST due period only (a server
 * down over Friday sends that Friday's on its return, never a burst of older ones), once (the dedupe key).
 * Membership and cadence are read now, so a removed member or a changed choice gets nothing more.
 */
export async function runDigestPass(db: DB, now: Date): Promise<DigestPassResult> {
  const clock = localClock(now)
  const weeklyPeriod = latestDuePeriod('weekly', clock)
  const dailyPeriod = latestDuePeriod('daily', clock)
  const result: DigestPassResult = { weekly: 0, daily: 0 }
  await pruneNoticeSettingsLinks(db, now)
  const students = await db.selectFrom('students').select(['id', 'name', 'school_id']).orderBy('id').execute()
  const dailyByUser = new Map<string, { schoolId: string; students: { id: string; name: string }[] }>()
  let work = 0
  for (const student of students) {
    await yieldToOthers()
    for (const member of await teamCadences(db, student.id)) {
      if (member.cadence === 'daily') {
        const entry = dailyByUser.get(member.userId) ?? {
          schoolId: student.school_id,
          students: [],
        }
        entry.students.push({ id: student.id, name: student.name })
        dailyByUser.set(member.userId, entry)
      }
      if (member.cadence !== 'weekly' || work >= MAX_PER_PASS) continue
      const key = digestDedupeKey('weekly', member.userId, weeklyPeriod, student.id)
      if (await alreadyQueued(db, key)) continue
      work++
      // A switched-off account (docs/people.md) is told nothing more about anyone's child.
      const user = await db.selectFrom('users').select(['email', 'name', 'language']).where('id', '=', member.userId).where('deactivated_at', 'is', null).executeTakeFirst()
      if (!user) continue
      const settingsUrl = await noticeSettingsLink(db, {
        userId: member.userId,
        studentId: student.id,
        now,
      })
      // Written in the reader's language from the first word: the digest's sentences are made as it is built.
      const mail = await inLanguage(user.language, () =>
        buildWeeklyDigest(db, {
          userId: member.userId,
          studentId: student.id,
          period: weeklyPeriod,
          settingsUrl,
        }),
      )
      if (!mail) continue
      const { queued } = await enqueueMail(
        db,
        {
          to: user.email,
          toName: user.name,
          schoolId: student.school_id,
          studentId: student.id,
          userId: member.userId,
          kind: 'digest',
          compose: () => ({
            subject: mail.subject,
            body: mail.body,
          }),
          dedupeKey: key,
        },
        now,
      )
      if (queued) result.weekly++
    }
  }
  for (const [userId, entry] of dailyByUser) {
    if (work >= MAX_PER_PASS) break
    await yieldToOthers()
    const key = digestDedupeKey('daily', userId, dailyPeriod)
    if (await alreadyQueued(db, key)) continue
    work++
    const user = await db.selectFrom('users').select(['email', 'name', 'language']).where('id', '=', userId).where('deactivated_at', 'is', null).executeTakeFirst()
    if (!user) continue
    const notices = await noticesIn(
      db,
      userId,
      entry.students.map((s) => s.id),
      dailyPeriod,
    )
    // An empty day sends nothing and is looked at again next pass: a notice written late that evening still goes.
    if (notices.length === 0) continue
    const daily = {
      recipientName: user.name,
      period: dailyPeriod,
      students: await Promise.all(
        entry.students
          .filter((s) => notices.some((n) => n.student_id === s.id))
          .map(async (s) => ({
            name: s.name,
            notices: notices.filter((n) => n.student_id === s.id).map((n) => n.text),
            settingsUrl: await noticeSettingsLink(db, {
              userId,
              studentId: s.id,
              now,
            }),
          })),
      ),
    }
    const mail = inLanguage(user.language, () => dailyDigest(daily))
    if (!mail) continue
    const { queued } = await enqueueMail(
      db,
      {
        to: user.email,
        toName: user.name,
        schoolId: entry.schoolId,
        userId,
        kind: 'digest',
        compose: () => ({
          subject: mail.subject,
          body: mail.body,
        }),
        dedupeKey: key,
      },
      now,
    )
    if (queued) result.daily++
  }
  return result
}

/** Runs a digest pass at start and every minute in the server process, like the mail sender; one pass at a time. */
export class DigestScheduler {
  private timer: ReturnType<typeof setInterval> | null = null
  private running: Promise<unknown> | null = null
  constructor(private readonly options: { db: DB; now: () => Date; intervalMs?: number }) {}

  start(): void {
    this.tick()
    this.timer = setInterval(() => this.tick(), this.options.intervalMs ?? 60_000)
    this.timer.unref?.()
  }

  private tick(): void {
    if (this.running) return
    this.running = runDigestPass(this.options.db, this.options.now())
      .catch((error: unknown) => console.error('The digest pass failed; the next one tries again', error))
      .finally(() => (this.running = null))
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }
}
