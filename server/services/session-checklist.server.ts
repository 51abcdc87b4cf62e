import type { DB } from '#db/client.server.ts'
import { addDays, type IsoDate } from '#shared/school-date.ts'
import { describeSchoolDay, type SchoolDayInfo } from '#shared/school-day.ts'
import { mondayOf } from '#shared/school-week.ts'
import { scheduledSessions } from '#shared/services.ts'
import { sessionRows, type SessionRow } from '#shared/session-status.ts'
import { periodProgress, type PeriodProgress } from '#shared/period-mandate.ts'
import { calendarForSchool, type Closure, closureSet, closuresForSchool, closuresForStudent } from './calendar.server.ts'
import { activeDisputes, disputeKey } from './disputes.server.ts'
import { caseloadServices } from './caseload.server.ts'
import { makeUpReasonsForStudent } from './make-up-policy.server.ts'
import { currentRecords, type SessionRecord } from './session-records.server.ts'
import { listServices, type Service } from './services.server.ts'

export interface ServiceSessions {
  service: Pick<Service, 'id' | 'key' | 'name' | 'providerId' | 'providerName' | 'setting' | 'grouping' | 'groupName' | 'startDate' | 'endDate' | 'current' | 'terms' | 'reportingPeriods'>
  studentId: string
  rows: SessionRow<SessionRecord>[]
  /** Make-ups held in the range (they may repay sessions outside it). */
  makeUps: SessionRecord[]
  /** Sessions that still owe make-up minutes (any date up to `today`): what a make-up can repay. */
  owed: { date: IsoDate; owedMinutes: number }[]
  /** A month's or reporting period's service: where its period stands (today's, or the range's nearest day to it). */
  period: PeriodProgress<SessionRecord> | null
}

/** Every session of the given services from `from` to `to`, with status as of `today`. */
export async function sessionsForServices(db: DB, services: Service[], from: IsoDate, to: IsoDate, today: IsoDate): Promise<ServiceSessions[]> {
  const records = await currentRecords(
    db,
    services.map((s) => s.id),
  )
  const byStudent = new Map<string, { closures: Set<IsoDate>; owes: (r: string) => boolean }>()
  const periodDay = today < from ? from : today > to ? to : today
  const out: ServiceSessions[] = []
  for (const service of services) {
    let ctx = byStudent.get(service.studentId)
    if (!ctx) {
      const reasons = new Set<string>(await makeUpReasonsForStudent(db, service.studentId))
      ctx = { closures: closureSet(await closuresForStudent(db, service.studentId)), owes: (r) => reasons.has(r) }
      byStudent.set(service.studentId, ctx)
    }
    const own = records.filter((r) => r.serviceId === service.id)
    const all = sessionRows(scheduledSessions(service, ctx.closures, service.startDate, today > to ? today : to), own, ctx.closures, today, ctx.owes)
    out.push({
      service: {
        id: service.id,
        key: service.key,
        name: service.name,
        providerId: service.providerId,
        providerName: service.providerName,
        setting: service.setting,
        grouping: service.grouping,
        groupName: service.groupName,
        startDate: service.startDate,
        endDate: service.endDate,
        current: service.current,
        terms: service.terms,
        reportingPeriods: service.reportingPeriods,
      },
      studentId: service.studentId,
      rows: all.filter((r) => r.date >= from && r.date <= to),
      makeUps: own.filter((r) => r.kind === 'make_up' && r.date >= from && r.date <= to),
      owed: all.filter((r) => r.date <= today && r.owedMinutes > 0).map((r) => ({ date: r.date, owedMinutes: r.owedMinutes })),
      period: periodProgress(service, own, ctx.closures, periodDay),
    })
  }
  return out
}

export interface WeekView {
  weekOf: IsoDate
  days: IsoDate[]
  today: IsoDate
  /** Closures of the students' schools that fall in the week, so the week says why a day has no sessions. */
  closures: Closure[]
  /** What kind of day today is at the (first) school of the person's students; null with no students. */
  todayInfo: SchoolDayInfo | null
  students: { id: string; name: string; role: string; services: ServiceSessions[] }[]
}

/**
 * The provider's or case manager's week: each session of their students' services, Monday to Friday.
 * A provider sees the services they provide; a case manager every service of their students.
 */
export async function sessionsWeek(db: DB, userId: string, weekOf: IsoDate, today: IsoDate): Promise<WeekView> {
  const monday = mondayOf(weekOf)
  const days = [0, 1, 2, 3, 4].map((n) => addDays(monday, n))
  const { students, services } = await caseloadServices(db, userId, today)
  const sessions = await sessionsForServices(db, services, days[0]!, days[4]!, today)
  const closures: Closure[] = []
  for (const schoolId of new Set(students.map((m) => m.schoolId))) {
    for (const c of await closuresForSchool(db, schoolId)) {
      if (c.date >= days[0]! && c.date <= days[4]! && !closures.some((o) => o.date === c.date && o.label === c.label)) closures.push(c)
    }
  }
  const firstSchool = students[0]?.schoolId
  return {
    weekOf: monday,
    days,
    today,
    todayInfo: firstSchool ? describeSchoolDay(today, await calendarForSchool(db, firstSchool)) : null,
    closures: closures.sort((a, b) => a.date.localeCompare(b.date)),
    students: students
      .map((m) => ({ id: m.id, name: m.name, role: m.role, services: sessions.filter((s) => s.studentId === m.id) }))
      .filter((s) => s.services.length > 0),
  }
}

/** One row per session record, oldest first (docs/formats.md#session-log-csv), with whether a parent's dispute stands. */
export async function sessionLog(db: DB, studentId: string) {
  const disputes = await activeDisputes(db, studentId)
  const services = await listServices(db, { studentIds: [studentId] })
  const names = new Map(services.map((s) => [s.id, s.name]))
  const records = await currentRecords(
    db,
    services.map((s) => s.id),
  )
  return records
    .sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt))
    .map((r) => ({ ...r, serviceName: names.get(r.serviceId) ?? '', disputed: disputes.has(disputeKey('session', r.recordId)) }))
}
