import type { DB } from '#db/client.server.ts'
import { fidelitySinceStart } from '#shared/accommodation-fidelity.ts'
import { checkRecord } from './accommodation-checks.server.ts'
import { serviceNumbers, weeklyTrend, type ServiceNumbers, type WeekPoint } from '#shared/accountability.ts'
import { localIsoDate, type IsoDate } from '#shared/school-date.ts'
import { listAccommodations } from './accommodations.server.ts'
import { caseloadServices } from './caseload.server.ts'
import { closureSet, closuresForSchool, closuresForStudent } from './calendar.server.ts'
import { activeDisputes, disputeKey } from './disputes.server.ts'
import { makeUpReasons, makeUpReasonsForStudent } from './make-up-policy.server.ts'
import { currentRecords } from './session-records.server.ts'
import { listServices, type Service } from './services.server.ts'
import { generationsOf, keepServiceNumbers, keepStudentDocument, keptStudentDocument, STUDENT_BATCH } from './numbers-kept.server.ts'
import { systemClock } from '../clock.server.ts'
import { yieldToOthers } from './yield-to-others.server.ts'

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
    /** For a reader's language on screen; the public JSON (shared/accountability-json.ts) names a support by title. */
    accommodationId: string
    title: string
    applicableDays: number
    recordedDays: number
    usedDays: number
    notNeededDays: number
    fidelity: number
    disputedChecks: number
  }[]
}

/**
 * `same-page/accountability@1` (docs/formats.md#accountability-json): the same numbers for the school and the family.
 * Read from the kept copy while the student's inputs are unchanged (docs/performance.md), else computed and kept.
 */
export async function studentAccountability(db: DB, studentId: string, asOf: IsoDate): Promise<StudentAccountability> {
  // Each service's current term is the one in force on the real day, so a copy is kept per asOf and per day.
  const madeOn = localIsoDate(systemClock())
  const kept = await keptStudentDocument(db, studentId, asOf, madeOn)
  if (kept) return JSON.parse(kept) as StudentAccountability
  const generation = (await generationsOf(db, [studentId])).get(studentId) ?? 0
  const computed = await computeStudentAccountability(db, studentId, asOf)
  await keepStudentDocument(db, { studentId, asOf, madeOn, generation, document: JSON.stringify(computed) })
  return computed
}

/** The student's numbers from the records themselves: the definition the kept copy must always equal. */
export async function computeStudentAccountability(db: DB, studentId: string, asOf: IsoDate): Promise<StudentAccountability> {
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
        return { accommodationId: a.id, title: a.title, applicableDays: f.applicableDays, recordedDays: f.recordedDays, usedDays: f.usedDays, notNeededDays: f.notNeededDays, fidelity: f.fidelity, disputedChecks }
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
 * student of a school the caller administers. Each service's numbers come from its kept copy while its student's
 * inputs are unchanged; the rest are computed from the records (computeCaseloadRows) and kept.
 */
export async function caseload(db: DB, args: { userId: string; asOf: IsoDate; scope: 'mine' | { schoolId: string } }): Promise<CaseloadRow[]> {
  let q = db
    .selectFrom('services as sv')
    .innerJoin('students as st', 'st.id', 'sv.student_id')
    .innerJoin('users as u', 'u.id', 'sv.provider_id')
    .leftJoin('numbers_generations as g', 'g.student_id', 'sv.student_id')
    .leftJoin('service_numbers_kept as k', (j) => j.onRef('k.service_id', '=', 'sv.id').on('k.as_of', '=', args.asOf))
    .select([
      'sv.id',
      'sv.student_id',
      'st.name as student_name',
      'sv.key',
      'sv.name',
      'sv.provider_id',
      'u.name as provider_name',
      'g.generation as current',
      'k.generation as kept',
      'k.delivery_rate',
      'k.balance',
      'k.alerts',
    ])
    .where('sv.start_date', '<=', args.asOf)
  if (args.scope === 'mine') {
    const mine = (await caseloadServices(db, args.userId)).services.map((s) => s.id)
    if (mine.length === 0) return []
    q = q.where('sv.id', 'in', mine)
  } else {
    q = q.where('st.school_id', '=', args.scope.schoolId)
  }
  const found = await q.execute()
  const rows: CaseloadRow[] = []
  const stale = new Set<string>()
  for (const r of found) {
    if (r.kept === null || r.kept !== (r.current ?? 0) || r.delivery_rate === null || r.balance === null || r.alerts === null) {
      stale.add(r.student_id)
      continue
    }
    rows.push({
      studentId: r.student_id,
      studentName: r.student_name,
      serviceKey: r.key,
      serviceName: r.name,
      providerId: r.provider_id,
      providerName: r.provider_name,
      deliveryRate: r.delivery_rate,
      balance: r.balance,
      alerts: r.alerts ? r.alerts.split(',') : [],
    })
  }
  if (stale.size) {
    const wanted = new Set(found.filter((r) => stale.has(r.student_id)).map((r) => r.id))
    const students = [...stale]
    for (let i = 0; i < students.length; i += STUDENT_BATCH) {
      const chunk = students.slice(i, i + STUDENT_BATCH)
      // Read before the inputs: a write that lands after this leaves the copy below unread (numbers-kept.server.ts).
      const generations = await generationsOf(db, chunk)
      const services = (await listServices(db, { studentIds: chunk })).filter((s) => wanted.has(s.id))
      const computed = await computeCaseloadRows(db, services, args.asOf)
      rows.push(...computed.map(({ serviceId: _id, ...row }) => row))
      await keepServiceNumbers(
        db,
        args.asOf,
        computed.map((c) => ({ ...c, generation: generations.get(c.studentId) ?? 0 })),
      )
      // A cold school is seconds of work: other requests run between rounds.
      if (i + STUDENT_BATCH < students.length) await yieldToOthers()
    }
  }
  return sortCaseload(rows)
}

// One collator for every comparison: String#localeCompare sets one up per call, seconds over a district's rows.
const byName = new Intl.Collator('en')

/** Furthest behind first: lowest delivery rate, then largest balance, then name (and one student's services by name). */
export function sortCaseload(rows: CaseloadRow[]): CaseloadRow[] {
  return rows.sort(
    (a, b) =>
      a.deliveryRate - b.deliveryRate ||
      b.balance - a.balance ||
      byName.compare(a.studentName, b.studentName) ||
      byName.compare(a.serviceName, b.serviceName) ||
      (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0),
  )
}

/** Caseload rows for these services from the records themselves: the definition kept copies must equal. */
export async function computeCaseloadRows(db: DB, serviceList: Service[], asOf: IsoDate): Promise<(CaseloadRow & { serviceId: string })[]> {
  const studentIds = [...new Set(serviceList.map((s) => s.studentId))]
  const students = new Map(
    (await db.selectFrom('students').select(['id', 'name', 'school_id']).where('id', 'in', studentIds.length ? studentIds : ['']).execute()).map((s) => [s.id, s]),
  )
  const records = groupByService(
    await currentRecords(
      db,
      serviceList.map((s) => s.id),
    ),
  )
  // One calendar and one policy per school: students of a school share them (and the calendar cache).
  const bySchool = new Map<string, { closures: Set<IsoDate>; owed: Awaited<ReturnType<typeof makeUpReasons>> }>()
  const rows: (CaseloadRow & { serviceId: string })[] = []
  for (const s of serviceList.filter((x) => x.startDate <= asOf)) {
    const student = students.get(s.studentId)
    const schoolId = student?.school_id ?? ''
    let c = bySchool.get(schoolId)
    if (!c) {
      c = { closures: closureSet(await closuresForSchool(db, schoolId)), owed: await makeUpReasons(db, schoolId) }
      bySchool.set(schoolId, c)
    }
    const n = serviceNumbers({ service: s, records: records.get(s.id) ?? [], closures: c.closures, asOf, owedReasons: c.owed })
    rows.push({
      serviceId: s.id,
      studentId: s.studentId,
      studentName: student?.name ?? '',
      serviceKey: s.key,
      serviceName: s.name,
      providerId: s.providerId,
      providerName: s.providerName,
      deliveryRate: n.deliveryRate,
      balance: n.ledger.balance,
      alerts: n.alerts,
    })
  }
  return rows
}
