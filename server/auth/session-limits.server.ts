import type { DB } from '#db/client.server.ts'
import { STAFF_ROLES } from '#shared/roles.ts'
import { limitsFor, sessionDeadline, sessionEnded, type SessionEnd, type SessionLimits } from '#shared/session-limits.ts'
import { recordAudit } from '../services/audit.server.ts'
import { collabHub } from '../services/collab-hub.server.ts'

/**
 * Idle and absolute limits on signed-in sessions (shared/session-limits.ts for the rule). Lucia keeps its own
 * 30-day expiry as an outer bound; this adds the per-school limits, read on every request with the app's clock so a
 * journey can set the clock forward and see the sign-out.
 */

/** A session's last use is written at most this often: a page load fires several requests at once. */
export const TOUCH_EVERY_MS = 15_000

/** The limits for one person, from the schools they work in (staff) or their children's schools (family). */
export async function limitsForUser(db: DB, userId: string): Promise<SessionLimits> {
  const parentSchools = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select(['schools.id', 'schools.staff_idle_minutes', 'schools.family_session_days'])
    .where('team_members.user_id', '=', userId)
    .where('team_members.role', '=', 'parent')
    .where('team_members.removed_at', 'is', null)
    .execute()
  if (parentSchools.length > 0) return limitsFor('family', parentSchools.map(settings))
  // Everyone else gets the staff limits, including an account with no role yet: the stricter default is the safe one.
  const staffSchools = await db
    .selectFrom('schools')
    .select(['schools.id', 'schools.staff_idle_minutes', 'schools.family_session_days'])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('school_roles')
            .select('school_roles.id')
            .whereRef('school_roles.school_id', '=', 'schools.id')
            .where('school_roles.user_id', '=', userId)
            .where('school_roles.removed_at', 'is', null),
        ),
        eb.exists(
          eb
            .selectFrom('team_members')
            .innerJoin('students', 'students.id', 'team_members.student_id')
            .select('team_members.id')
            .whereRef('students.school_id', '=', 'schools.id')
            .where('team_members.user_id', '=', userId)
            .where('team_members.role', 'in', STAFF_ROLES)
            .where('team_members.removed_at', 'is', null),
        ),
      ]),
    )
    .execute()
  return limitsFor('staff', staffSchools.map(settings))
}

function settings(row: { staff_idle_minutes: number; family_session_days: number }) {
  return { staffIdleMinutes: row.staff_idle_minutes, familySessionDays: row.family_session_days }
}

export type SessionCheck = { ended: SessionEnd } | { ended: null; deadline: number; reason: SessionEnd; limits: SessionLimits }

/**
 * Whether the session still lasts at `now`, and when it ends if nothing more happens. `touch` counts this as the
 * person's activity; background checks (the page's own countdown, a socket sweep) pass false so they never keep a
 * forgotten device signed in. An ended session is deleted at once, and its notebook sockets closed.
 */
export async function checkSession(db: DB, args: { sessionId: string; userId: string; now: Date; touch: boolean; client?: string }): Promise<SessionCheck> {
  const row = await db.selectFrom('auth_sessions').select(['created_at', 'last_seen_at']).where('id', '=', args.sessionId).executeTakeFirst()
  if (!row) return { ended: 'idle' }
  const limits = await limitsForUser(db, args.userId)
  const now = args.now.getTime()
  const ended = sessionEnded(limits, row.created_at, row.last_seen_at, now)
  if (ended) {
    await endSession(db, args.sessionId, args.userId, ended, args.now, args.client)
    return { ended }
  }
  let lastSeen = row.last_seen_at
  if (args.touch && now - row.last_seen_at >= TOUCH_EVERY_MS) {
    await db.updateTable('auth_sessions').set({ last_seen_at: now }).where('id', '=', args.sessionId).execute()
    lastSeen = now
  }
  const deadline = sessionDeadline(limits, row.created_at, lastSeen)
  return { ended: null, deadline: deadline.at, reason: deadline.reason, limits }
}

async function endSession(db: DB, sessionId: string, userId: string, reason: SessionEnd, now: Date, client?: string): Promise<void> {
  const deleted = await db.deleteFrom('auth_sessions').where('id', '=', sessionId).executeTakeFirst()
  collabHub.sessionEnded(sessionId)
  // Two requests can find the same session ended; the history says so once.
  if (Number(deleted.numDeletedRows) > 0) {
    await recordAudit(db, { actorId: userId, entity: 'auth', entityId: userId, action: 'session_expired', after: { reason, ...(client ? { client } : {}) }, at: now })
  }
}

/** Records a session being used by an open notebook: typing is activity, though it sends no page request. */
export async function touchSession(db: DB, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ last_seen_at: now.getTime() })
    .where('id', '=', sessionId)
    .where('last_seen_at', '<', now.getTime() - TOUCH_EVERY_MS)
    .execute()
}
