import { systemClock } from '../clock.server.ts'
import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { mayProvideServices } from '#shared/roles.ts'
import { type IsoDate, localIsoDate, type Weekday } from '#shared/school-date.ts'
import type { ServiceSchedule, ServiceTerm } from '#shared/services.ts'
import type { MandatePeriod } from '#shared/service-periods.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { activeMembership } from './memberships.server.ts'
import { assertInSchoolYear } from './school-year.server.ts'
import { recordPlanChange } from './plan-changes.server.ts'
import { serviceChange } from '#shared/plan-change.ts'
import { t } from '#shared/i18n/i18n.ts'

export interface Service extends ServiceSchedule {
  id: string
  studentId: string
  key: string
  name: string
  providerId: string
  providerName: string
  setting: 'push-in' | 'pull-out'
  grouping: 'group' | 'individual'
  /** The group the provider gathers the student in (shared/group-sessions.ts); null when none. */
  groupName: string | null
  terms: (ServiceTerm & { note: string | null })[]
  /** The term in force today or the latest one: what the plan says now. */
  current: ServiceTerm
}

/** `today` decides which term is `current`: pass the caller's day (ctx.now), not the server's wall clock. */
export async function listServices(
  db: Executor,
  args: { studentIds?: string[]; providerId?: string; serviceId?: string; today?: IsoDate },
): Promise<Service[]> {
  let q = db
    .selectFrom('services')
    .innerJoin('users', 'users.id', 'services.provider_id')
    .innerJoin('students', 'students.id', 'services.student_id')
    .select([
      'services.id',
      'services.student_id',
      'services.key',
      'services.name',
      'services.provider_id',
      'users.name as provider_name',
      'services.setting',
      'services.grouping',
      'services.group_name',
      'services.start_date',
      'services.end_date',
      'students.school_id',
    ])
  if (args.studentIds) q = q.where('services.student_id', 'in', args.studentIds.length ? args.studentIds : [''])
  if (args.providerId) q = q.where('services.provider_id', '=', args.providerId)
  if (args.serviceId) q = q.where('services.id', '=', args.serviceId)
  const rows = await q.orderBy('services.name').execute()
  if (rows.length === 0) return []
  const terms = await db
    .selectFrom('service_terms')
    .select(['service_id', 'effective_from', 'minutes_per_session', 'weekdays', 'note', 'per', 'sessions_per_period', 'minutes_per_period'])
    .where(
      'service_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('effective_from')
    .execute()
  // A term "per reporting period" counts in the school's own periods (docs/formats.md#reporting-periods).
  const periods = await db
    .selectFrom('reporting_periods')
    .select(['school_id', 'start_date', 'end_date'])
    .where('school_id', 'in', [...new Set(rows.map((r) => r.school_id))])
    .orderBy('start_date')
    .execute()
  const periodsBySchool = new Map<string, { start: IsoDate; end: IsoDate }[]>()
  for (const p of periods) {
    const list = periodsBySchool.get(p.school_id) ?? []
    list.push({ start: p.start_date, end: p.end_date })
    periodsBySchool.set(p.school_id, list)
  }
  const today = args.today ?? localIsoDate(systemClock())
  const termsByService = new Map<string, typeof terms>()
  for (const t of terms) {
    const list = termsByService.get(t.service_id)
    if (list) list.push(t)
    else termsByService.set(t.service_id, [t])
  }
  return rows.map((r) => {
    const own = (termsByService.get(r.id) ?? [])
      .map((t) => ({
        effectiveFrom: t.effective_from,
        minutesPerSession: t.minutes_per_session,
        weekdays: JSON.parse(t.weekdays) as Weekday[],
        note: t.note,
        per: t.per,
        sessionsPerPeriod: t.sessions_per_period,
        minutesPerPeriod: t.minutes_per_period,
      }))
    const current = [...own].reverse().find((t) => t.effectiveFrom <= today) ?? own[0]!
    return {
      id: r.id,
      studentId: r.student_id,
      key: r.key,
      name: r.name,
      providerId: r.provider_id,
      providerName: r.provider_name,
      setting: r.setting,
      grouping: r.grouping,
      groupName: r.group_name,
      startDate: r.start_date,
      endDate: r.end_date,
      terms: own,
      current,
      reportingPeriods: periodsBySchool.get(r.school_id) ?? [],
    }
  })
}

export async function getService(db: Executor, studentId: string, serviceId: string): Promise<Service> {
  const [service] = await listServices(db, { serviceId })
  if (!service || service.studentId !== studentId) throw new DomainError('NOT_FOUND', t('refusals.serviceNotFound'))
  return service
}

/** What a term mandates, as the forms and plan@1 give it; a weekly term has no period amounts, a period term no weekdays. */
export interface TermMandate {
  minutesPerSession: number
  weekdays: Weekday[]
  per?: MandatePeriod | undefined
  sessionsPerPeriod?: number | null | undefined
  minutesPerPeriod?: number | null | undefined
}

function normalMandate(args: TermMandate) {
  const per = args.per ?? 'week'
  const weekly = per === 'week'
  return {
    minutesPerSession: args.minutesPerSession,
    weekdays: weekly ? args.weekdays : [],
    per,
    sessionsPerPeriod: weekly ? null : (args.sessionsPerPeriod ?? null),
    minutesPerPeriod: weekly || args.sessionsPerPeriod ? null : (args.minutesPerPeriod ?? null),
  }
}

function termColumns(m: ReturnType<typeof normalMandate>) {
  return {
    minutes_per_session: m.minutesPerSession,
    weekdays: JSON.stringify(m.weekdays),
    per: m.per,
    sessions_per_period: m.sessionsPerPeriod,
    minutes_per_period: m.minutesPerPeriod,
  }
}

/** The audit row's mandate: a weekly term reads as it always has; a period term adds its period and amounts. */
function auditMandate(m: ReturnType<typeof normalMandate>) {
  const { per, sessionsPerPeriod, minutesPerPeriod, ...weekly } = m
  return per === 'week' ? weekly : { ...weekly, per, sessionsPerPeriod, minutesPerPeriod }
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'service'
}

/** The provider must be on the student's team as a provider or case manager. */
async function assertProviderOnTeam(db: Executor, studentId: string, providerId: string): Promise<void> {
  const member = await activeMembership(db, studentId, providerId)
  if (!member || !mayProvideServices(member.role)) {
    throw new DomainError('BAD_REQUEST', t('refusals.providerNotOnTeam'), 'providerId')
  }
}

/** Only a service delivered in a group keeps a group name. */
function groupNameOf(args: { grouping: 'group' | 'individual'; groupName?: string | null | undefined }): string | null {
  return args.grouping === 'group' ? args.groupName?.trim() || null : null
}

export async function createService(
  db: DB,
  args: TermMandate & {
    studentId: string
    key?: string
    name: string
    providerId: string
    setting: 'push-in' | 'pull-out'
    grouping: 'group' | 'individual'
    groupName?: string | null | undefined
    startDate: string
    endDate: string
    actorId: string | null
    now: Date
    /** Added to the audit row's `after` (a plan import records how it was made). */
    auditNote?: Record<string, unknown>
  },
  trx?: Executor,
): Promise<{ serviceId: string }> {
  const run = async (ex: Executor) => {
    await assertProviderOnTeam(ex, args.studentId, args.providerId)
    await assertInSchoolYear(ex, args.studentId, args.startDate, 'startDate')
    const serviceId = randomUUID()
    let key = args.key ?? slug(args.name)
    const taken = await ex.selectFrom('services').select('key').where('student_id', '=', args.studentId).execute()
    if (!args.key) for (let n = 2; taken.some((s) => s.key === key); n++) key = `${slug(args.name)}-${n}`
    else if (taken.some((s) => s.key === key)) throw new DomainError('CONFLICT', t('refusals.serviceKeyTaken', { key }), 'key')
    const at = args.now.toISOString()
    const mandate = normalMandate(args)
    await ex
      .insertInto('services')
      .values({
        id: serviceId,
        student_id: args.studentId,
        key,
        name: args.name,
        provider_id: args.providerId,
        setting: args.setting,
        grouping: args.grouping,
        group_name: groupNameOf(args),
        start_date: args.startDate,
        end_date: args.endDate,
        created_at: at,
        created_by: args.actorId,
      })
      .execute()
    await ex
      .insertInto('service_terms')
      .values({
        id: randomUUID(),
        service_id: serviceId,
        effective_from: args.startDate,
        ...termColumns(mandate),
        note: null,
        created_at: at,
        created_by: args.actorId,
      })
      .execute()
    await recordChange(ex, args, {
      entity: 'service',
      entityId: serviceId,
      action: 'create',
      after: { key, name: args.name, providerId: args.providerId, ...auditMandate(mandate), setting: args.setting, grouping: args.grouping, ...(groupNameOf(args) ? { groupName: groupNameOf(args) } : {}), startDate: args.startDate, endDate: args.endDate, ...args.auditNote },
    })
    return { serviceId }
  }
  return trx ? run(trx) : db.transaction().execute(run)
}

/** An IEP amendment: new minutes or weekdays from a date; sessions before it keep the old mandate. */
export async function amendService(
  db: DB,
  args: TermMandate & { studentId: string; serviceId: string; effectiveFrom: string; note?: string | undefined; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const service = await getService(trx, args.studentId, args.serviceId)
    if (args.effectiveFrom <= service.startDate || args.effectiveFrom > service.endDate) {
      throw new DomainError('BAD_REQUEST', t('refusals.amendmentOutside'), 'effectiveFrom')
    }
    if (service.terms.some((t) => t.effectiveFrom === args.effectiveFrom)) {
      throw new DomainError('CONFLICT', t('refusals.amendmentTaken'), 'effectiveFrom')
    }
    const before = [...service.terms].reverse().find((t) => t.effectiveFrom < args.effectiveFrom)
    const mandate = normalMandate(args)
    await trx
      .insertInto('service_terms')
      .values({
        id: randomUUID(),
        service_id: args.serviceId,
        effective_from: args.effectiveFrom,
        ...termColumns(mandate),
        note: args.note ?? null,
        created_at: args.now.toISOString(),
        created_by: args.actorId,
      })
      .execute()
    await recordChange(trx, args, {
      entity: 'service',
      entityId: args.serviceId,
      action: 'amend',
      before: before ? auditMandate(normalMandate({ ...before, weekdays: [...before.weekdays] })) : undefined,
      after: { service: service.name, effectiveFrom: args.effectiveFrom, ...auditMandate(mandate), note: args.note ?? null },
    })
    const change = serviceChange({ serviceId: args.serviceId, serviceName: service.name, before: before ?? null, after: mandate, effectiveFrom: args.effectiveFrom })
    if (change.before !== change.after) await recordPlanChange(trx, { studentId: args.studentId, change, actorId: args.actorId, now: args.now })
  })
}
