import { confirmSetUpSchema, renewRecoveryCodesSchema, schoolTwoStepSchema, turnOffSchema } from '#shared/schemas/two-step.ts'
import {
  beginSetUp,
  confirmSetUp,
  renewRecoveryCodes,
  schoolRequiresTwoStep,
  setSchoolRequiresTwoStep,
  turnOff,
  twoStepStatus,
} from '../../services/two-step.server.ts'
import { actor, authedProcedure, router, schoolProcedure } from '../trpc.server.ts'

/** The set-up stays open to someone whose school requires two-step sign-in before anything else. */
const setUpProcedure = authedProcedure.meta({ scope: 'user', twoStepSetUp: true })

/** Two-step sign-in (docs/two-step.md): each person's own, and a school's requirement. */
export const twoStepRouter = router({
  /** User-scoped: on or off, the set-up waiting for its first code (QR code and key), recovery codes left, required or not. */
  status: setUpProcedure.query(({ ctx }) => twoStepStatus(ctx.db, ctx.user)),
  /** A new key to add to the app; two-step sign-in is not on until `confirmSetUp`. */
  beginSetUp: setUpProcedure.mutation(({ ctx }) => beginSetUp(ctx.db, { userId: ctx.user.id, now: ctx.now() })),
  /** The first code turns it on; the ten recovery codes are in the answer, the only time they are shown. */
  confirmSetUp: setUpProcedure.input(confirmSetUpSchema).mutation(({ ctx, input }) => confirmSetUp(ctx.db, { userId: ctx.user.id, code: input.code, now: ctx.now() })),
  turnOff: authedProcedure
    .input(turnOffSchema)
    .mutation(({ ctx, input }) => turnOff(ctx.db, { userId: ctx.user.id, password: input.password, code: input.code, now: ctx.now() })),
  renewRecoveryCodes: authedProcedure
    .input(renewRecoveryCodesSchema)
    .mutation(({ ctx, input }) => renewRecoveryCodes(ctx.db, { userId: ctx.user.id, code: input.code, now: ctx.now() })),
  schoolRequirement: schoolProcedure('school.security').query(async ({ ctx, input }) => ({ required: await schoolRequiresTwoStep(ctx.db, input.schoolId) })),
  setSchoolRequirement: schoolProcedure('school.security')
    .input(schoolTwoStepSchema)
    .mutation(({ ctx, input }) => setSchoolRequiresTwoStep(ctx.db, { schoolId: input.schoolId, required: input.required, ...actor(ctx) })),
})
