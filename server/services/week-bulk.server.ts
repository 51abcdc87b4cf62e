import type { DB } from '#db/client.server.ts'
import { groupKeyOf } from '#shared/group-sessions.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { type BulkItem, type BulkPlan, confirmedItems, weekBulkPlan } from '#shared/week-bulk.ts'
import { sessionsWeek } from './session-checklist.server.ts'
import { currentRecords, writeSession } from './session-records.server.ts'

export interface WeekBulkView extends BulkPlan {
  weekOf: IsoDate
  today: IsoDate
}

/**
 * What "Delivered as scheduled" would record for the caller's week. The week lists only the services the caller
 * may record (caseloadServices: the `sessions.recordForService` rule), so nothing else is ever offered.
 */
export async function weekBulkPlanFor(db: DB, userId: string, weekOf: IsoDate, today: IsoDate): Promise<WeekBulkView & { studentIds: string[] }> {
  const week = await sessionsWeek(db, userId, weekOf, today)
  const plan = weekBulkPlan(
    week.students.flatMap((student) =>
      student.services.flatMap((svc) =>
        svc.rows.map((row) => ({
          studentId: student.id,
          studentName: student.name,
          serviceId: svc.service.id,
          serviceName: svc.service.name,
          date: row.date,
          mandateMinutes: row.mandateMinutes,
          status: row.status,
          inGroup: groupKeyOf(svc.service) !== null,
        })),
      ),
    ),
  )
  return { ...plan, weekOf: week.weekOf, today, studentIds: week.students.map((s) => s.id) }
}

/**
 * Records the confirmed sessions as delivered with their mandate's minutes, all or none, each through the same
 * rules and audit as one recording. Only sessions the plan still includes are recorded, and each is looked at
 * again inside the transaction: a second submit of the same list records nothing twice.
 */
export async function recordWeek(
  db: DB,
  args: { userId: string; weekOf: IsoDate; sessions: readonly string[]; now: Date; today: IsoDate },
): Promise<{ recorded: BulkItem[] }> {
  const plan = await weekBulkPlanFor(db, args.userId, args.weekOf, args.today)
  const items = confirmedItems(plan, args.sessions)
  return db.transaction().execute(async (trx) => {
    const recorded: BulkItem[] = []
    for (const item of items) {
      const existing = await currentRecords(trx, [item.serviceId], { from: item.date, to: item.date })
      if (existing.some((r) => r.kind !== 'make_up' && !r.voided)) continue
      await writeSession(trx, {
        studentId: item.studentId,
        serviceId: item.serviceId,
        date: item.date,
        kind: 'delivered',
        minutes: item.mandateMinutes,
        note: '',
        actorId: args.userId,
        now: args.now,
        today: args.today,
      })
      recorded.push(item)
    }
    return { recorded }
  })
}
