import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { PlanChangeKind, PlanChangeText } from '#shared/plan-change.ts'
import { formatSchoolDate, type IsoDate } from '#shared/school-date.ts'
import { appUrl } from '../mail/app-url.server.ts'
import { enqueueMail } from '../mail/outbox.server.ts'
import { type Executor, recordAudit } from './audit.server.ts'
import { cadenceFor } from './notice-preferences.server.ts'

/**
 * The one place a plan change is recorded: every write path (service amendments, goal and accommodation edits)
 * calls it with its own transaction, so the change, its before → after, the parents' notices and their mail
 * land together or not at all. Plan changes reach a parent by mail at once whatever their digest cadence, unless
 * they chose to hear only in the app (docs/decisions/021-plan-changes-at-once.md).
 */
export async function recordPlanChange(
  trx: Executor,
  args: { studentId: string; change: PlanChangeText; actorId: string | null; now: Date },
): Promise<{ id: string; parentsTold: number }> {
  const { change } = args
  const id = randomUUID()
  const at = args.now.toISOString()
  await trx
    .insertInto('plan_changes')
    .values({
      id,
      student_id: args.studentId,
      kind: change.kind,
      subject_id: change.subjectId,
      before_text: change.before,
      after_text: change.after,
      summary: change.summary,
      is_reduction: change.isReduction ? 1 : 0,
      effective_from: change.effectiveFrom,
      changed_by: args.actorId,
      created_at: at,
    })
    .execute()
  const student = await trx.selectFrom('students').select(['name', 'school_id']).where('id', '=', args.studentId).executeTakeFirstOrThrow()
  const changer = args.actorId ? await trx.selectFrom('users').select('name').where('id', '=', args.actorId).executeTakeFirst() : undefined
  const parents = await trx
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['users.id', 'users.email', 'users.name'])
    .distinct()
    .where('team_members.student_id', '=', args.studentId)
    .where('team_members.role', '=', 'parent')
    .where('team_members.removed_at', 'is', null)
    .execute()
  const text = t('planChanges.notice', { student: student.name, summary: change.summary })
  for (const parent of parents) {
    const notificationId = randomUUID()
    // No audit row of its own: the change's audit row and the plan_changes row are the evidence, and the
    // notice points at the latter (related_id), so the History stays one line per change.
    await trx
      .insertInto('notifications')
      .values({ id: notificationId, user_id: parent.id, student_id: args.studentId, kind: 'plan_change', text, related_id: id, created_at: at, seen_at: null })
      .execute()
    const cadence = await cadenceFor(trx, parent.id, args.studentId)
    if (cadence === null || cadence === 'app_only') continue
    const paragraphs = [t('planChanges.mail.changed', { changer: changer?.name ?? student.name, student: student.name }), change.summary]
    if (change.effectiveFrom) paragraphs.push(t('planChanges.mail.from', { date: formatSchoolDate(change.effectiveFrom as IsoDate) }))
    paragraphs.push(t('planChanges.mail.acknowledge'))
    await enqueueMail(
      trx,
      {
        to: parent.email,
        toName: parent.name,
        schoolId: student.school_id,
        studentId: args.studentId,
        userId: parent.id,
        kind: 'plan_change',
        compose: () => ({
          subject: t('planChanges.mail.subject', { student: student.name,
        }),
        body: {
          greeting: t('planChanges.mail.greeting', { name: parent.name }),
          paragraphs,
          action: { label: t('planChanges.mail.action'), url: appUrl(`/students/${args.studentId}/plan-changes`) },
          footer: [t('planChanges.mail.footer', { student: student.name })],
        } }),
        dedupeKey: `plan_change:${id}:${parent.id}`,
      },
      args.now,
    )
  }
  return { id, parentsTold: parents.length }
}

export interface PlanChange {
  id: string
  kind: PlanChangeKind
  subjectId: string
  before: string
  after: string
  summary: string
  isReduction: boolean
  effectiveFrom: string | null
  changedByName: string | null
  createdAt: string
  acks: { userId: string; name: string; acknowledgedAt: string }[]
}

/** A student's plan changes, newest first, with who in the family acknowledged each and when. */
export async function listPlanChanges(db: Executor, studentId: string): Promise<PlanChange[]> {
  const rows = await db
    .selectFrom('plan_changes as c')
    .leftJoin('users', 'users.id', 'c.changed_by')
    .selectAll('c')
    .select('users.name as changed_by_name')
    .where('c.student_id', '=', studentId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(200)
    .execute()
  if (rows.length === 0) return []
  const acks = await db
    .selectFrom('plan_change_acks as a')
    .innerJoin('users', 'users.id', 'a.user_id')
    .select(['a.plan_change_id', 'a.user_id', 'users.name', 'a.acknowledged_at'])
    .where(
      'a.plan_change_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('a.acknowledged_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subjectId: r.subject_id,
    before: r.before_text,
    after: r.after_text,
    summary: r.summary,
    isReduction: r.is_reduction === 1,
    effectiveFrom: r.effective_from,
    changedByName: r.changed_by_name,
    createdAt: r.created_at,
    acks: acks.filter((a) => a.plan_change_id === r.id).map((a) => ({ userId: a.user_id, name: a.name, acknowledgedAt: a.acknowledged_at })),
  }))
}

/** Reductions nobody in the family has acknowledged: what the student page and the meeting brief flag. */
export async function unacknowledgedReductions(db: Executor, studentId: string): Promise<PlanChange[]> {
  return (await listPlanChanges(db, studentId)).filter((c) => c.isReduction && c.acks.length === 0)
}

/** A parent acknowledges one change about their own child (the caller checked the role); twice keeps the first time. */
export async function acknowledgePlanChange(db: DB, args: { studentId: string; planChangeId: string; userId: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const change = await trx.selectFrom('plan_changes').select('id').where('id', '=', args.planChangeId).where('student_id', '=', args.studentId).executeTakeFirst()
    if (!change) throw new DomainError('NOT_FOUND', t('planChanges.refusals.notFound'))
    const at = args.now.toISOString()
    const result = await trx
      .insertInto('plan_change_acks')
      .values({ plan_change_id: args.planChangeId, user_id: args.userId, acknowledged_at: at })
      .onConflict((oc) => oc.columns(['plan_change_id', 'user_id']).doNothing())
      .executeTakeFirst()
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return
    await recordAudit(trx, {
      actorId: args.userId,
      studentId: args.studentId,
      entity: 'plan_change',
      entityId: args.planChangeId,
      action: 'acknowledge',
      after: { studentId: args.studentId, acknowledgedAt: at },
      at: args.now,
    })
  })
}
