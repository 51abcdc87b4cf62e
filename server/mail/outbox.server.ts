import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { MailOutboxTable } from '#db/schema.ts'
import { type MailBody, renderMail, subjectLine } from '#shared/mail/compose.ts'
import type { Executor } from '../services/audit.server.ts'
import { DEFAULT_LANGUAGE, type Language } from '#shared/i18n/i18n.ts'
import { inLanguage } from '../i18n/language.server.ts'

/** What a message is, for the outbox's list and for tests (free text in the table: a new kind needs no migration). */
export type MailKind = 'invite' | 'advocate_invite' | 'password_reset' | 'password_changed' | 'email_change' | 'notice' | 'digest' | 'plan_change' | 'letter'

export interface OutgoingMail {
  to: string
  toName?: string | null
  /** The school the message is sent for: its name signs the message, and its admins see it in the Outbox. */
  schoolId: string | null
  studentId?: string | null
  /** The recipient's account, when they have one. */
  userId?: string | null
  kind: MailKind
  /**
   * Writes the message. It runs in the recipient's language (their account's, else `languageIfNoAccount`, else
   * English), never the sender's: every word, date and number in it must be made inside, not before.
   */
  compose: () => { subject: string; body: MailBody }
  /** For a recipient who has no account yet (an invitation): the language chosen for them. */
  languageIfNoAccount?: Language
  /** A message with this key is queued once, ever: a retry, a restart or a second caller adds nothing. */
  dedupeKey?: string | null
}

export type MailStatus = MailOutboxTable['status']

/** The recipient's account's language, found by id or else by address; a person without an account, as chosen for them. */
async function recipientLanguage(db: Executor, mail: OutgoingMail): Promise<Language> {
  const account = await db
    .selectFrom('users')
    .select('language')
    .where((eb) => (mail.userId ? eb('id', '=', mail.userId) : eb('email', '=', mail.to)))
    .executeTakeFirst()
  return account?.language ?? mail.languageIfNoAccount ?? DEFAULT_LANGUAGE
}

const DUE_AT_ONCE = '1970-01-01T00:00:00.000Z'

/** Addresses come from accounts and forms that validated them; this refuses what would break the message's headers. */
const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/

/**
 * Puts a message in the outbox, in the caller's transaction, so the change it reports and the message land
 * together or not at all. The server's sender sends it (or keeps it, with no mail server); nothing here talks to
 * the network. Returns queued: false when a message with the same dedupe key already exists.
 */
export async function enqueueMail(db: Executor, mail: OutgoingMail, now: Date): Promise<{ id: string | null; queued: boolean }> {
  if (!ADDRESS.test(mail.to) || mail.to.length > 254) throw new Error(`Not a mailable address: ${JSON.stringify(mail.to)}`)
  const school = mail.schoolId ? await db.selectFrom('schools').select('name').where('id', '=', mail.schoolId).executeTakeFirst() : undefined
  const language = await recipientLanguage(db, mail)
  const { subject, text, html } = inLanguage(language, () => {
    const { subject, body } = mail.compose()
    return { subject, ...renderMail({ schoolName: school?.name ?? null, body }) }
  })
  const id = randomUUID()
  const at = now.toISOString()
  const result = await db
    .insertInto('mail_outbox')
    .values({
      id,
      school_id: mail.schoolId,
      student_id: mail.studentId ?? null,
      user_id: mail.userId ?? null,
      kind: mail.kind,
      to_email: mail.to,
      to_name: mail.toName ? subjectLine(mail.toName) : null,
      subject: subjectLine(subject),
      text_body: text,
      html_body: html,
      dedupe_key: mail.dedupeKey ?? null,
      status: 'queued',
      // Due at once by the sender's clock, whatever clock the request ran on (a test browser may be on another day).
      next_attempt_at: DUE_AT_ONCE,
      created_at: at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst()
  const queued = Number(result.numInsertedOrUpdatedRows ?? 0) > 0
  return { id: queued ? id : null, queued }
}

export interface QueuedMail {
  id: string
  to: string
  toName: string | null
  subject: string
  text: string
  html: string
  attempts: number
}

/**
 * Claims the messages due now, oldest first, by moving them to `sending` in one statement: a second sender (or
 * a second tick) cannot claim the same row. `limit` bounds one pass.
 */
export async function claimDue(db: Executor, now: Date, limit: number): Promise<QueuedMail[]> {
  const rows = await sql<{ id: string; to_email: string; to_name: string | null; subject: string; text_body: string; html_body: string; attempts: number }>`
    UPDATE mail_outbox SET status = 'sending'
    WHERE id IN (
      SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= ${now.toISOString()}
      ORDER BY next_attempt_at, created_at LIMIT ${limit}
    )
    RETURNING id, to_email, to_name, subject, text_body, html_body, attempts`.execute(db)
  return rows.rows
    .map((r) => ({ id: r.id, to: r.to_email, toName: r.to_name, subject: r.subject, text: r.text_body, html: r.html_body, attempts: r.attempts }))
    .sort((a, b) => a.id.localeCompare(b.id))
}

export async function markSent(db: Executor, id: string, status: 'sent' | 'kept', now: Date): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({ status, sent_at: now.toISOString(), attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute()
}

/** The wait before try n+1: 30 s, 1 min, 2 min … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)
}

/** After this many tries (about a day of back-off) a message is marked failed, and stays in the outbox for admins. */
export const MAX_ATTEMPTS = 30

export async function markFailedAttempt(db: Executor, id: string, attemptsBefore: number, error: string, now: Date): Promise<MailStatus> {
  const attempts = attemptsBefore + 1
  const status: MailStatus = attempts >= MAX_ATTEMPTS ? 'failed' : 'queued'
  await db
    .updateTable('mail_outbox')
    .set({
      status,
      attempts,
      last_error: error.slice(0, 500),
      next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
    })
    .where('id', '=', id)
    .execute()
  return status
}

/**
 * At start-up: a message left `sending` by a process that stopped mid-send is queued again. It may reach the
 * recipient twice in that one case (the mail server accepted it, the process died before writing `sent`);
 * dropping it instead could lose it, and a lost reset link or miss notice is worse than a repeated one.
 */
export async function requeueInterrupted(db: Executor): Promise<number> {
  const result = await db.updateTable('mail_outbox').set({ status: 'queued' }).where('status', '=', 'sending').executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface OutboxRow {
  id: string
  kind: string
  to: string
  toName: string | null
  subject: string
  text: string
  status: MailStatus
  attempts: number
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

/** The school's messages, newest first, for its admins' Outbox page. */
export async function listOutbox(db: Executor, schoolId: string, limit: number): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'kind', 'to_email', 'to_name', 'subject', 'text_body', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .where('school_id', '=', schoolId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    to: r.to_email,
    toName: r.to_name,
    subject: r.subject,
    text: r.text_body,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }))
}
