import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { groupKeyOf, type GroupMemberOnDay, planGroupRecording } from '#shared/group-sessions.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { IsoDate } from '#shared/school-date.ts'
import type { RecordGroupSessionInput } from '#shared/schemas/group-sessions.ts'
import { isScheduledOn } from '#shared/services.ts'
import type { Executor } from './audit.server.ts'
import { closureSet, closuresForStudent } from './calendar.server.ts'
import { currentRecords, type SessionRecord, writeSession } from './session-records.server.ts'
import { getService, listServices, type Service } from './services.server.ts'

/** The services of the group the given service belongs to (docs/domain.md#group-sessions), that one first. */
export async function groupOfService(db: Executor, studentId: string, serviceId: string): Promise<{ name: string; services: Service[] }> {
  const service = await getService(db, studentId, serviceId)
  const key = groupKeyOf(service)
  if (!key) throw new DomainError('BAD_REQUEST', t('refusals.groups.notAGroup', { service: service.name }), 'serviceId')
  const same = (await listServices(db, { providerId: service.providerId })).filter((s) => s.id !== service.id && groupKeyOf(s) === key)
  return { name: service.groupName!.trim(), services: [service, ...same] }
}

/** Each service of the group that schedules a session on `date`, and whether that session is recorded already. */
async function membersOnDay(trx: Executor, services: Service[], date: IsoDate): Promise<GroupMemberOnDay[]> {
  const members: GroupMemberOnDay[] = []
  for (const service of services) {
    if (!isScheduledOn(service, closureSet(await closuresForStudent(trx, service.studentId)), date)) continue
    const records = await currentRecords(trx, [service.id], { from: date, to: date })
    members.push({ studentId: service.studentId, serviceId: service.id, alreadyRecorded: records.some((r) => r.kind !== 'make_up' && !r.voided) })
  }
  return members
}

/** The students' names, for the confirmation (the caller may record for each, so may read their names). */
async function studentNames(trx: Executor, ids: string[]): Promise<Map<string, string>> {
  const rows = await trx.selectFrom('students').select(['id', 'name']).where('id', 'in', ids.length ? ids : ['']).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export interface GroupRecording {
  groupName: string
  date: IsoDate
  /** The id the records written share; null when every student was already recorded. */
  groupSessionId: string | null
  written: (SessionRecord & { studentId: string; studentName: string })[]
  /** Students already recorded that day, left alone. */
  skipped: { studentId: string; serviceId: string; studentName: string }[]
}

/**
 * Records a group session once: each student named gets their own record, by the same rules, audit and notices
 * as recording it alone, all in one transaction. The caller has checked the person may record for each student.
 */
export async function recordGroupSession(
  db: DB,
  args: RecordGroupSessionInput & { actorId: string; now: Date; today: IsoDate },
): Promise<GroupRecording> {
  return db.transaction().execute(async (trx) => {
    const group = await groupOfService(trx, args.studentId, args.serviceId)
    const plan = planGroupRecording(await membersOnDay(trx, group.services, args.date), args.students, args.minutes)
    if (plan.strangers.length) throw new DomainError('BAD_REQUEST', t('refusals.groups.notInGroup', { group: group.name, date: formatDay(args.date) }), 'students')
    const names = await studentNames(trx, args.students.map((s) => s.studentId))
    const groupSessionId = plan.writes.length ? randomUUID() : null
    const written: GroupRecording['written'] = []
    for (const w of plan.writes) {
      const base = { studentId: w.studentId, serviceId: w.serviceId, date: args.date, actorId: args.actorId, now: args.now, today: args.today, groupSessionId: groupSessionId! }
      const record = await writeSession(trx, w.kind === 'delivered' ? { ...base, kind: 'delivered', minutes: w.minutes } : { ...base, kind: 'missed', reason: w.reason })
      written.push({ ...record, studentId: w.studentId, studentName: names.get(w.studentId) ?? '' })
    }
    const skipped = plan.skipped.map((s) => ({ ...s, studentName: names.get(s.studentId) ?? '' }))
    return { groupName: group.name, date: args.date, groupSessionId, written, skipped }
  })
}
