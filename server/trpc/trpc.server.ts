import { initTRPC, TRPCError } from '@trpc/server'
import { z, ZodError } from 'zod'
import { can, canInSchool, type Action, type SchoolAction } from '#shared/permissions.ts'
import { studentInputSchema } from '#shared/schemas/team.ts'
import { resolveSchoolRole, resolveStudentAccess } from '../services/memberships.server.ts'
import { isDomainError } from '#shared/domain-error.ts'
import { type RecordKind, recordKindForPath } from '#shared/record-access.ts'
import { recordAccess, rolesFor } from '../services/record-access.server.ts'
import { isPlanImportError } from '#shared/plan-import/errors.ts'
import { describeZodError, fieldErrors } from '#shared/zod-errors.ts'
import { BUSY_MESSAGE, isDatabaseBusy } from '../http/busy.server.ts'
import type { Context } from './context.server.ts'

/** Every procedure declares its scope; the router-walking test uses it to prove nothing slips past the gate. */
export interface Meta {
  scope: 'user' | 'student' | 'school'
  action?: Action | SchoolAction
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Stack traces only under `npm run dev`: an unset NODE_ENV must not leak them.
    isDev: process.env.NODE_ENV === 'development',
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null
      return {
        ...shape,
        message: zodError
          ? describeZodError(zodError)
          : // tRPC's own streamed-size refusal (maxBodySize) says only "PAYLOAD_TOO_LARGE".
            error.code === 'PAYLOAD_TOO_LARGE' && shape.message === 'PAYLOAD_TOO_LARGE'
            ? 'This request is too large: nothing was saved.'
            : shape.message,
        data: {
          ...shape.data,
          fieldErrors: zodError ? fieldErrors(zodError) : isDomainError(error.cause) && error.cause.field ? { [error.cause.field]: [error.message] } : null,
          // A refused plan import: every problem with its JSON path (docs/formats.md#plan-import), for clients that list them.
          ...(isPlanImportError(error.cause) ? { planErrors: error.cause.errors } : {}),
        },
      }
    },
  })

export const router = t.router
export const createCallerFactory = t.createCallerFactory

/**
 * Domain refusals become tRPC errors with the same message, so people read why. So does a stretch of
 * calendar too long to count (DateSpanError, shared/school-date.ts): inputs are bounded, but a date that
 * slipped past validation is the caller's error, not the server's.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next()
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause
    throw new TRPCError({ code: cause.code, message: cause.message, cause })
  }
  // A held database lock is a moment's wait: 503 with Retry-After (server/http/busy.server.ts), never a 500.
  if (!result.ok && result.error.code !== 'SERVICE_UNAVAILABLE' && isDatabaseBusy(result.error.cause)) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: BUSY_MESSAGE, cause: result.error.cause })
  }
  if (!result.ok && result.error.cause instanceof Error && result.error.cause.name === 'DateSpanError') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: result.error.cause.message, cause: result.error.cause })
  }
  return result
})

const baseProcedure = t.procedure.use(domainErrors)

export const authedProcedure = baseProcedure.meta({ scope: 'user' }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' })
  return next({ ctx: { ...ctx, user: ctx.user } })
})

/**
 * The one gate (docs/domain.md#architecture, docs/roles.md): resolves the caller's role for `input.studentId` and checks the permission
 * table before the procedure sees any data. Not on the team → NOT_FOUND, naming nothing of the student.
 * A query that returned the student's records to someone at school is logged in the record of access
 * (FERPA 34 CFR 99.32; shared/record-access.ts says which kind each query reads).
 */
export function studentProcedure(action: Action) {
  return authedProcedure
    .meta({ scope: 'student', action })
    .input(studentInputSchema)
    .use(async ({ ctx, input, next, path, type }) => {
      const access = await resolveStudentAccess(ctx.db, ctx.user.id, input.studentId)
      if (!access) throw new TRPCError({ code: 'NOT_FOUND', message: 'Student not found.' })
      if (!can(access.role, action)) {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role on this student’s team cannot do that.' })
      }
      const result = await next({ ctx: { ...ctx, access } })
      const what = type === 'query' && result.ok ? recordKindForPath(path) : null
      if (what) {
        await recordAccess(ctx.db, { userId: ctx.user.id, reads: [{ studentId: access.student.id, role: access.role }], what, via: path, now: ctx.now() })
      }
      return result
    })
}

/**
 * For user-scoped queries that return several students' records at once (Today, the week's sessions, a caseload):
 * logs one read per student shown, with the role the caller holds for each.
 */
export async function recordCaseloadRead(ctx: Context & { user: { id: string } }, studentIds: readonly string[], what: RecordKind, via: string): Promise<void> {
  if (!studentIds.length) return
  const reads = await rolesFor(ctx.db, ctx.user.id, studentIds)
  await recordAccess(ctx.db, { userId: ctx.user.id, reads, what, via, now: ctx.now() })
}

const schoolInput = z.object({ schoolId: z.string({ error: 'A school id is required.' }).min(1).max(64) })

/** The school-level gate: school admins (and, for some actions, case managers of the school's students). */
export function schoolProcedure(action: SchoolAction) {
  return authedProcedure
    .meta({ scope: 'school', action })
    .input(schoolInput)
    .use(async ({ ctx, input, next }) => {
      const role = await resolveSchoolRole(ctx.db, ctx.user.id, input.schoolId)
      if (!role) throw new TRPCError({ code: 'NOT_FOUND', message: 'School not found.' })
      if (!canInSchool(role, action)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the school admin can do that.' })
      return next({ ctx: { ...ctx, schoolRole: role } })
    })
}
