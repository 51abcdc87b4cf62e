import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { receivedOnProblem, requestDueOn, requestStanding, type RequestStanding } from '#shared/records-requests.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { recordChange } from './audit.server.ts'
import { requestExport } from './record-exports.server.ts'

/**
 * Records requests (docs/records.md#records-requests): a parent asks to see their child's records; the school
 * admin logs the day it came in, Same Page counts the days the school has, and the request is fulfilled with the
 * school's copy of the records file, whose hash and file list go into the student's history.
 */

export interface RecordsRequestView {
  id: string
  studentId: string
  studentName: string
  requestedBy: string
  receivedOn: IsoDate
  dueOn: IsoDate
  note: string
  fulfilledOn: IsoDate | null
  standing: RequestStanding
  export: { id: string; status: 'queued' | 'building' | 'ready' | 'failed'; size: number | null; fileCount: number | null } | null
}

export async function requestDays(db: DB, schoolId: string): Promise<number> {
  const row = await db.selectFrom('schools').select('records_request_days').where('id', '=', schoolId).executeTakeFirstOrThrow()
  return row.records_request_days
}

export async function setRequestDays(db: DB, args: { schoolId: string; days: number; actorId: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('schools').select('records_request_days').where('id', '=', args.schoolId).executeTakeFirstOrThrow()
    await trx.updateTable('schools').set({ records_request_days: args.days }).where('id', '=', args.schoolId).execute()
    await recordChange(trx, args, { entity: 'records_request', entityId: args.schoolId, action: 'set_days', before: { days: before.records_request_days }, after: { days: args.days } })
  })
}

/** The school's students by name, for the form that logs a request. */
export async function schoolStudents(db: DB, schoolId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('students').select(['id', 'name']).where('school_id', '=', schoolId).orderBy('name').limit(20_000).execute()
}

/** Open requests first (the soonest due on top), then the fulfilled ones, newest first. */
export async function listRequests(db: DB, args: { schoolId: string; today: IsoDate }): Promise<RecordsRequestView[]> {
  const rows = await db
    .selectFrom('records_requests as r')
    .innerJoin('students', 'students.id', 'r.student_id')
    .leftJoin('record_exports as e', 'e.id', 'r.export_id')
    .select([
      'r.id',
      'r.student_id',
      'students.name as student_name',
      'r.requested_by',
      'r.received_on',
      'r.due_on',
      'r.note',
      'r.fulfilled_on',
      'e.id as export_id',
      'e.status as export_status',
      'e.size as export_size',
      'e.contents as export_contents',
    ])
    .where('r.school_id', '=', args.schoolId)
    .orderBy('r.received_on', 'desc')
    .limit(500)
    .execute()
  const views = rows.map(
    (r): RecordsRequestView => ({
      id: r.id,
      studentId: r.student_id,
      studentName: r.student_name,
      requestedBy: r.requested_by,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      note: r.note,
      fulfilledOn: r.fulfilled_on,
      standing: requestStanding({ dueOn: r.due_on, fulfilledOn: r.fulfilled_on }, args.today),
      export:
        r.export_id && r.export_status
          ? { id: r.export_id, status: r.export_status, size: r.export_size, fileCount: r.export_contents ? (JSON.parse(r.export_contents) as string[]).length : null }
          : null,
    }),
  )
  const open = views.filter((v) => !v.fulfilledOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))
  return [...open, ...views.filter((v) => v.fulfilledOn)]
}

export async function logRequest(
  db: DB,
  args: { schoolId: string; studentId: string; requestedBy: string; receivedOn: IsoDate; note: string; actorId: string; now: Date; today: IsoDate },
): Promise<{ requestId: string; dueOn: IsoDate }> {
  const problem = receivedOnProblem(args.receivedOn, args.today)
  if (problem) throw new DomainError('BAD_REQUEST', t(`records.requests.form.${problem}`), 'receivedOn')
  return db.transaction().execute(async (trx) => {
    const student = await trx.selectFrom('students').select('id').where('id', '=', args.studentId).where('school_id', '=', args.schoolId).executeTakeFirst()
    if (!student) throw new DomainError('BAD_REQUEST', t('records.requests.form.notAtSchool'), 'studentId')
    const school = await trx.selectFrom('schools').select('records_request_days').where('id', '=', args.schoolId).executeTakeFirstOrThrow()
    const dueOn = requestDueOn(args.receivedOn, school.records_request_days)
    const requestId = randomUUID()
    await trx
      .insertInto('records_requests')
      .values({
        id: requestId,
        school_id: args.schoolId,
        student_id: args.studentId,
        requested_by: args.requestedBy,
        received_on: args.receivedOn,
        due_on: dueOn,
        note: args.note,
        logged_by: args.actorId,
        logged_at: args.now.toISOString(),
      })
      .execute()
    await recordChange(
      trx,
      { actorId: args.actorId, studentId: args.studentId, now: args.now },
      { entity: 'records_request', entityId: requestId, action: 'log', after: { requestedBy: args.requestedBy, receivedOn: args.receivedOn, dueOn, note: args.note } },
    )
    return { requestId, dueOn }
  })
}

/** Starts the school's copy of the records file; the request is fulfilled the moment the file is made. */
export async function fulfilRequest(db: DB, args: { schoolId: string; requestId: string; actorId: string; now: Date; clock?: () => Date }): Promise<{ exportId: string }> {
  const request = await db.selectFrom('records_requests').select(['student_id', 'fulfilled_on']).where('id', '=', args.requestId).where('school_id', '=', args.schoolId).executeTakeFirst()
  if (!request) throw new DomainError('NOT_FOUND', t('records.requests.form.notFound'))
  if (request.fulfilled_on) throw new DomainError('CONFLICT', t('records.requests.form.alreadyFulfilled'))
  const { exportId } = await requestExport(db, { studentId: request.student_id, userId: args.actorId, side: 'school', now: args.now, requestId: args.requestId, clock: args.clock })
  return { exportId }
}
