import type { DB } from '#db/client.server.ts'
import { LOCKOUT_WINDOW_MS, lockedUntil, minutesLeft } from '#shared/sign-in-lockout.ts'
import { dummyPasswordHash, verifyPassword } from './password.server.ts'

export type CredentialCheck =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number }

export const INVALID_CREDENTIALS = 'That email and password do not match an account. Check them and try again.'

export function lockedMessage(minutes: number): string {
  return `Too many failed sign-in attempts for this account. Sign-in is locked for ${minutes} more minute${
    minutes === 1 ? '' : 's'
  }. Try again later.`
}

/**
 * Checks an email and password, counting failures per email (known or not, so the lock does not reveal
 * which accounts exist).
 */
export async function checkCredentials(db: DB, email: string, password: string, now: Date): Promise<CredentialCheck> {
  // A lock lasts 15 minutes from the 10th failure, whose run may have started 15 minutes before that.
  const since = new Date(now.getTime() - 2 * LOCKOUT_WINDOW_MS).toISOString()
  const failures = await db
    .selectFrom('sign_in_failures')
    .select('at')
    .where('email', '=', email)
    .where('at', '>', since)
    .execute()
  const until = lockedUntil(
    failures.map((f) => new Date(f.at)),
    now,
  )
  if (until) return { ok: false, reason: 'locked', minutes: minutesLeft(until, now) }

  const user = await db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst()
  const valid = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password)
  if (user && valid) {
    await db.deleteFrom('sign_in_failures').where('email', '=', email).execute()
    return { ok: true, userId: user.id }
  }
  await db.insertInto('sign_in_failures').values({ email, at: now.toISOString() }).execute()
  const nowLocked = lockedUntil([...failures.map((f) => new Date(f.at)), now], now)
  if (nowLocked) return { ok: false, reason: 'locked', minutes: minutesLeft(nowLocked, now) }
  return { ok: false, reason: 'invalid' }
}
