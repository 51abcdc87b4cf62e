import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { type EffectOnDay, masteryStatus, metOnPaperEvidence, type MasteryResult, type ProgressPoint } from '#shared/mastery.ts'
import {
  masteryRuleSchema,
  type GoalFields,
  type GoalUnit,
  type MasteryRule,
  type PlainSummary,
  type PromptLevel,
  type TrialResult,
} from '#shared/schemas/plan.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { recordPlanChange } from './plan-changes.server.ts'
import { type Effect, listEffects } from './effects.server.ts'
import { goalChange } from '#shared/plan-change.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { Translations } from '#shared/plain-translations.ts'
import type { TranslationLanguage } from '#shared/schemas/language.ts'
import { currentTranslation, saveTranslation, translationsOf } from './plain-translations.server.ts'

export interface Goal {
  id: string
  version: number
  area: string
  officialText: string
  plain: PlainSummary
  baseline: string
  target: string
  unit: GoalUnit
  mastery: MasteryRule
  updatedAt: string
  updatedBy: string
  /** Set when the goal ended with an earlier plan (docs/iep-calendar.md): readable, no longer part of the current plan. */
  ended: { at: string; reason: string } | null
  /** The plain summary in a family's language, where someone wrote it (docs/languages.md#plain-summaries). */
  translations: Translations<PlainSummary>
}

export interface GoalPoint extends ProgressPoint {
  id: string
  trials: TrialResult[] | null
  note: string
  recordedBy: string
  recordedAt: string
  voidedAt: string | null
  voidReason: string | null
}

export interface GoalWithStatus extends Goal {
  status: MasteryResult
  metOnPaper: boolean
  /** The effects at home the met-on-paper rule counted (docs/effects.md): on or the day after a recent day that met the goal. */
  metOnPaperEffects: number
  latest: GoalPoint | null
}

/** A goal version's plain-language summary, as every goal query selects it and reads it back. */
const PLAIN_COLUMNS = ['gv.plain_means', 'gv.plain_looks_like', 'gv.plain_adults_help', 'gv.plain_measure'] as const

function plainOf(r: { plain_means: string; plain_looks_like: string; plain_adults_help: string; plain_measure: string }): PlainSummary {
  return { means: r.plain_means, looksLike: r.plain_looks_like, adultsHelp: r.plain_adults_help, measure: r.plain_measure }
}

/** Goal versions with their goal and the person who wrote them. */
function versionsWithAuthor(db: Executor) {
  return db.selectFrom('goal_versions as gv').innerJoin('goals', 'goals.id', 'gv.goal_id').innerJoin('users', 'users.id', 'gv.created_by')
}

function currentVersions(db: Executor) {
  return versionsWithAuthor(db)
    .select([
      'goals.id',
      'goals.position',
      'gv.version',
      'gv.area',
      'gv.official_text',
      ...PLAIN_COLUMNS,
      'gv.baseline',
      'gv.target',
      'gv.unit',
      'gv.mastery',
      'gv.created_at',
      'users.name as created_by_name',
      'goals.ended_at',
      'goals.ended_reason',
    ])
    .where(({ eb, selectFrom }) =>
      eb('gv.version', '=', selectFrom('goal_versions as newer').select((n) => n.fn.max('newer.version').as('v')).whereRef('newer.goal_id', '=', 'gv.goal_id')),
    )
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof currentVersions>['execute']>>[number]

function shapeGoal(r: VersionRow): Goal {
  return {
    id: r.id,
    version: r.version,
    area: r.area,
    officialText: r.official_text,
    plain: plainOf(r),
    baseline: r.baseline,
    target: r.target,
    unit: r.unit,
    mastery: masteryRuleSchema.parse(JSON.parse(r.mastery)),
    updatedAt: r.created_at,
    updatedBy: r.created_by_name,
    ended: r.ended_at ? { at: r.ended_at, reason: r.ended_reason ?? '' } : null,
    translations: {},
  }
}

/** Adds each goal's translations to goals shaped from their current versions, in one query. */
async function withTranslations<G extends Goal>(db: Executor, goals: G[]): Promise<G[]> {
  const found = await translationsOf(db, 'goal', new Map(goals.map((g) => [g.id, g.plain])))
  for (const goal of goals) goal.translations = found.get(goal.id) ?? {}
  return goals
}

async function pointsFor(db: Executor, goalIds: string[]): Promise<Map<string, GoalPoint[]>> {
  const out = new Map<string, GoalPoint[]>()
  if (goalIds.length === 0) return out
  const rows = await db
    .selectFrom('progress_points')
    .innerJoin('users', 'users.id', 'progress_points.recorded_by')
    .select([
      'progress_points.id',
      'progress_points.goal_id',
      'progress_points.date',
      'progress_points.value',
      'progress_points.trials',
      'progress_points.prompt_level',
      'progress_points.regulation',
      'progress_points.note',
      'progress_points.recorded_at',
      'progress_points.voided_at',
      'progress_points.void_reason',
      'users.name as recorded_by',
    ])
    .where('progress_points.goal_id', 'in', goalIds)
    .orderBy('progress_points.date')
    .orderBy('progress_points.recorded_at')
    .execute()
  for (const r of rows) {
    const list = out.get(r.goal_id) ?? []
    list.push({
      id: r.id,
      date: r.date,
      value: r.value,
      trials: r.trials ? (JSON.parse(r.trials) as TrialResult[]) : null,
      promptLevel: r.prompt_level as PromptLevel,
      regulation: r.regulation,
      note: r.note,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
      voidedAt: r.voided_at,
      voidReason: r.void_reason,
    })
    out.set(r.goal_id, list)
  }
  return out
}

function withStatus(goal: Goal, points: GoalPoint[], effects: readonly EffectOnDay[]): GoalWithStatus {
  const valid = points.filter((p) => !p.voidedAt)
  const evidence = metOnPaperEvidence(valid, goal.mastery, effects, goal.id)
  return {
    ...goal,
    status: masteryStatus(valid, goal.mastery),
    metOnPaper: evidence.flagged,
    metOnPaperEffects: evidence.effects.length,
    latest: valid.at(-1) ?? null,
  }
}

/**
 * The goals a progress report of a period is drafted from, with every live (not voided) point: the current plan's,
 * and those ended with an earlier plan on or after the period's first day (they were worked on in it).
 */
export async function goalsWithLivePoints(db: DB, studentId: string, activeFrom: string): Promise<(Goal & { points: GoalPoint[]; effects: Effect[] })[]> {
  const rows = await currentVersions(db)
    .where('goals.student_id', '=', studentId)
    .where((eb) => eb.or([eb('goals.ended_at', 'is', null), eb('goals.ended_at', '>=', activeFrom)]))
    .orderBy('goals.position')
    .execute()
  const points = await pointsFor(
    db,
    rows.map((r) => r.id),
  )
  const effects = await listEffects(db, studentId)
  return rows.map((r) => ({ ...shapeGoal(r), points: (points.get(r.id) ?? []).filter((p) => !p.voidedAt), effects: effectsOfGoal(effects, r.id) }))
}

/**
 * The goals of the student's current plan. Goals ended with an earlier plan are left out (Today, the brief, new
 * reports) unless `includeEnded`: records that link to a goal (concerns, letters) still name it.
 */
export async function listGoals(db: DB, studentId: string, options: { includeEnded?: boolean } = {}): Promise<GoalWithStatus[]> {
  let query = currentVersions(db).where('goals.student_id', '=', studentId)
  if (!options.includeEnded) query = query.where('goals.ended_at', 'is', null)
  const rows = await query.orderBy('goals.position').execute()
  const [points, effects] = await Promise.all([
    pointsFor(
      db,
      rows.map((r) => r.id),
    ),
    listEffects(db, studentId),
  ])
  return withTranslations(
    db,
    rows.map((r) => withStatus(shapeGoal(r), points.get(r.id) ?? [], effects)),
  )
}

/**
 * The current plan's goals as Today names them: no points, effects or mastery status, which listGoals works out
 * for every goal and Today never shows (it was a third of Today's database time).
 */
export async function listGoalsPlain(db: DB, studentId: string): Promise<Goal[]> {
  return (await listGoalsPlainOf(db, [studentId])).get(studentId) ?? []
}

/** The same for several students, in one query. */
export async function listGoalsPlainOf(db: DB, studentIds: readonly string[]): Promise<Map<string, Goal[]>> {
  const out = new Map<string, Goal[]>(studentIds.map((id) => [id, []]))
  if (studentIds.length === 0) return out
  const rows = await currentVersions(db)
    .select('goals.student_id')
    .where('goals.student_id', 'in', studentIds)
    .where('goals.ended_at', 'is', null)
    .orderBy('goals.position')
    .execute()
  const goals = await withTranslations(db, rows.map(shapeGoal))
  rows.forEach((r, i) => out.get(r.student_id)?.push(goals[i]!))
  return out
}

/** The effects that belong on a goal's chart: those recorded against it, and those that named no goal. */
function effectsOfGoal(effects: readonly Effect[], goalId: string): Effect[] {
  return effects.filter((e) => e.goalId === null || e.goalId === goalId)
}

export async function getGoal(db: DB, studentId: string, goalId: string): Promise<GoalWithStatus & { points: GoalPoint[]; effects: Effect[] }> {
  const row = await currentVersions(db).where('goals.student_id', '=', studentId).where('goals.id', '=', goalId).executeTakeFirst()
  if (!row) throw new DomainError('NOT_FOUND', t('refusals.goalNotFound'))
  const [points, effects] = await Promise.all([pointsFor(db, [goalId]).then((m) => m.get(goalId) ?? []), listEffects(db, studentId)])
  const [goal] = await withTranslations(db, [withStatus(shapeGoal(row), points, effects)])
  return { ...goal!, points, effects: effectsOfGoal(effects, goalId) }
}

function versionValues(goalId: string, version: number, fields: GoalFields, actorId: string, now: Date) {
  return {
    id: randomUUID(),
    goal_id: goalId,
    version,
    area: fields.area,
    official_text: fields.officialText,
    plain_means: fields.plain.means,
    plain_looks_like: fields.plain.looksLike,
    plain_adults_help: fields.plain.adultsHelp,
    plain_measure: fields.plain.measure,
    baseline: fields.baseline,
    target: fields.target,
    unit: fields.unit,
    mastery: JSON.stringify(fields.mastery),
    created_at: now.toISOString(),
    created_by: actorId,
  }
}

function fieldsOf(goal: Goal): GoalFields {
  const { area, officialText, plain, baseline, target, unit, mastery } = goal
  return { area: area as GoalFields['area'], officialText, plain, baseline, target, unit, mastery }
}

export async function createGoal(
  db: DB,
  args: { studentId: string; fields: GoalFields; actorId: string; now: Date },
): Promise<{ goalId: string }> {
  return db.transaction().execute(async (trx) => {
    const { max } = await trx
      .selectFrom('goals')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('student_id', '=', args.studentId)
      .executeTakeFirstOrThrow()
    const goalId = randomUUID()
    await trx
      .insertInto('goals')
      .values({ id: goalId, student_id: args.studentId, position: Number(max ?? 0) + 1, created_at: args.now.toISOString(), created_by: args.actorId })
      .execute()
    await trx.insertInto('goal_versions').values(versionValues(goalId, 1, args.fields, args.actorId, args.now)).execute()
    await recordChange(trx, args, { entity: 'goal', entityId: goalId, action: 'create', after: args.fields })
    return { goalId }
  })
}

export async function currentGoal(trx: Executor, studentId: string, goalId: string): Promise<Goal> {
  const row = await currentVersions(trx).where('goals.student_id', '=', studentId).where('goals.id', '=', goalId).executeTakeFirst()
  if (!row) throw new DomainError('NOT_FOUND', t('refusals.goalNotFound'))
  return shapeGoal(row)
}

/** The case manager's full edit: a new version; the earlier one stays. */
export async function updateGoal(
  db: DB,
  args: { studentId: string; goalId: string; fields: GoalFields; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await currentGoal(trx, args.studentId, args.goalId)
    if (before.ended) throw new DomainError('BAD_REQUEST', t('refusals.goalEnded'))
    await trx.insertInto('goal_versions').values(versionValues(args.goalId, before.version + 1, args.fields, args.actorId, args.now)).execute()
    await recordChange(trx, args, { entity: 'goal', entityId: args.goalId, action: 'update', before: fieldsOf(before), after: args.fields })
    const change = goalChange({ goalId: args.goalId, before, after: args.fields })
    if (change) await recordPlanChange(trx, { studentId: args.studentId, change, actorId: args.actorId, now: args.now })
  })
}

/**
 * The plain parts only. Whose goals these may be (a provider's own areas) is an owned action the gate checks.
 */
export async function updateGoalPlain(
  db: DB,
  args: { studentId: string; goalId: string; plain: PlainSummary; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await currentGoal(trx, args.studentId, args.goalId)
    if (before.ended) throw new DomainError('BAD_REQUEST', t('refusals.goalEnded'))
    const fields = { ...fieldsOf(before), plain: args.plain }
    await trx.insertInto('goal_versions').values(versionValues(args.goalId, before.version + 1, fields, args.actorId, args.now)).execute()
    await recordChange(trx, args, { entity: 'goal', entityId: args.goalId, action: 'update_plain', before: { plain: before.plain }, after: { plain: args.plain } })
  })
}

/**
 * The plain parts written again in a family's language, beside the English they were written from. Who may is
 * who may rewrite the English (the gate's goal.editPlain / goal.editPlainInArea).
 */
export async function translateGoalPlain(
  db: DB,
  args: { studentId: string; goalId: string; language: TranslationLanguage; plain: PlainSummary; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const goal = await currentGoal(trx, args.studentId, args.goalId)
    if (goal.ended) throw new DomainError('BAD_REQUEST', t('refusals.goalEnded'))
    const before = await currentTranslation<PlainSummary>(trx, 'goal', args.goalId, args.language)
    await saveTranslation(trx, { ...args, subject: 'goal', subjectId: args.goalId, parts: args.plain, source: goal.plain })
    await recordChange(trx, args, {
      entity: 'goal',
      entityId: args.goalId,
      action: 'translate_plain',
      before: before ? { language: args.language, plain: before } : undefined,
      after: { language: args.language, plain: args.plain, english: goal.plain },
    })
  })
}

export interface GoalVersionSummary {
  version: number
  createdAt: string
  createdBy: string
  officialText: string
  plain: PlainSummary
}

export async function goalVersions(db: DB, studentId: string, goalId: string): Promise<GoalVersionSummary[]> {
  const rows = await versionsWithAuthor(db)
    .select([
      'gv.version',
      'gv.created_at',
      'users.name',
      'gv.official_text',
      ...PLAIN_COLUMNS,
    ])
    .where('goals.id', '=', goalId)
    .where('goals.student_id', '=', studentId)
    .orderBy('gv.version', 'desc')
    .execute()
  if (rows.length === 0) throw new DomainError('NOT_FOUND', t('refusals.goalNotFound'))
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.name,
    officialText: r.official_text,
    plain: plainOf(r),
  }))
}
