import { randomUUID } from 'node:crypto'
import type { Insertable } from 'kysely'
import type { DB } from '#db/client.server.ts'
import type { Database } from '#db/schema.ts'
import { DomainError } from '#shared/domain-error.ts'
import { inviteExpiry } from '#shared/invite-status.ts'
import { type PlanError, PlanImportError } from '#shared/plan-import/errors.ts'
import { measureFromTarget } from '#shared/plan-import/goal-measure.ts'
import { PLAN_FORMAT, type Plan } from '#shared/plan-import/schema.ts'
import { validatePlanText } from '#shared/plan-import/validate.ts'
import { mayProvideServices, type TeamRole } from '#shared/roles.ts'
import { type IsoDate, localIsoDate } from '#shared/school-date.ts'
import { joinsAtOnce } from '#shared/team-join.ts'
import type { AuditActionOf, AuditEntity, AuditEvent } from '#shared/audit-events.ts'
import { appendAuditRows, type AuditRow, type Executor, recordAudit } from './audit.server.ts'
import { isSchoolAdmin } from './memberships.server.ts'
import { queueInviteMail } from './invite-mail.server.ts'
import { hashInviteToken, newInviteToken } from './invite-token.server.ts'
import { standingAt } from './school-standing.server.ts'
import { createService } from './services.server.ts'
import { sessionRecordRow } from './session-records.server.ts'
import { t } from '#shared/i18n/i18n.ts'

export interface ImportPlanArgs {
  plan: Plan
  /** The school the importer acts for; the file's school.name must name it. */
  schoolId: string
  /** The signed-in importer; null for the command line. */
  actorId: string | null
  now: Date
  /** How the import was made, kept in every audit row's `after` (the command line passes its own). */
  source?: string
}

export interface ImportedInvite {
  email: string
  role: TeamRole
  /** Shown once (as /invite/TOKEN); only its hash is stored. */
  token: string
}

export interface PlanImportResult {
  studentId: string
  invites: ImportedInvite[]
}

/**
 * Records that need an author (goals, accommodations, checks, invites) get this account when nobody is signed in:
 * the command line. It has no password, so nobody can sign in as it; the audit rows keep actor null.
 */
export const IMPORT_ACCOUNT = { id: 'plan-import', email: 'plan-import@same-page.invalid', name: 'Plan import (command line)' } as const

const BATCH = 500

/** An entity whose audit rows may say `create`: what insertCreated logs. */
type CreatedEntity = { [E in AuditEntity]: 'create' extends AuditActionOf<E> ? E : never }[AuditEntity]

function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase()
  return norm(a) === norm(b)
}

async function insertBatches<T extends keyof Database & string>(trx: Executor, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // Kysely's table-generic insert cannot be typed through a type parameter; the rows are typed by the caller.
    await trx.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute()
  }
}

/** Checks that need the database, all at once, so the importer sees every problem in one go. */
async function referenceErrors(
  trx: Executor,
  plan: Plan,
  school: { id: string; name: string; year_start: string | null; year_end: string | null },
  joining: ReadonlyMap<string, { userId: string; role: TeamRole }>,
  today: IsoDate,
): Promise<PlanError[]> {
  const errors: PlanError[] = []
  if (!sameName(plan.school.name, school.name)) {
    errors.push({ path: 'school.name', message: t('refusals.importSchoolMismatch', { given: plan.school.name, school: school.name }) })
  }
  if (plan.student.externalId) {
    const taken = await trx
      .selectFrom('students')
      .select('id')
      .where('school_id', '=', school.id)
      .where('external_id', '=', plan.student.externalId)
      .executeTakeFirst()
    if (taken) {
      errors.push({ path: 'student.externalId', message: t('refusals.importStudentTaken', { id: plan.student.externalId, school: school.name }) })
    }
  }
  plan.services.forEach((s, i) => {
    // Worded the same whether or not the email has an account elsewhere in the installation.
    const member = joining.get(s.providerEmail)
    if (!member || !mayProvideServices(member.role)) {
      errors.push({
        path: `services[${i}].providerEmail`,
        message: t('refusals.importProviderNotStaff', { email: s.providerEmail, school: school.name }),
      })
    }
  })
  const { year_start: start, year_end: end } = school
  if (start && end) {
    const year = t('refusals.importSchoolYear', { start, end })
    plan.services.forEach((s, i) => {
      if (s.startDate < start || s.startDate > end) {
        errors.push({ path: `services[${i}].startDate`, message: t('refusals.importStartOutsideYear', { date: s.startDate, school: school.name, year }) })
      }
    })
    plan.accommodations.forEach((a, i) => {
      if (a.startDate && (a.startDate < start || a.startDate > end)) {
        errors.push({ path: `accommodations[${i}].startDate`, message: t('refusals.importStartOutsideYear', { date: a.startDate, school: school.name, year }) })
      } else if (!a.startDate && (today < start || today > end)) {
        errors.push({ path: `accommodations[${i}]`, message: t('refusals.importNoStartDate', { today, year }) })
      }
    })
  }
  // The school's own closures count too: a session or check recorded on one would be evidence of nothing.
  const inFile = new Set(plan.school.closures.map((c) => c.date))
  const closed = new Map(
    (await trx.selectFrom('school_closures').select(['date', 'label']).where('school_id', '=', school.id).execute())
      .filter((c) => !inFile.has(c.date))
      .map((c) => [c.date, c.label]),
  )
  if (closed.size) {
    plan.sessions.forEach((s, i) => {
      const label = closed.get(s.date)
      if (label !== undefined) errors.push({ path: `sessions[${i}].date`, message: t('refusals.importOnClosure', { date: s.date, school: school.name, label }) })
    })
    plan.accommodationChecks.forEach((c, i) => {
      const label = closed.get(c.date)
      if (label !== undefined) errors.push({ path: `accommodationChecks[${i}].date`, message: t('refusals.importOnClosure', { date: c.date, school: school.name, label }) })
    })
  }
  return errors
}

async function ensureImportAccount(trx: Executor, now: Date, source: string): Promise<string> {
  const existing = await trx.selectFrom('users').select('id').where('id', '=', IMPORT_ACCOUNT.id).executeTakeFirst()
  if (existing) return existing.id
  await trx
    .insertInto('users')
    .values({ id: IMPORT_ACCOUNT.id, email: IMPORT_ACCOUNT.email, name: IMPORT_ACCOUNT.name, password_hash: '!', created_at: now.toISOString() })
    .execute()
  await recordAudit(trx, { at: now, actorId: null, studentId: null, entity: 'user', entityId: IMPORT_ACCOUNT.id, action: 'create', after: { email: IMPORT_ACCOUNT.email, name: IMPORT_ACCOUNT.name, source } })
  return IMPORT_ACCOUNT.id
}

/**
 * Writes a validated `same-page/plan@1` plan as a new student of the school, in one transaction: the school's
 * closures (dates it already has are skipped), the student, the team (the school's staff join with their role, within
 * what shared/team-join.ts allows; everyone else gets an invite), goals and accommodations (version 1), services, session records (version 1) and
 * accommodation checks — each with its audit row. Any refusal or failure rolls everything back.
 */
export async function importPlan(db: DB, args: ImportPlanArgs): Promise<PlanImportResult> {
  const { plan, now, actorId } = args
  const today = localIsoDate(now)
  const at = now.toISOString()
  const source = args.source ?? `${PLAN_FORMAT} import`

  return db.transaction().execute(async (trx) => {
    const school = await trx.selectFrom('schools').select(['id', 'name', 'year_start', 'year_end']).where('id', '=', args.schoolId).executeTakeFirst()
    if (!school) throw new DomainError('NOT_FOUND', t('refusals.schoolNotFound'))

    // Who joins the team at once (the school's own staff, in a role they may hold: shared/team-join.ts) and who is
    // invited. Nothing below may depend on whether an invited email has an account elsewhere.
    const standing = await standingAt(trx, school.id, plan.team.map((m) => m.email))
    const joining = new Map<string, { userId: string; role: TeamRole }>()
    for (const m of plan.team) {
      const s = standing.get(m.email)
      if (s && joinsAtOnce(s, m.role)) joining.set(m.email, { userId: s.userId, role: m.role })
    }
    const errors = await referenceErrors(trx, plan, school, joining, today)
    // The school calendar is the school admin's (docs/roles.md, `school.calendar`): a closure changes every student's
    // mandated sessions. A case manager's file may name closures the school already has, never add one.
    const admin = actorId ? await isSchoolAdmin(trx, actorId, school.id) : false
    if (actorId && !admin) {
      const onCalendar = new Set((await trx.selectFrom('school_closures').select('date').where('school_id', '=', school.id).execute()).map((c) => c.date))
      plan.school.closures.forEach((c, i) => {
        if (!onCalendar.has(c.date)) {
          errors.push({
            path: `school.closures[${i}]`,
            message: t('refusals.importClosureNotOnCalendar', { date: c.date, school: school.name }),
          })
        }
      })
    }
    if (errors.length) throw new PlanImportError(errors)

    const author = actorId ?? (await ensureImportAccount(trx, now, source))
    let audit: AuditRow[] = []
    const flush = async () => {
      // Chained in order, in this transaction (audit-chain.server.ts).
      await appendAuditRows(trx, audit)
      audit = []
    }
    const log = (entry: AuditEvent & { studentId: string | null; entityId: string; after: Record<string, unknown> }) =>
      audit.push({
        at,
        actor_id: actorId,
        student_id: entry.studentId,
        entity: entry.entity,
        entity_id: entry.entityId,
        action: entry.action,
        before: null,
        after: JSON.stringify({ ...entry.after, source }),
      })
    /** A table's new rows, written in batches, each logged as created: `made` names a row's id and what its audit row keeps. */
    const insertCreated = async <T extends keyof Database & string, R extends Insertable<Database[T]>>(
      table: T,
      rows: R[],
      event: { studentId: string | null; entity: CreatedEntity },
      made: (row: R, i: number) => { entityId: string; after: Record<string, unknown> },
    ) => {
      await insertBatches(trx, table, rows)
      rows.forEach((row, i) => log({ ...event, action: 'create', ...made(row, i) }))
    }

    // The school's calendar: new closures only.
    const known = new Set((await trx.selectFrom('school_closures').select('date').where('school_id', '=', school.id).execute()).map((c) => c.date))
    const closures = plan.school.closures
      .filter((c) => !known.has(c.date))
      .map((c) => ({ id: randomUUID(), school_id: school.id, date: c.date, label: c.label, created_at: at, created_by: actorId }))
    await insertCreated('school_closures', closures, { studentId: null, entity: 'school_closure' }, (c) => ({ entityId: c.id, after: { date: c.date, label: c.label } }))

    const studentId = randomUUID()
    await trx
      .insertInto('students')
      .values({ id: studentId, school_id: school.id, name: plan.student.name, preferred_name: null, grade: plan.student.grade ?? null, external_id: plan.student.externalId ?? null, created_at: at })
      .execute()
    log({
      studentId,
      entity: 'student',
      entityId: studentId,
      action: 'import',
      after: {
        format: PLAN_FORMAT,
        name: plan.student.name,
        grade: plan.student.grade ?? null,
        externalId: plan.student.externalId ?? null,
        counts: {
          team: plan.team.length,
          goals: plan.goals.length,
          accommodations: plan.accommodations.length,
          services: plan.services.length,
          sessions: plan.sessions.length,
          accommodationChecks: plan.accommodationChecks.length,
          closuresAdded: closures.length,
        },
      },
    })

    // The IEP's own dates, when the file has them (an older file without them imports as before, with none).
    if (plan.iep) {
      const dates = {
        startDate: plan.iep.startDate ?? null,
        endDate: plan.iep.endDate ?? null,
        annualReviewDate: plan.iep.annualReviewDate ?? null,
        reevaluationDate: plan.iep.reevaluationDate ?? null,
      }
      const planId = randomUUID()
      await trx
        .insertInto('iep_plans')
        .values({
          id: planId,
          student_id: studentId,
          start_date: dates.startDate,
          end_date: dates.endDate,
          annual_review_date: dates.annualReviewDate,
          reevaluation_date: dates.reevaluationDate,
          created_at: at,
          created_by: actorId,
          updated_at: at,
          updated_by: actorId,
          replaced_at: null,
          replaced_by: null,
        })
        .execute()
      log({ studentId, entity: 'iep_plan', entityId: planId, action: 'set_dates', after: dates })
    }

    // The team. A case manager importing a student they are not listed for joins as its case manager, so they
    // can open what they imported (a school admin sees every student of the school already).
    const team = [...plan.team]
    if (actorId) {
      const actor = await trx.selectFrom('users').select('email').where('id', '=', actorId).executeTakeFirstOrThrow()
      // They are a case manager of the school already (the gate checked): this grants nothing new.
      if (!admin && !team.some((m) => m.email === actor.email)) {
        team.push({ email: actor.email, role: 'case_manager' })
        joining.set(actor.email, { userId: actorId, role: 'case_manager' })
      }
    }
    const invites: ImportedInvite[] = []
    for (const m of team) {
      const userId = joining.get(m.email)?.userId
      if (userId) {
        const id = randomUUID()
        await trx
          .insertInto('team_members')
          .values({ id, student_id: studentId, user_id: userId, role: m.role, added_at: at, added_by: actorId, removed_at: null, removed_by: null, areas: null })
          .execute()
        log({ studentId, entity: 'team_member', entityId: id, action: 'add', after: { userId, email: m.email, role: m.role } })
      } else {
        const token = newInviteToken()
        const id = randomUUID()
        const expiresAt = inviteExpiry(now).toISOString()
        await trx
          .insertInto('invites')
          .values({ id, student_id: studentId, email: m.email, role: m.role, token_hash: hashInviteToken(token), invited_by: author, created_at: at, expires_at: expiresAt, used_at: null, used_by: null, revoked_at: null })
          .execute()
        log({ studentId, entity: 'invite', entityId: id, action: 'create', after: { email: m.email, role: m.role, expiresAt } })
        await queueInviteMail(trx, { inviteId: id, token, studentId, email: m.email, role: m.role, invitedBy: author, expiresAt, language: 'en', now }) // plan@1 names no language for a team member
        invites.push({ email: m.email, role: m.role, token })
      }
    }

    // Goals and accommodations, version 1.
    for (const [i, g] of plan.goals.entries()) {
      const goalId = randomUUID()
      const { unit, mastery } = measureFromTarget(g.target)
      await trx.insertInto('goals').values({ id: goalId, student_id: studentId, position: i + 1, created_at: at, created_by: author }).execute()
      await trx
        .insertInto('goal_versions')
        .values({
          id: randomUUID(),
          goal_id: goalId,
          version: 1,
          area: g.area,
          official_text: g.officialText,
          plain_means: g.plain.means,
          plain_looks_like: g.plain.looksLike,
          plain_adults_help: g.plain.adultsHelp,
          plain_measure: g.plain.measure,
          baseline: g.baseline,
          target: g.target,
          unit,
          mastery: JSON.stringify(mastery),
          created_at: at,
          created_by: author,
        })
        .execute()
      log({ studentId, entity: 'goal', entityId: goalId, action: 'create', after: { ...g, unit, mastery } })
    }
    const accommodationIds = new Map<string, string>()
    for (const a of plan.accommodations) {
      const id = randomUUID()
      const startDate = a.startDate ?? today
      accommodationIds.set(a.title, id)
      await trx.insertInto('accommodations').values({ id, student_id: studentId, created_at: at, created_by: author }).execute()
      await trx
        .insertInto('accommodation_versions')
        .values({ id: randomUUID(), accommodation_id: id, version: 1, title: a.title, description: a.description, category: a.category, applies: JSON.stringify(a.applies), start_date: startDate, created_at: at, created_by: author })
        .execute()
      log({ studentId, entity: 'accommodation', entityId: id, action: 'create', after: { title: a.title, description: a.description, category: a.category, applies: a.applies, startDate } })
    }

    // Written before the services so the log reads in the order things were made (createService logs its own).
    await flush()

    // Services, through the one service constructor (provider on the team, school year, key).
    const serviceIds = new Map<string, string>()
    for (const s of plan.services) {
      const { serviceId } = await createService(
        db,
        {
          studentId,
          key: s.key,
          name: s.name,
          providerId: joining.get(s.providerEmail)!.userId,
          minutesPerSession: s.minutesPerSession,
          weekdays: s.weekdays ?? [],
          per: s.per,
          sessionsPerPeriod: s.sessionsPerPeriod,
          minutesPerPeriod: s.minutesPerPeriod,
          setting: s.setting,
          grouping: s.group ? 'group' : 'individual',
          groupName: s.groupName,
          startDate: s.startDate,
          endDate: s.endDate,
          actorId,
          now,
          auditNote: { source },
        },
        trx,
      )
      serviceIds.set(s.key, serviceId)
    }

    // Session records, version 1. Historical misses do not notify the family: they are the record, not news.
    const sessions = plan.sessions.map((s) =>
      sessionRecordRow(
        { recordId: randomUUID(), version: 1, serviceId: serviceIds.get(s.service)!, studentId, date: s.date, note: s.note || null, recordedBy: author, recordedAt: at },
        { ...s, kind: s.status, repaysDate: 'repays' in s ? s.repays : null },
      ),
    )
    await insertCreated('session_records', sessions, { studentId, entity: 'session_record' }, (r, i) => ({
      entityId: r.record_id,
      after: { service: plan.sessions[i]!.service, date: r.date, kind: r.kind, minutes: r.minutes, reason: r.reason, note: r.note, repaysDate: r.repays_date },
    }))

    const checks = plan.accommodationChecks.map((c) => ({
      id: randomUUID(),
      client_id: `import-${randomUUID()}`,
      accommodation_id: accommodationIds.get(c.accommodation)!,
      student_id: studentId,
      date: c.date,
      status: c.status,
      reason: c.reason || null,
      recorded_by: author,
      recorded_at: at,
      // Imported as the other system recorded them; whether that was on the day is not known here.
      late: 0,
    }))
    await insertCreated('accommodation_checks', checks, { studentId, entity: 'accommodation_check' }, (c, i) => ({
      entityId: c.id,
      after: { accommodationId: c.accommodation_id, title: plan.accommodationChecks[i]!.accommodation, date: c.date, status: c.status, reason: c.reason, late: false },
    }))

    await flush()
    return { studentId, invites }
  })
}

export interface ImportFromJsonArgs {
  schoolId: string
  actorId: string | null
  now: Date
  source?: string
}

/** Validates the file's text first; an invalid file throws a PlanImportError listing every problem, and writes nothing. */
export async function importPlanFromJson(db: DB, text: string, args: ImportFromJsonArgs): Promise<PlanImportResult> {
  const validation = validatePlanText(text, { today: localIsoDate(args.now) })
  if (!validation.ok) throw new PlanImportError(validation.errors)
  return importPlan(db, { plan: validation.plan, ...args })
}

/** The command line names no school: the file's school.name must match exactly one school in the database. */
export async function findSchoolByName(db: DB, name: string): Promise<string> {
  const schools = await db.selectFrom('schools').select(['id', 'name']).execute()
  const matches = schools.filter((s) => sameName(s.name, name))
  if (matches.length === 1) return matches[0]!.id
  const known = schools.map((s) => `"${s.name}"`).join(', ') || t('refusals.importNoSchools')
  throw new PlanImportError([
    {
      path: 'school.name',
      message: matches.length
        ? t('refusals.importSchoolAmbiguous', { name, number: matches.length })
        : t('refusals.importSchoolUnknown', { name, known }),
    },
  ])
}

/** The school of the import page: its name, for the heading. */
export async function schoolForImport(db: DB, schoolId: string): Promise<{ id: string; name: string }> {
  const school = await db.selectFrom('schools').select(['id', 'name']).where('id', '=', schoolId).executeTakeFirst()
  if (!school) throw new DomainError('NOT_FOUND', t('refusals.schoolNotFound'))
  return school
}
