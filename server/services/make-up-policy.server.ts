import type { DB } from '#db/client.server.ts'
import { DEFAULT_MAKE_UP_REASONS, type MissReason } from '#shared/services.ts'
import { type Executor, recordChange } from './audit.server.ts'

export async function makeUpReasons(db: Executor, schoolId: string): Promise<MissReason[]> {
  const school = await db.selectFrom('schools').select('make_up_reasons').where('id', '=', schoolId).executeTakeFirst()
  return school?.make_up_reasons ? (JSON.parse(school.make_up_reasons) as MissReason[]) : [...DEFAULT_MAKE_UP_REASONS]
}

export async function makeUpReasonsForStudent(db: Executor, studentId: string): Promise<MissReason[]> {
  const student = await db.selectFrom('students').select('school_id').where('id', '=', studentId).executeTakeFirstOrThrow()
  return makeUpReasons(db, student.school_id)
}

/** Districts differ (some owe make-ups for holidays, none for student absence): the school admin decides. */
export async function setMakeUpReasons(db: DB, args: { schoolId: string; reasons: MissReason[]; actorId: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await makeUpReasons(trx, args.schoolId)
    const reasons = [...new Set(args.reasons)].sort()
    await trx.updateTable('schools').set({ make_up_reasons: JSON.stringify(reasons) }).where('id', '=', args.schoolId).execute()
    await recordChange(trx, args, { entity: 'school_policy', entityId: args.schoolId, action: 'update', before: { makeUpReasons: before }, after: { makeUpReasons: reasons } })
  })
}
