import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '#db/schema.ts'
import { schoolDays } from './seed-services.ts'

type Trx = Transaction<Database>

interface Args {
  leoId: string
  avaId: string
  speechId: string
  caseManagerId: string
  at: string
  closures: ReadonlySet<string>
  yearStart: string
  yearEnd: string
  /** The last day whose sessions were recorded. */
  recordThrough: string
}

export const DEMO_GROUP_NAME = 'Social skills group'

/**
 * Priya also runs a social skills group for Leo and Ava (30 min, Mon/Wed) since September, each session recorded
 * once for both (docs/domain.md#group-sessions): the provider's week shows it as one row per day.
 */
export async function seedGroup(trx: Trx, a: Args): Promise<{ groupServiceIds: string[] }> {
  const september = `${a.yearStart.slice(0, 4)}-09-01`
  const services: { id: string; studentId: string }[] = []
  for (const studentId of [a.leoId, a.avaId]) {
    await trx
      .insertInto('team_members')
      .values({ id: randomUUID(), student_id: studentId, user_id: a.speechId, role: 'provider', added_at: a.at, added_by: a.caseManagerId, removed_at: null, removed_by: null, areas: JSON.stringify(['communication']) })
      .execute()
    const id = randomUUID()
    services.push({ id, studentId })
    await trx
      .insertInto('services')
      .values({ id, student_id: studentId, key: 'social-skills', name: 'Social skills', provider_id: a.speechId, setting: 'pull-out', grouping: 'group', group_name: DEMO_GROUP_NAME, start_date: september, end_date: a.yearEnd, created_at: a.at, created_by: a.caseManagerId })
      .execute()
    await trx
      .insertInto('service_terms')
      .values({ id: randomUUID(), service_id: id, effective_from: september, minutes_per_session: 30, weekdays: JSON.stringify(['mon', 'wed']), note: null, created_at: a.at, created_by: a.caseManagerId })
      .execute()
  }
  for (const date of schoolDays(september, a.recordThrough, a.closures, ['mon', 'wed'])) {
    const groupSessionId = randomUUID()
    await trx
      .insertInto('session_records')
      .values(
        services.map((s) => ({
          id: randomUUID(),
          record_id: randomUUID(),
          version: 1,
          service_id: s.id,
          student_id: s.studentId,
          date,
          kind: 'delivered' as const,
          minutes: 30,
          reason: null,
          note: null,
          repays_date: null,
          voided: 0,
          change_reason: null,
          recorded_by: a.speechId,
          recorded_at: `${date}T20:00:00.000Z`,
          group_session_id: groupSessionId,
        })),
      )
      .execute()
  }
  return { groupServiceIds: services.map((s) => s.id) }
}
