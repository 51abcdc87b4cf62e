import type { DB } from '#db/client.server.ts'
import type { Executor } from './audit.server.ts'
import type { SchoolSessionSettings } from '#shared/session-limits.ts'
import { recordChange } from './audit.server.ts'

/** One school's sign-in limits, as its admin set them. */
export async function schoolSessionLimits(db: Executor, schoolId: string): Promise<SchoolSessionSettings> {
  const row = await db.selectFrom('schools').select(['staff_idle_minutes', 'family_session_days']).where('id', '=', schoolId).executeTakeFirstOrThrow()
  return { staffIdleMinutes: row.staff_idle_minutes, familySessionDays: row.family_session_days }
}

/** Sets them; open sessions follow the new limits from their next request (nothing is cached). */
export async function setSchoolSessionLimits(db: DB, args: { schoolId: string; limits: SchoolSessionSettings; actorId: string; now: Date }): Promise<SchoolSessionSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await schoolSessionLimits(trx, args.schoolId)
    const { staffIdleMinutes, familySessionDays } = args.limits
    await trx.updateTable('schools').set({ staff_idle_minutes: staffIdleMinutes, family_session_days: familySessionDays }).where('id', '=', args.schoolId).execute()
    await recordChange(trx, { actorId: args.actorId, studentId: null, now: args.now }, { entity: 'school_sessions', entityId: args.schoolId, action: 'update', before, after: args.limits })
    return args.limits
  })
}
