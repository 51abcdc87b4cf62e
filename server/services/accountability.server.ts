import type { DB } from '#db/client.server.ts'
import { fidelitySinceStart } from '#shared/accommodation-fidelity.ts'
import { checkRecord } from './accommodation-checks.server.ts'
import { serviceNumbers, weeklyTrend, type ServiceNumbers, type WeekPoint } from '#shared/accountability.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { listAccommodations } from './accommodations.server.ts'
import { caseloadServices } from './caseload.server.ts'
import { closureSet, closuresForSchool, closuresForStudent } from './calendar.server.ts'
import { activeDisputes, disputeKey } from './disputes.server.ts'
import { makeUpReasons, makeUpReasonsForStudent } from './make-up-policy.server.ts'
import { currentRecords } from './session-records.server.ts'
import { listServices } from './services.server.ts'

export interface ServiceAccountability extends ServiceNumbers {
  key: string
  name: string
  providerName: string
  minutesPerSession: number
  weekdays: string[]
  /** How often the mandate repeats, and its amounts per month or reporting period (added to accountability@1; docs/formats.md#period-mandates). */
  per: 'week' | 'month' | 'reporting_period'
  sessionsPerPeriod: number | null
  minutesPerPeriod: number | null
  trend: WeekPoint[]
  /** Records of this service a parent has flagged as disputed (added to accountability@1; older readers ignore it). */
  disputedRecords: number
}

export interface StudentAccountability {
  format: 'same-page/accountability@1'
  student: { id: string; name: string }
  asOf: IsoDate
  services: ServiceAccountability[]
  /** Since each accommodation started (fidelitySinceStart), not the student page's last 20 school days. */
  accommodations: {
    title: string
    applicableDays: number
    recordedDays: number
    usedDays: number
    notNeededDays: number
    fidelity: number
    disputedChecks: number
  }[]
}

/** `same-page/accountability@1` (docs/formats.md#accountability-json): the same numbers for the school and the family. */
export async function studentAccountability(db: DB, studentId: string, asOf: IsoDate): Promise<StudentAccountability> {
  const student = await db.selectFrom('students').select(['id', 'name']).where('id', '=', studentId).executeTakeFirstOrThrow()
  const closures = closureSet(await closuresForStudent(db, studentId))
  const owedReasons = await makeUpReasonsForStudent(db, studentId)
  const services = await listServices(db, { studentIds: [studentId] })
  const records = await currentRecords(
    db,
    services.map((s) => s.id),
  )
  const accommodations = await listAccommodations(db, studentId)
  const disputes = await activeDisputes(db, studentId)
  const checks = await db
    .selectFrom('accommodation_checks')
    .select(['id', 'accommodation_id', 'date', 'status', 'kind', 'recorded_at'])
    .where('student_id', '=', studentId)
    .where('date', '<=', asOf)
    .execute()
  return {
    format: 'same-page/accountability@1',
    student: { id: student.id, name: student.name },
    asOf,
    services: services
      .filter((s) => s.startDate <= asOf)
      .map((s) => {
        const input = { service: s, records: records.filter((r) => r.serviceId === s.id), closures, asOf, owedReasons }
        return {
          key: s.key,
          name: s.name,
          providerName: s.providerName,
          minutesPerSession: s.current.minutesPerSession,
          weekdays: [...s.current.weekdays],
          per: s.current.per ?? 'week',
          sessionsPerPeriod: s.current.sessionsPerPeriod ?? null,
          minutesPerPeriod: s.current.minutesPerPeriod ?? null,
          ...serviceNumbers(input),
          trend: weeklyTrend(input),
          disputedRecords: input.records.filter((r) => disputes.has(disputeKey('session', r.recordId))).length,
        }
      }),
    accommodations: accommodations
      .filter((a) => a.startDate <= asOf)
      .map((a) => {
        const f = fidelitySinceStart({
          applies: a.applies,
          startDate: a.startDate,
          records: checks.filter((c) => c.accommodation_id === a.id).map(checkRecord),
          closures,
          asOf,
        })
        const disputedChecks = checks.filter((c) => c.accommodation_id === a.id && disputes.has(disputeKey('check', c.id))).length
        return { title: a.title, applicableDays: f.applicableDays, recordedDays: f.recordedDays, usedDays: f.usedDays, notNeededDays: f.notNeededDays, fidelity: f.fidelity, disputedChecks }
      }),
  }
}

function groupByService<T extends { serviceId: string }>(records: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of records) {
    const list = out.get(r.serviceId)
    if (list) list.push(r)
    else out.set(r.serviceId, [r])
  }
  return out
}

export interface CaseloadRow {
  studentId: string
  studentName: string
  serviceKey: string
  serviceName: string
  providerId: string
  providerName: string
  deliveryRate: number
  balance: number
  alerts: string[]
}

/**
 * Every student's services with delivery rate and ledger balance, furthest behind first (lowest rate, then
 * largest balance). Scope: the students a case manager manages, the services a provider provides, or every
 * student of a school the caller administers.
 */
export async function caseload(db: DB, args: { userId: string; asOf: IsoDate; scope: 'mine' | { schoolId: string } }): Promise<CaseloadRow[]> {
  let serviceList: Awaited<ReturnType<typeof listServices>>
  if (args.scope === 'mine') {
    serviceList = (await caseloadServices(db, args.userId)).services
  } else {
    const students = await db.selectFrom('students').select('id').where('school_id', '=', args.scope.schoolId).execute()
    serviceList = await listServices(db, { studentIds: students.map((s) => s.id) })
  }
  const names = new Map(
    (await db.selectFrom('students').select(['id', 'name']).where('id', 'in', serviceList.length ? serviceList.map((s) => s.studentId) : ['']).execute()).map(
      (s) => [s.id, s.name],
    ),
  )
  const records = groupByService(
    await currentRecords(
      db,
      serviceList.map((s) => s.id),
    ),
  )
  // One calendar and one policy per school: students of a school share them (and the calendar cache).
  const schoolOf = new Map(
    (await db.selectFrom('students').select(['id', 'school_id']).where('id', 'in', serviceList.length ? [...new Set(serviceList.map((s) => s.studentId))] : ['']).execute()).map(
      (s) => [s.id, s.school_id],
    ),
  )
  const bySchool = new Map<string, { closures: Set<IsoDate>; owed: Awaited<ReturnType<typeof makeUpReasons>> }>()
  const rows: CaseloadRow[] = []
  for (const s of serviceList.filter((x) => x.startDate <= args.asOf)) {
    const schoolId = schoolOf.get(s.studentId) ?? ''
    let c = bySchool.get(schoolId)
    if (!c) {
      c = { closures: closureSet(await closuresForSchool(db, schoolId)), owed: await makeUpReasons(db, schoolId) }
      bySchool.set(schoolId, c)
    }
    const n = serviceNumbers({ service: s, records: records.get(s.id) ?? [], closures: c.closures, asOf: args.asOf, owedReasons: c.owed })
    rows.push({
      studentId: s.studentId,
      studentName: names.get(s.studentId) ?? '',
      serviceKey: s.key,
      serviceName: s.name,
      providerId: s.providerId,
      providerName: s.providerName,
      deliveryRate: n.deliveryRate,
      balance: n.ledger.balance,
      alerts: n.alerts,
    })
  }
  return rows.sort((a, b) => a.deliveryRate - b.deliveryRate || b.balance - a.balance || a.studentName.localeCompare(b.studentName))
}
