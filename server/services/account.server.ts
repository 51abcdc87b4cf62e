import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { EMAIL_CHANGE_TTL_MS, type LinkStatus, linkExpiry, linkStatus, PASSWORD_RESET_TTL_MS } from '#shared/account-links.ts'
import { t, type Language } from '#shared/i18n/i18n.ts'
import { appUrl } from '../mail/app-url.server.ts'
import { enqueueMail } from '../mail/outbox.server.ts'
import { hashPassword, verifyPassword } from '../auth/password.server.ts'
import { type Executor, recordAudit } from './audit.server.ts'
import { collabHub } from './collab-hub.server.ts'

/** 256 random bits, URL-safe; only the SHA-256 is stored, so a copy of the database opens no account. */
export function newAccountToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** One school the person belongs to, so the message is signed with its name; none for an account with no team yet. */
async function aSchoolOf(db: Executor, userId: string): Promise<string | null> {
  const viaTeam = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .select('students.school_id')
    .where('team_members.user_id', '=', userId)
    .where('team_members.removed_at', 'is', null)
    .executeTakeFirst()
  if (viaTeam) return viaTeam.school_id
  const viaRole = await db.selectFrom('school_roles').select('school_id').where('user_id', '=', userId).where('removed_at', 'is', null).executeTakeFirst()
  return viaRole?.school_id ?? null
}

/** Ends the account's sessions (all, or all but `keep`) and closes the live notebook sockets opened with them. */
async function endSessions(db: Executor, userId: string, keep: string | null): Promise<string[]> {
  let query = db.deleteFrom('auth_sessions').where('user_id', '=', userId)
  if (keep) query = query.where('id', '!=', keep)
  const ended = await query.returning('id').execute()
  return ended.map((s) => s.id)
}

function closeSockets(sessionIds: string[]): void {
  for (const id of sessionIds) collabHub.sessionEnded(id)
}

/**
 * "Forgot your password?": for an address with an account, a link (stored hashed, one hour) goes out in the same
 * transaction; for one without, nothing is written. The caller answers both the same.
 */
export async function requestPasswordReset(db: DB, args: { email: string; now: Date }): Promise<{ mailed: boolean }> {
  const user = await db.selectFrom('users').select(['id', 'email', 'name', 'deactivated_at']).where('email', '=', args.email).executeTakeFirst()
  // Made either way, so an address with no account costs about the same.
  const token = newAccountToken()
  const tokenHash = hashAccountToken(token)
  // A switched-off account (docs/people.md) gets no link: a new password would not let it in, and it is answered the same.
  if (!user || user.deactivated_at) return { mailed: false }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({ id: randomUUID(), user_id: user.id, token_hash: tokenHash, created_at: args.now.toISOString(), expires_at: linkExpiry(args.now, PASSWORD_RESET_TTL_MS), used_at: null })
      .execute()
    await enqueueMail(
      trx,
      {
        to: user.email,
        toName: user.name,
        userId: user.id,
        schoolId: await aSchoolOf(trx, user.id),
        kind: 'password_reset',
        compose: () => ({
          subject: t('account.mail.resetSubject'),
          body: {
            greeting: t('account.mail.greeting', { name: user.name,
        }),
          paragraphs: [t('account.mail.resetBody')],
          action: { label: t('account.mail.resetAction'), url: appUrl(`/reset-password/${token}`) },
          footer: [t('account.mail.resetIgnore')],
        } }),
      },
      args.now,
    )
  })
  return { mailed: true }
}

/** What a reset link is worth now (the page says which: expired, used, not valid). */
export async function resetLinkStatus(db: Executor, token: string, now: Date): Promise<LinkStatus> {
  const row = await db.selectFrom('password_resets').select(['expires_at', 'used_at']).where('token_hash', '=', hashAccountToken(token)).executeTakeFirst()
  return linkStatus(row, now)
}

export type ResetOutcome = { ok: true; userId: string; email: string } | { ok: false; status: Exclude<LinkStatus, 'valid'> }

/**
 * Sets a new password from a reset link: the link and every other open link of the account are used up, every
 * session of the account ends, and a notice goes to the account's address. A link that is not valid changes nothing.
 */
export async function resetPassword(db: DB, args: { token: string; password: string; now: Date }): Promise<ResetOutcome> {
  const passwordHash = await hashPassword(args.password)
  const at = args.now.toISOString()
  const outcome = await db.transaction().execute(async (trx): Promise<ResetOutcome & { ended?: string[] }> => {
    const row = await trx.selectFrom('password_resets').selectAll().where('token_hash', '=', hashAccountToken(args.token)).executeTakeFirst()
    const status = linkStatus(row, args.now)
    if (!row || status !== 'valid') return { ok: false, status: status === 'valid' ? 'invalid' : status }
    // A link sent before the account was switched off signs nobody in: it reads as not valid.
    const target = await trx.selectFrom('users').select('deactivated_at').where('id', '=', row.user_id).executeTakeFirstOrThrow()
    if (target.deactivated_at) return { ok: false, status: 'invalid' }
    // Single use, and the account's other open links go with it: whoever holds an older email cannot reset again.
    await trx.updateTable('password_resets').set({ used_at: at }).where('user_id', '=', row.user_id).where('used_at', 'is', null).execute()
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', row.user_id).execute()
    const ended = await endSessions(trx, row.user_id, null)
    const user = await trx.selectFrom('users').select(['email', 'name']).where('id', '=', row.user_id).executeTakeFirstOrThrow()
    await recordAudit(trx, { actorId: row.user_id, entity: 'auth', entityId: row.user_id, action: 'password_reset', after: { sessionsEnded: ended.length }, at: args.now })
    await mailPasswordChanged(trx, { userId: row.user_id, email: user.email, name: user.name }, args.now)
    return { ok: true, userId: row.user_id, email: user.email, ended }
  })
  if (outcome.ok) closeSockets(outcome.ended ?? [])
  return outcome.ok ? { ok: true, userId: outcome.userId, email: outcome.email } : outcome
}

async function mailPasswordChanged(trx: Executor, user: { userId: string; email: string; name: string }, now: Date): Promise<void> {
  await enqueueMail(
    trx,
    {
      to: user.email,
      toName: user.name,
      userId: user.userId,
      schoolId: await aSchoolOf(trx, user.userId),
      kind: 'password_changed',
      compose: () => ({
        subject: t('account.mail.changedSubject'),
        body: {
          greeting: t('account.mail.greeting', { name: user.name,
      }),
        paragraphs: [t('account.mail.changedBody', { when: `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC` }), t('account.mail.changedWarn')],
      } }),
    },
    now,
  )
}

export type ChangeOutcome = { ok: true } | { ok: false; reason: 'wrong_password' | 'same_email' | 'email_taken' }

/** A signed-in person's new password: the current one is required; every other session ends, this one stays. */
export async function changePassword(db: DB, args: { userId: string; sessionId: string; current: string; password: string; now: Date }): Promise<ChangeOutcome> {
  const user = await db.selectFrom('users').select(['email', 'name', 'password_hash']).where('id', '=', args.userId).executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.password_hash, args.current))) return { ok: false, reason: 'wrong_password' }
  const passwordHash = await hashPassword(args.password)
  const ended = await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', args.userId).execute()
    // Open reset links were asked for under the old password; the person has just proved who they are.
    await trx.updateTable('password_resets').set({ used_at: args.now.toISOString() }).where('user_id', '=', args.userId).where('used_at', 'is', null).execute()
    const ended = await endSessions(trx, args.userId, args.sessionId)
    await recordAudit(trx, { actorId: args.userId, entity: 'auth', entityId: args.userId, action: 'password_change', after: { sessionsEnded: ended.length }, at: args.now })
    await mailPasswordChanged(trx, { userId: args.userId, email: user.email, name: user.name }, args.now)
    return ended
  })
  closeSockets(ended)
  return { ok: true }
}

/** A new address, proved by a link sent to it (stored hashed, 24 hours); the email changes only when it is opened. */
export async function requestEmailChange(db: DB, args: { userId: string; email: string; current: string; now: Date }): Promise<ChangeOutcome> {
  const user = await db.selectFrom('users').select(['email', 'name', 'password_hash']).where('id', '=', args.userId).executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.password_hash, args.current))) return { ok: false, reason: 'wrong_password' }
  if (user.email === args.email) return { ok: false, reason: 'same_email' }
  // Signed in with the right password, the person may learn an address is taken (the school's staff can see it anyway).
  const taken = await db.selectFrom('users').select('id').where('email', '=', args.email).executeTakeFirst()
  if (taken) return { ok: false, reason: 'email_taken' }
  const token = newAccountToken()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('email_changes')
      .values({
        id: randomUUID(),
        user_id: args.userId,
        new_email: args.email,
        token_hash: hashAccountToken(token),
        created_at: args.now.toISOString(),
        expires_at: linkExpiry(args.now, EMAIL_CHANGE_TTL_MS),
        used_at: null,
      })
      .execute()
    await enqueueMail(
      trx,
      {
        to: args.email,
        toName: user.name,
        userId: args.userId,
        schoolId: await aSchoolOf(trx, args.userId),
        kind: 'email_change',
        compose: () => ({
          subject: t('account.mail.emailConfirmSubject'),
          body: {
            greeting: t('account.mail.greeting', { name: user.name,
        }),
          paragraphs: [t('account.mail.emailConfirmBody')],
          action: { label: t('account.mail.emailConfirmAction'), url: appUrl(`/account/email/${token}`) },
          footer: [t('account.mail.emailConfirmIgnore')],
        } }),
      },
      args.now,
    )
  })
  return { ok: true }
}

export type EmailConfirmOutcome = { ok: true; email: string } | { ok: false; status: Exclude<LinkStatus, 'valid'> | 'email_taken' }

/** Opens a confirmation link: the account's email becomes the new one, unless another account took it meanwhile. */
export async function confirmEmailChange(db: DB, args: { token: string; now: Date }): Promise<EmailConfirmOutcome> {
  const at = args.now.toISOString()
  return db.transaction().execute(async (trx): Promise<EmailConfirmOutcome> => {
    const row = await trx.selectFrom('email_changes').selectAll().where('token_hash', '=', hashAccountToken(args.token)).executeTakeFirst()
    const status = linkStatus(row, args.now)
    if (!row || status !== 'valid') return { ok: false, status: status === 'valid' ? 'invalid' : status }
    const taken = await trx.selectFrom('users').select('id').where('email', '=', row.new_email).executeTakeFirst()
    if (taken) return { ok: false, status: 'email_taken' }
    const user = await trx.selectFrom('users').select(['email', 'name']).where('id', '=', row.user_id).executeTakeFirstOrThrow()
    await trx.updateTable('email_changes').set({ used_at: at }).where('user_id', '=', row.user_id).where('used_at', 'is', null).execute()
    await trx.updateTable('users').set({ email: row.new_email }).where('id', '=', row.user_id).execute()
    await recordAudit(trx, { actorId: row.user_id, entity: 'auth', entityId: row.user_id, action: 'email_change', before: { email: user.email }, after: { email: row.new_email }, at: args.now })
    // The old address hears of it: if the change was not theirs, this is how they find out.
    await enqueueMail(
      trx,
      {
        to: user.email,
        toName: user.name,
        userId: row.user_id,
        schoolId: await aSchoolOf(trx, row.user_id),
        kind: 'email_change',
        compose: () => ({
          subject: t('account.mail.emailChangedSubject'),
          body: { greeting: t('account.mail.greeting', { name: user.name }), paragraphs: [t('account.mail.emailChangedBody', { email: row.new_email }), t('account.mail.changedWarn')] },
        }),
      },
      args.now,
    )
    return { ok: true, email: row.new_email }
  })
}

/** The language a person reads pages and mail in (docs/languages.md): from their next page and their next email on. */
export async function changeLanguage(db: DB, args: { userId: string; language: Language }): Promise<void> {
  await db.updateTable('users').set({ language: args.language }).where('id', '=', args.userId).execute()
}
