import { randomUUID } from 'node:crypto'
import type { NotificationKind } from '#shared/notifications.ts'
import { DEFAULT_LANGUAGE, t } from '#shared/i18n/i18n.ts'
import { inLanguage } from '../i18n/language.server.ts'
import { enqueueMail } from '../mail/outbox.server.ts'
import { appUrl } from '../mail/app-url.server.ts'
import { type Executor, recordAudit } from './audit.server.ts'
import { cadenceFor } from './notice-preferences.server.ts'
import { noticeSettingsLink } from './notice-setting-links.server.ts'

export interface Notice {
  userId: string
  studentId: string
  kind: NotificationKind
  /**
   * The in-app sentence; the email says the same. Written when the notice is made, in its reader's language (their
   * account's), so a function: everything in it (a service, a day, a reason) is made in that language too.
   */
  text: () => string
  relatedId: string | null
  /** Who caused it (null for the server's own periodic pass). */
  actorId: string | null
  /** Words for the email's subject line: the service (or support) and the school day it is about, in the reader's language. */
  subject: () => { service?: string; date?: string }
}

/** The page each kind of notice points to, inside the student's pages. */
const ACTION_PATH: Record<NotificationKind, string> = {
  session_missed: 'sessions',
  support_not_provided: 'checks',
  alert_started: 'accountability',
  alert_cleared: 'accountability',
  session_unrecorded: 'sessions',
  plan_change: 'plan-changes',
  progress_report: 'reports',
  // The student's own page: the IEP dates and the goals.
  iep_due: '',
  concern_reopened: 'concerns',
  records_ready: 'records',
}

/**
 * The one way a notice is made: the in-app row, and, for a person who chose to hear about this student at once,
 * the email too, both in the caller's transaction so the event, the notice and the mail land together or not at all.
 * A person not (or no longer) on the student's team gets nothing: `cadenceFor` is null for them. The daily and
 * weekly digests read the same rows later, so nothing else is queued for them here.
 */
export async function notify(trx: Executor, notice: Notice, now: Date): Promise<{ id: string; mailed: boolean } | null> {
  const cadence = await cadenceFor(trx, notice.userId, notice.studentId)
  if (cadence === null) return null
  const reader = await trx.selectFrom('users').select('language').where('id', '=', notice.userId).executeTakeFirst()
  const { text, subject } = inLanguage(reader?.language ?? DEFAULT_LANGUAGE, () => ({ text: notice.text(), subject: notice.subject() }))
  const id = randomUUID()
  await trx
    .insertInto('notifications')
    .values({
      id,
      user_id: notice.userId,
      student_id: notice.studentId,
      kind: notice.kind,
      text,
      related_id: notice.relatedId,
      created_at: now.toISOString(),
      seen_at: null,
    })
    .execute()
  // No student id on the audit row: evidence of the notice, not a change to the plan (it would crowd the history).
  await recordAudit(trx, {
    actorId: notice.actorId,
    entity: 'notification',
    entityId: id,
    action: 'create',
    after: { userId: notice.userId, studentId: notice.studentId, kind: notice.kind, text, relatedId: notice.relatedId },
    at: now,
  })
  if (cadence !== 'immediate') return { id, mailed: false }
  const { queued } = await mailNotice(trx, id, { ...notice, text, subject }, now)
  return { id, mailed: queued }
}

async function mailNotice(trx: Executor, id: string, notice: Omit<Notice, 'text' | 'subject'> & { text: string; subject: ReturnType<Notice['subject']> }, now: Date): Promise<{ queued: boolean }> {
  // A switched-off account (docs/people.md) is told nothing more about anyone's child.
  const user = await trx.selectFrom('users').select(['email', 'name']).where('id', '=', notice.userId).where('deactivated_at', 'is', null).executeTakeFirst()
  const student = await trx.selectFrom('students').select(['name', 'preferred_name', 'school_id']).where('id', '=', notice.studentId).executeTakeFirst()
  if (!user || !student) return { queued: false }
  const firstName = student.preferred_name?.trim() || student.name.trim().split(/\s+/)[0] || student.name
  const words = { student: firstName, service: notice.subject.service ?? '', date: notice.subject.date ?? '' }
  const base = `/students/${encodeURIComponent(notice.studentId)}`
  const settingsUrl = await noticeSettingsLink(trx, { userId: notice.userId, studentId: notice.studentId, now })
  return enqueueMail(
    trx,
    {
      to: user.email,
      toName: user.name,
      schoolId: student.school_id,
      studentId: notice.studentId,
      userId: notice.userId,
      kind: 'notice',
      compose: () => ({
        subject: t(`notices.mail.subject.${notice.kind}`, words),
        body: {
          greeting: user.name ? t('notices.mail.greeting', { name: user.name }) : null,
          paragraphs: [t('notices.mail.about', { student: student.name }), notice.text],
          action: { label: t(`notices.mail.action.${notice.kind}`), url: appUrl(ACTION_PATH[notice.kind] ? `${base}/${ACTION_PATH[notice.kind]}` : base) },
          footer: [t('notices.mail.why', { student: firstName })],
          footerLinks: [
            { label: t('notices.mail.changeLink', { student: firstName }), url: settingsUrl },
          ],
        },
      }),
      dedupeKey: `notice:${id}`,
    },
    now,
  )
}
