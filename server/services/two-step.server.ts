import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { encodeBase32NoPadding } from '@oslojs/encoding'
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp'
import QRCode from 'qrcode'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import {
  acceptedSteps,
  type CodeDecision,
  decideCode,
  normalizeCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCodeFrom,
  showKey,
  showRecoveryCode,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
} from '#shared/two-step.ts'
import { verifyPassword } from '../auth/password.server.ts'
import { type Executor, recordAudit } from './audit.server.ts'

/** RFC 4226 recommends a 160-bit key, the size of SHA-1's output (what every authenticator app expects). */
const KEY_BYTES = 20

/** What the set-up page shows while a new key waits for its first code: the QR code and the same key as text. */
export interface PendingSetUp {
  /** The otpauth:// link the QR code holds. */
  uri: string
  /** The QR code as an SVG document. */
  qrSvg: string
  /** The key in base32, in groups of four for typing. */
  keyText: string
}

export interface TwoStepStatus {
  on: boolean
  pending: PendingSetUp | null
  recoveryCodesLeft: number
  /** A school of this person's requires it for their role. */
  required: boolean
}

/** One recovery code's stored form: a SHA-256 of the account and the code, so equal codes of two accounts differ. */
function hashRecoveryCode(userId: string, code: string): string {
  return createHash('sha256').update(`${userId}:${code}`).digest('hex')
}

function newRecoveryCode(): string {
  for (;;) {
    const code = recoveryCodeFrom(randomBytes(32))
    if (code) return code
  }
}

async function keyRow(db: Executor, userId: string) {
  return db.selectFrom('two_step_keys').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

/** Whether the account signs in with a second step. */
export async function isTwoStepOn(db: Executor, userId: string): Promise<boolean> {
  const row = await db.selectFrom('two_step_keys').select('enabled_at').where('user_id', '=', userId).executeTakeFirst()
  return Boolean(row?.enabled_at)
}

/**
 * Whether a school requires two-step sign-in of this person: they are the admin of a school that requires it, or the
 * case manager on an active team of one of its students.
 */
export async function twoStepRequiredFor(db: Executor, userId: string): Promise<boolean> {
  const asAdmin = await db
    .selectFrom('school_roles')
    .innerJoin('schools', 'schools.id', 'school_roles.school_id')
    .select('schools.id')
    .where('school_roles.user_id', '=', userId)
    .where('school_roles.removed_at', 'is', null)
    .where('schools.require_two_step', '=', 1)
    .executeTakeFirst()
  if (asAdmin) return true
  const asCaseManager = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select('schools.id')
    .where('team_members.user_id', '=', userId)
    .where('team_members.role', '=', 'case_manager')
    .where('team_members.removed_at', 'is', null)
    .where('schools.require_two_step', '=', 1)
    .executeTakeFirst()
  return Boolean(asCaseManager)
}

/** The one rule behind the set-up redirect and the tRPC refusal: required of this person, and not on yet. */
export async function twoStepSetUpOwed(db: Executor, userId: string): Promise<boolean> {
  return (await twoStepRequiredFor(db, userId)) && !(await isTwoStepOn(db, userId))
}

async function pendingView(key: Uint8Array, email: string): Promise<PendingSetUp> {
  const uri = createTOTPKeyURI(t('twoStep.issuer'), email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS)
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
  return { uri, qrSvg, keyText: showKey(encodeBase32NoPadding(key)) }
}

export async function twoStepStatus(db: DB, user: { id: string; email: string }): Promise<TwoStepStatus> {
  const row = await keyRow(db, user.id)
  return {
    on: Boolean(row?.enabled_at),
    pending: row && !row.enabled_at ? await pendingView(row.key, user.email) : null,
    recoveryCodesLeft: row?.enabled_at ? await recoveryCodesLeft(db, user.id) : 0,
    required: await twoStepRequiredFor(db, user.id),
  }
}

/** A new key for the set-up (a set-up not finished is started afresh); nothing changes for signing in until it is confirmed. */
export async function beginSetUp(db: DB, args: { userId: string; now: Date }): Promise<void> {
  if (await isTwoStepOn(db, args.userId)) throw new DomainError('CONFLICT', t('twoStep.alreadyOn'))
  const key = new Uint8Array(randomBytes(KEY_BYTES))
  await db
    .insertInto('two_step_keys')
    .values({ user_id: args.userId, key, created_at: args.now.toISOString(), enabled_at: null, last_step: null })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ key, created_at: args.now.toISOString(), enabled_at: null, last_step: null }))
    .execute()
}

/**
 * Checks a typed code against the key at `now` (±1 step) and, when accepted, remembers its step so neither it nor an
 * earlier one is accepted again. The conditional update keeps two requests racing with one code from both passing.
 */
export async function acceptCode(db: Executor, userId: string, typed: string, now: Date): Promise<CodeDecision> {
  const row = await keyRow(db, userId)
  const code = normalizeCode(typed)
  if (!row || !code) return { ok: false, reason: 'wrong' }
  const matched = acceptedSteps(now.getTime()).filter((step) => verifyHOTP(row.key, BigInt(step), TOTP_DIGITS, code))
  const decision = decideCode(matched, row.last_step)
  if (!decision.ok) return decision
  const taken = await db
    .updateTable('two_step_keys')
    .set({ last_step: decision.step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', decision.step)]))
    .executeTakeFirst()
  return taken.numUpdatedRows === 1n ? decision : { ok: false, reason: 'replayed' }
}

/** Uses up one recovery code: true when it was one of the account's and not used before. */
export async function spendRecoveryCode(db: Executor, userId: string, typed: string, now: Date): Promise<boolean> {
  const code = normalizeRecoveryCode(typed)
  if (!code) return false
  const used = await db
    .updateTable('two_step_recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(userId, code))
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return used.numUpdatedRows === 1n
}

export async function recoveryCodesLeft(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('two_step_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Ten new codes replace every earlier one; only their hashes are stored, and the codes are returned to be shown once. */
async function replaceRecoveryCodes(trx: Executor, userId: string, now: Date): Promise<string[]> {
  await trx.deleteFrom('two_step_recovery_codes').where('user_id', '=', userId).execute()
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await trx
    .insertInto('two_step_recovery_codes')
    .values(codes.map((code) => ({ id: randomUUID(), user_id: userId, code_hash: hashRecoveryCode(userId, code), created_at: now.toISOString(), used_at: null })))
    .execute()
  return codes.map(showRecoveryCode)
}

function codeRefusal(decision: Exclude<CodeDecision, { ok: true }>, field = 'code'): DomainError {
  return new DomainError('BAD_REQUEST', decision.reason === 'replayed' ? t('twoStep.replayedCode') : t('twoStep.wrongCode'), field)
}

/** The first code from the app turns two-step sign-in on; the ten recovery codes come back to be shown once. */
export async function confirmSetUp(db: DB, args: { userId: string; code: string; now: Date }): Promise<{ recoveryCodes: string[] }> {
  return db.transaction().execute(async (trx) => {
    const row = await keyRow(trx, args.userId)
    if (row?.enabled_at) throw new DomainError('CONFLICT', t('twoStep.alreadyOn'))
    if (!row) throw new DomainError('BAD_REQUEST', t('twoStep.noSetUp'))
    const decision = await acceptCode(trx, args.userId, args.code, args.now)
    if (!decision.ok) throw codeRefusal(decision)
    await trx.updateTable('two_step_keys').set({ enabled_at: args.now.toISOString() }).where('user_id', '=', args.userId).execute()
    const recoveryCodes = await replaceRecoveryCodes(trx, args.userId, args.now)
    await recordAudit(trx, { actorId: args.userId, entity: 'auth', entityId: args.userId, action: 'two_step.set_up', after: { recoveryCodes: recoveryCodes.length }, at: args.now })
    return { recoveryCodes }
  })
}

/** A code from the app or, failing that, a recovery code (used up): what turning off and new codes ask for. */
async function proveSecondStep(trx: Executor, userId: string, typed: string, now: Date): Promise<'code' | 'recovery_code'> {
  if (normalizeCode(typed)) {
    const decision = await acceptCode(trx, userId, typed, now)
    if (!decision.ok) throw codeRefusal(decision)
    return 'code'
  }
  if (normalizeRecoveryCode(typed) && (await spendRecoveryCode(trx, userId, typed, now))) return 'recovery_code'
  throw new DomainError('BAD_REQUEST', normalizeRecoveryCode(typed) ? t('twoStep.wrongRecoveryCode') : t('twoStep.codeFormat'), 'code')
}

/** Turning it off takes the current password and a code (or a recovery code); a school that requires it says no. */
export async function turnOff(db: DB, args: { userId: string; password: string; code: string; now: Date }): Promise<void> {
  if (!(await isTwoStepOn(db, args.userId))) throw new DomainError('CONFLICT', t('twoStep.notOn'))
  if (await twoStepRequiredFor(db, args.userId)) throw new DomainError('FORBIDDEN', t('twoStep.schoolRequires'))
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', args.userId).executeTakeFirstOrThrow()
  if (!(await verifyPassword(user.password_hash, args.password))) throw new DomainError('BAD_REQUEST', t('twoStep.wrongPassword'), 'password')
  await db.transaction().execute(async (trx) => {
    const proved = await proveSecondStep(trx, args.userId, args.code, args.now)
    await trx.deleteFrom('two_step_recovery_codes').where('user_id', '=', args.userId).execute()
    await trx.deleteFrom('two_step_keys').where('user_id', '=', args.userId).execute()
    await trx.deleteFrom('two_step_challenges').where('user_id', '=', args.userId).execute()
    await recordAudit(trx, { actorId: args.userId, entity: 'auth', entityId: args.userId, action: 'two_step.turn_off', after: { with: proved }, at: args.now })
  })
}

/** Ten new recovery codes for a code from the app: the old ones stop working. */
export async function renewRecoveryCodes(db: DB, args: { userId: string; code: string; now: Date }): Promise<{ recoveryCodes: string[] }> {
  if (!(await isTwoStepOn(db, args.userId))) throw new DomainError('CONFLICT', t('twoStep.notOn'))
  return db.transaction().execute(async (trx) => {
    const decision = await acceptCode(trx, args.userId, args.code, args.now)
    if (!decision.ok) throw normalizeCode(args.code) ? codeRefusal(decision) : new DomainError('BAD_REQUEST', t('twoStep.codeFormat'), 'code')
    const recoveryCodes = await replaceRecoveryCodes(trx, args.userId, args.now)
    await recordAudit(trx, { actorId: args.userId, entity: 'auth', entityId: args.userId, action: 'two_step.new_codes', after: { recoveryCodes: recoveryCodes.length }, at: args.now })
    return { recoveryCodes }
  })
}

export async function schoolRequiresTwoStep(db: Executor, schoolId: string): Promise<boolean> {
  const row = await db.selectFrom('schools').select('require_two_step').where('id', '=', schoolId).executeTakeFirst()
  return row?.require_two_step === 1
}

/** The school admin's switch: school admins and case managers of the school must (or need no longer) use two steps. */
export async function setSchoolRequiresTwoStep(db: DB, args: { schoolId: string; required: boolean; actorId: string; now: Date }): Promise<{ required: boolean }> {
  return db.transaction().execute(async (trx) => {
    const before = await schoolRequiresTwoStep(trx, args.schoolId)
    if (before === args.required) return { required: before }
    // Requiring it of school admins would otherwise send the admin who asked straight to the set-up.
    if (args.required && !(await isTwoStepOn(trx, args.actorId))) throw new DomainError('CONFLICT', t('twoStep.schoolAdminFirst'))
    await trx.updateTable('schools').set({ require_two_step: args.required ? 1 : 0 }).where('id', '=', args.schoolId).execute()
    await recordAudit(trx, {
      actorId: args.actorId,
      entity: 'auth',
      entityId: args.schoolId,
      action: 'two_step.school_required',
      before: { required: before },
      after: { required: args.required },
      at: args.now,
    })
    return { required: args.required }
  })
}
