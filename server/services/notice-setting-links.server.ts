import type { DB } from '#db/client.server.ts'
import { linkExpiry, NOTICE_SETTINGS_LINK_TTL_MS } from '#shared/account-links.ts'
import type { NoticeCadence } from '#shared/notice-cadence.ts'
import { appUrl } from '../mail/app-url.server.ts'
import { hashAccountToken, newAccountToken } from './account.server.ts'
import type { Executor } from './audit.server.ts'
import { cadenceFor, setCadence } from './notice-preferences.server.ts'

/**
 * The one-click settings link of every notice and digest email (issue 16, item 4): it opens one person's choice
 * for one student without signing in, and can change nothing else. A fresh token per email, kept hashed, for 90
 * days; a person no longer on the team finds it refused like any unknown link.
 */
export async function noticeSettingsLink(db: Executor, args: { userId: string; studentId: string; now: Date }): Promise<string> {
  const token = newAccountToken()
  await db
    .insertInto('notice_setting_links')
    .values({ token_hash: hashAccountToken(token), user_id: args.userId, student_id: args.studentId, created_at: args.now.toISOString(), expires_at: linkExpiry(args.now, NOTICE_SETTINGS_LINK_TTL_MS) })
    .execute()
  return appUrl(`/notices/${token}`)
}

/** Drops links past their date (run with the notice and digest passes, so the table holds about 90 days of mail). */
export async function pruneNoticeSettingsLinks(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('notice_setting_links').where('expires_at', '<=', now.toISOString()).execute()
}

export interface NoticeLinkView {
  personName: string
  studentId: string
  studentName: string
  cadence: NoticeCadence
}

// A token is 43 base64url characters; anything else is not one of ours and is not looked up.
const TOKEN = /^[A-Za-z0-9_-]{43}$/

/** What the link opens: whose choice for which student, as it stands. Null when unknown, expired or off the team. */
export async function openNoticeSettingsLink(db: Executor, token: string, now: Date): Promise<(NoticeLinkView & { userId: string }) | null> {
  if (!TOKEN.test(token)) return null
  const row = await db
    .selectFrom('notice_setting_links as l')
    .innerJoin('users', 'users.id', 'l.user_id')
    .innerJoin('students', 'students.id', 'l.student_id')
    .select(['l.user_id', 'l.student_id', 'l.expires_at', 'users.name as personName', 'students.name as studentName'])
    .where('l.token_hash', '=', hashAccountToken(token))
    .executeTakeFirst()
  if (!row || Date.parse(row.expires_at) <= now.getTime()) return null
  const cadence = await cadenceFor(db, row.user_id, row.student_id)
  if (!cadence) return null
  return { userId: row.user_id, personName: row.personName, studentId: row.student_id, studentName: row.studentName, cadence }
}

/** Sets the choice the link is for. False (nothing changed) when the link no longer opens anything. */
export async function chooseByNoticeSettingsLink(db: DB, args: { token: string; cadence: NoticeCadence; now: Date }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const link = await openNoticeSettingsLink(trx, args.token, args.now)
    if (!link) return false
    await setCadence(trx, link.userId, link.studentId, args.cadence, args.now)
    return true
  })
}
