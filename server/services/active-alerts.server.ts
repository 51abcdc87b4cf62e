import type { DB } from '#db/client.server.ts'
import { ALERT_TEXT, type Alert } from '#shared/accountability.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { studentAccountability } from './accountability.server.ts'

export interface ActiveAlert {
  studentId: string
  studentName: string
  firstName: string
  serviceKey: string
  serviceName: string
  alert: Alert
  text: string
}

/**
 * Today's accountability alerts (docs/formats.md#alerts) for the students a person is parent or case manager of,
 * computed live from the same numbers everyone sees: an alert shows until the records clear it.
 */
export async function activeAlertsFor(db: DB, userId: string, today: IsoDate): Promise<ActiveAlert[]> {
  const students = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .select(['students.id', 'students.name', 'students.preferred_name'])
    .where('team_members.user_id', '=', userId)
    .where('team_members.removed_at', 'is', null)
    .where('team_members.role', 'in', ['parent', 'case_manager'])
    .orderBy('students.name')
    .execute()
  const out: ActiveAlert[] = []
  for (const s of new Map(students.map((x) => [x.id, x])).values()) {
    const numbers = await studentAccountability(db, s.id, today)
    const firstName = s.preferred_name?.trim() || s.name.trim().split(/\s+/)[0] || s.name
    for (const service of numbers.services) {
      for (const alert of service.alerts) {
        out.push({ studentId: s.id, studentName: s.name, firstName, serviceKey: service.key, serviceName: service.name, alert, text: ALERT_TEXT[alert] })
      }
    }
  }
  return out
}
