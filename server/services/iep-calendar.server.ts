import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { type CalendarFacts, type DueItem, dueItems, dueItemText, type IepDates, sortDueItems } from '#shared/iep-calendar.ts'
import { can } from '#shared/permissions.ts'
import type { IepDatesInput, StartNextPlanInput } from '#shared/schemas/iep-calendar.ts'
import { formatSchoolDate, type IsoDate, localIsoDate } from '#shared/school-date.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { notify } from './notice-mail.server.ts'

/** A plan year as pages read it. */
export interface IepPlan extends IepDates {
  id: string
  updatedAt: string
}

function shapePlan(r: { id: string; start_date: string | null; end_date: string | null; annual_review_date: string | null; reevaluation_date: string | null; updated_at: string }): IepPlan {
  return {
    id: r.id,
    startDate: r.start_date,
    endDate: r.end_date,
    annualReviewDate: r.annual_review_date,
    reevaluationDate: r.reevaluation_date,
    updatedAt: r.updated_at,
  }
}

const PLAN_COLUMNS = ['id', 'student_id', 'start_date', 'end_date', 'annual_review_date', 'reevaluation_date', 'updated_at'] as const

/** The student's current plan year (the one not replaced), or null before anyone set its dates. */
export async function currentPlan(db: Executor, studentId: string): Promise<IepPlan | null> {
  const row = await db.selectFrom('iep_plans').select(PLAN_COLUMNS).where('student_id', '=', studentId).where('replaced_at', 'is', null).executeTakeFirst()
  return row ? shapePlan(row) : null
}

/** Every plan year of the student, newest first: the earlier ones keep their dates. */
export async function planYears(db: Executor, studentId: string): Promise<(IepPlan & { current: boolean })[]> {
  const rows = await db
    .selectFrom('iep_plans')
    .select([...PLAN_COLUMNS, 'replaced_at'])
    .where('student_id', '=', studentId)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => ({ ...shapePlan(r), current: r.replaced_at === null }))
}

function datesOf(input: IepDatesInput): IepDates {
  return {
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    annualReviewDate: input.annualReviewDate ?? null,
    reevaluationDate: input.reevaluationDate ?? null,
  }
}

function planValues(dates: IepDates) {
  return { start_date: dates.startDate, end_date: dates.endDate, annual_review_date: dates.annualReviewDate, reevaluation_date: dates.reevaluationDate }
}

/** Sets the current plan's dates (a first plan year is made when there is none). The schema has checked the rules. */
export async function setIepDates(db: DB, args: { studentId: string; dates: IepDatesInput; actorId: string; now: Date }): Promise<IepPlan> {
  const dates = datesOf(args.dates)
  return db.transaction().execute(async (trx) => {
    const before = await currentPlan(trx, args.studentId)
    const at = args.now.toISOString()
    let id = before?.id
    if (before) {
      await trx.updateTable('iep_plans').set({ ...planValues(dates), updated_at: at, updated_by: args.actorId }).where('id', '=', before.id).execute()
    } else {
      id = randomUUID()
      await trx
        .insertInto('iep_plans')
        .values({ id, student_id: args.studentId, ...planValues(dates), created_at: at, created_by: args.actorId, updated_at: at, updated_by: args.actorId, replaced_at: null, replaced_by: null })
        .execute()
    }
    const { id: _id, updatedAt: _u, ...beforeDates } = before ?? { id: '', updatedAt: '' }
    await recordChange(trx, args, { entity: 'iep_plan', entityId: id!, action: 'set_dates', before: before ? beforeDates : undefined, after: dates })
    return (await currentPlan(trx, args.studentId))!
  })
}

/** Goals that ended with an earlier plan: still readable with their data, no longer part of the current plan. */
export async function endedGoals(db: Executor, studentId: string): Promise<{ id: string; area: string; officialText: string; endedAt: string; reason: string }[]> {
  const rows = await db
    .selectFrom('goals')
    .innerJoin('goal_versions as gv', 'gv.goal_id', 'goals.id')
    .select(['goals.id', 'gv.area', 'gv.official_text', 'goals.ended_at', 'goals.ended_reason'])
    .where('goals.student_id', '=', studentId)
    .where('goals.ended_at', 'is not', null)
    .where(({ eb, selectFrom }) =>
      eb('gv.version', '=', selectFrom('goal_versions as newer').select((n) => n.fn.max('newer.version').as('v')).whereRef('newer.goal_id', '=', 'gv.goal_id')),
    )
    .orderBy('goals.ended_at', 'desc')
    .orderBy('goals.position')
    .execute()
  return rows.map((r) => ({ id: r.id, area: r.area, officialText: r.official_text, endedAt: r.ended_at!, reason: r.ended_reason ?? '' }))
}

/**
 * Starts the next plan (docs/iep-calendar.md) in one transaction: the current plan year is marked replaced (its dates
 * stay), the next one starts with its own dates, and each goal of the current plan is carried over (as it is, or to be
 * changed next with a new version) or ended with its reason. Nothing is deleted; services, sessions and data are not
 * touched, so the numbers of the old plan stay exactly as they were.
 */
export async function startNextPlan(db: DB, args: { studentId: string; input: StartNextPlanInput; actorId: string; now: Date }): Promise<{ planId: string; changeGoalIds: string[] }> {
  const dates = datesOf(args.input)
  return db.transaction().execute(async (trx) => {
    const current = await currentPlan(trx, args.studentId)
    if (!current) throw new DomainError('BAD_REQUEST', t('iepCalendar.rules.noCurrentPlan'))
    if (current.startDate && dates.startDate && dates.startDate <= current.startDate) {
      throw new DomainError('BAD_REQUEST', t('iepCalendar.rules.nextStartsAfter', { date: formatSchoolDate(current.startDate) }), 'startDate')
    }
    const goals = await trx
      .selectFrom('goals')
      .innerJoin('goal_versions as gv', 'gv.goal_id', 'goals.id')
      .select(['goals.id', 'gv.area'])
      .where('goals.student_id', '=', args.studentId)
      .where('goals.ended_at', 'is', null)
      .where(({ eb, selectFrom }) =>
        eb('gv.version', '=', selectFrom('goal_versions as newer').select((n) => n.fn.max('newer.version').as('v')).whereRef('newer.goal_id', '=', 'gv.goal_id')),
      )
      .execute()
    const choices = new Map(args.input.goals.map((g) => [g.goalId, g]))
    // Every goal of the current plan is decided, once, and nothing else is named.
    if (choices.size !== args.input.goals.length || choices.size !== goals.length || goals.some((g) => !choices.has(g.id))) {
      throw new DomainError('BAD_REQUEST', t('iepCalendar.rules.goalsMismatch'), 'goals')
    }
    const at = args.now.toISOString()
    await trx.updateTable('iep_plans').set({ replaced_at: at, replaced_by: args.actorId }).where('id', '=', current.id).execute()
    const planId = randomUUID()
    await trx
      .insertInto('iep_plans')
      .values({ id: planId, student_id: args.studentId, ...planValues(dates), created_at: at, created_by: args.actorId, updated_at: at, updated_by: args.actorId, replaced_at: null, replaced_by: null })
      .execute()
    let ended = 0
    for (const goal of goals) {
      const choice = choices.get(goal.id)!
      if (choice.choice !== 'end') continue
      ended++
      await trx
        .updateTable('goals')
        .set({ ended_at: at, ended_by: args.actorId, ended_reason: choice.reason ?? '', ended_plan_id: current.id })
        .where('id', '=', goal.id)
        .execute()
      await recordChange(trx, args, { entity: 'goal', entityId: goal.id, action: 'end', after: { area: goal.area, reason: choice.reason ?? '', planId: current.id } })
    }
    const changeGoalIds = args.input.goals.filter((g) => g.choice === 'change').map((g) => g.goalId)
    await recordChange(trx, args, {
      entity: 'iep_plan',
      entityId: planId,
      action: 'start_next',
      before: { planId: current.id, startDate: current.startDate, endDate: current.endDate },
      after: { ...dates, carried: goals.length - ended, ended, changing: changeGoalIds.length },
    })
    return { planId, changeGoalIds }
  })
}

// What is due and late ------------------------------------------------------------------------------------

/** The facts the calendar's rules read, for each of these students. */
async function calendarFacts(db: Executor, studentIds: readonly string[]): Promise<CalendarFacts[]> {
  if (studentIds.length === 0) return []
  const ids = [...studentIds]
  const students = await db.selectFrom('students').select(['id', 'name', 'preferred_name', 'school_id']).where('id', 'in', ids).orderBy('name').execute()
  const plans = await db.selectFrom('iep_plans').select(PLAN_COLUMNS).where('student_id', 'in', ids).where('replaced_at', 'is', null).execute()
  const schoolIds = [...new Set(students.map((s) => s.school_id))]
  const periods = await db.selectFrom('reporting_periods').select(['id', 'school_id', 'name', 'start_date', 'end_date']).where('school_id', 'in', schoolIds).execute()
  const issued = await db
    .selectFrom('progress_reports')
    .innerJoin('progress_report_versions', 'progress_report_versions.report_id', 'progress_reports.id')
    .select(['progress_reports.student_id', 'progress_reports.period_id'])
    .distinct()
    .where('progress_reports.student_id', 'in', ids)
    .execute()
  const issuedKeys = new Set(issued.map((r) => `${r.student_id}:${r.period_id}`))
  const goals = await db
    .selectFrom('goals')
    .innerJoin('goal_versions as gv', 'gv.goal_id', 'goals.id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('progress_points')
          .select(['goal_id', (p) => p.fn.max('date').as('last')])
          .where('voided_at', 'is', null)
          .groupBy('goal_id')
          .as('latest'),
      (join) => join.onRef('latest.goal_id', '=', 'goals.id'),
    )
    .select(['goals.id', 'goals.student_id', 'goals.created_at', 'gv.area', 'latest.last'])
    .where('goals.student_id', 'in', ids)
    .where('goals.ended_at', 'is', null)
    .where(({ eb, selectFrom }) =>
      eb('gv.version', '=', selectFrom('goal_versions as newer').select((n) => n.fn.max('newer.version').as('v')).whereRef('newer.goal_id', '=', 'gv.goal_id')),
    )
    .orderBy('goals.position')
    .execute()
  return students.map((s) => {
    const plan = plans.find((p) => p.student_id === s.id)
    return {
      studentId: s.id,
      studentName: s.preferred_name?.trim() || s.name,
      plan: plan ? shapePlan(plan) : null,
      periods: periods
        .filter((p) => p.school_id === s.school_id)
        .map((p) => ({ id: p.id, name: p.name, startDate: p.start_date, endDate: p.end_date, issued: issuedKeys.has(`${s.id}:${p.id}`) })),
      goals: goals
        .filter((g) => g.student_id === s.id)
        .map((g) => ({ id: g.id, area: g.area, createdOn: localIsoDate(new Date(g.created_at)), lastDataOn: (g.last as string | null) ?? null })),
    }
  })
}

export async function dueForStudents(db: Executor, studentIds: readonly string[], today: IsoDate): Promise<DueItem[]> {
  const facts = await calendarFacts(db, studentIds)
  return sortDueItems(facts.flatMap((f) => dueItems(f, today)))
}

/** The students whose calendar this person keeps (`iep.editDates`: their case managers). */
export async function calendarKeptBy(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .select(['student_id', 'role'])
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .execute()
  return [...new Set(rows.filter((r) => can(r.role, 'iep.editDates')).map((r) => r.student_id))]
}

/** A case manager's home list: what is due within 30 days or late for their caseload, as of `today`. */
export async function dueForUser(db: Executor, userId: string, today: IsoDate): Promise<DueItem[]> {
  return dueForStudents(db, await calendarKeptBy(db, userId), today)
}

/** Midnight (school-local) at the start of `date`, as stored timestamps read. */
function startOf(date: IsoDate): string {
  return new Date(`${date}T00:00:00`).toISOString()
}

/**
 * The notice pass's calendar step for one student: each item due or late is told to the student's case managers as an
 * in-app notice (and mailed as each one chose: at once, in the daily or weekly digest, or not at all), at most once per
 * item per day. Deactivated accounts get no mail (notify); people removed from the team get nothing.
 */
export async function calendarNotices(db: DB, studentId: string, today: IsoDate, now: Date): Promise<number> {
  const items = await dueForStudents(db, [studentId], today)
  if (items.length === 0) return 0
  return db.transaction().execute(async (trx) => {
    const keepers = await trx
      .selectFrom('team_members')
      .select(['user_id', 'role'])
      .where('student_id', '=', studentId)
      .where('removed_at', 'is', null)
      .execute()
    const people = [...new Set(keepers.filter((k) => can(k.role, 'iep.editDates')).map((k) => k.user_id))]
    if (people.length === 0) return 0
    const sentToday = await trx
      .selectFrom('notifications')
      .select(['user_id', 'related_id'])
      .where('student_id', '=', studentId)
      .where('kind', '=', 'iep_due')
      .where('created_at', '>=', startOf(today))
      .execute()
    const done = new Set(sentToday.map((s) => `${s.user_id}|${s.related_id}`))
    let sent = 0
    for (const item of items) {
      const text = () => dueItemText(item, formatSchoolDate)
      for (const userId of people) {
        if (done.has(`${userId}|${item.key}`)) continue
        const made = await notify(trx, { userId, studentId, kind: 'iep_due', text, relatedId: item.key, actorId: null, subject: () => ({ date: formatSchoolDate(item.date) }) }, now)
        if (made) sent++
      }
    }
    return sent
  })
}
