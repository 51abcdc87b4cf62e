import type { DB } from '#db/client.server.ts'
import { CONCERN_SIDE_LABELS } from '#shared/concerns.ts'
import { DomainError } from '#shared/domain-error.ts'
import { can, canOwned, type OwnedAction, type OwnedFacts, ownedRefusal } from '#shared/permissions.ts'
import { concernOwnership } from '../services/concerns-read.server.ts'
import { effectRecorder } from '../services/effects.server.ts'
import { currentGoal } from '../services/goals.server.ts'
import { memberAreas, resolveStudentAccess, type StudentAccess } from '../services/memberships.server.ts'
import { recordVersions } from '../services/session-records.server.ts'
import { getService } from '../services/services.server.ts'
import { t } from '#shared/i18n/i18n.ts'

/**
 * Owned actions (docs/decisions/010-owned-actions.md): the gate has already said this role may do the deed at
 * all; here the procedure gathers the one fact about the record and asks the shared rule about this record.
 */

interface StudentCtx {
  db: DB
  user: { id: string }
  now: () => Date
  access: StudentAccess
}

/** The facts an owned rule reads, and the refusal a person reads when the rule says no. */
export interface OwnedCheck<A extends OwnedAction> {
  facts: OwnedFacts[A]
  refusal: string
}

export function owns<A extends OwnedAction>(ctx: StudentCtx, action: A, facts: OwnedFacts[A]): boolean {
  return canOwned(ctx.access.role, action, facts)
}

/** The one check of an owned action: NOT_FOUND for a record the person may not read, FORBIDDEN otherwise. */
export function requireOwned<A extends OwnedAction>(ctx: StudentCtx, action: A, check: OwnedCheck<A>): void {
  if (!owns(ctx, action, check.facts)) throw new DomainError(ownedRefusal(action), check.refusal)
}

/** Whether the caller sees family-only concerns: what every concern list, export and search filters by. */
export function seesFamilyOnly(ctx: StudentCtx): boolean {
  return owns(ctx, 'concern.read', { sharedWithTeam: false })
}

export async function serviceCheck(ctx: StudentCtx, studentId: string, serviceId: string): Promise<OwnedCheck<'sessions.recordForService'>> {
  const service = await getService(ctx.db, studentId, serviceId)
  return {
    facts: { providesService: service.providerId === ctx.user.id },
    refusal: t('refusals.serviceProviderOnly', { provider: service.providerName, service: service.name }),
  }
}

/**
 * The gate and the owned rule for another student than the procedure's own (a group session names several):
 * the same refusals as if the person had asked about that student alone.
 */
export async function requireMayRecordFor(ctx: StudentCtx, studentId: string, serviceId: string): Promise<void> {
  const access = await resolveStudentAccess(ctx.db, ctx.user.id, studentId, ctx.now())
  if (!access) throw new DomainError('NOT_FOUND', t('refusals.studentNotFound'))
  if (!can(access.role, 'sessions.record')) throw new DomainError('FORBIDDEN', t('refusals.roleCannot'))
  const other = { ...ctx, access }
  requireOwned(other, 'sessions.recordForService', await serviceCheck(other, studentId, serviceId))
}

/** A session record belongs to the service it was recorded for: its provider owns the record. */
export async function sessionRecordCheck(ctx: StudentCtx, studentId: string, recordId: string): Promise<OwnedCheck<'sessions.recordForService'>> {
  const [current] = await recordVersions(ctx.db, studentId, recordId)
  return serviceCheck(ctx, studentId, current!.serviceId)
}

/** Is the goal in one of the caller's areas? The refusal names the deed: the goal's plain parts, or its report part. */
export async function goalAreaCheck(
  ctx: StudentCtx,
  studentId: string,
  goalId: string,
  deed: 'plain' | 'report' = 'plain',
): Promise<OwnedCheck<'goal.editPlainInArea' | 'report.writeGoalInArea'>> {
  const goal = await currentGoal(ctx.db, studentId, goalId)
  const areas = await memberAreas(ctx.db, ctx.access.memberId)
  const outside = deed === 'report' ? 'refusals.reportGoalOutsideAreas' : 'refusals.goalOutsideAreas'
  const none = deed === 'report' ? 'refusals.reportGoalNoAreas' : 'refusals.goalNoAreas'
  return {
    facts: { goalInMyAreas: areas.includes(goal.area) },
    refusal: areas.length ? t(outside, { areas: areas.join(', '), area: goal.area }) : t(none),
  }
}

/**
 * A concern the caller may read, or NOT_FOUND worded like one that does not exist; then whether the caller's
 * side logged it, for the procedures that change it.
 */
export async function readableConcernCheck(ctx: StudentCtx, studentId: string, concernId: string): Promise<OwnedCheck<'concern.editOwnSide'>> {
  const concern = await concernOwnership(ctx.db, studentId, concernId)
  if (!concern) throw new DomainError('NOT_FOUND', t('refusals.concernNotFound'))
  requireOwned(ctx, 'concern.read', { facts: { sharedWithTeam: concern.visibility === 'team' }, refusal: t('refusals.concernNotFound') })
  return {
    facts: { loggedBy: concern.createdByRole },
    refusal: t('refusals.concernOtherSide', { side: CONCERN_SIDE_LABELS[concern.createdByRole] }),
  }
}

/** Only the person who first recorded an effect corrects or removes it; an effect of another student is not found. */
export async function effectCheck(ctx: StudentCtx, studentId: string, effectId: string): Promise<OwnedCheck<'effect.correctOwn'>> {
  const recorder = await effectRecorder(ctx.db, studentId, effectId)
  if (!recorder) throw new DomainError('NOT_FOUND', t('effects.notFound'))
  return { facts: { recordedByMe: recorder === ctx.user.id }, refusal: t('refusals.effectOwnOnly') }
}
