import { localIsoDate } from '#shared/school-date.ts'
import { correctEffectSchema, recordEffectSchema, removeEffectSchema } from '#shared/schemas/effects.ts'
import { correctEffect, listEffects, recordEffect, removeEffect } from '../../services/effects.server.ts'
import { effectCheck, requireOwned } from '../owned.server.ts'
import { actor, router, studentProcedure } from '../trpc.server.ts'

/** What happened next (docs/effects.md): everyone reads; the team records; each person corrects only her own entries. */
export const effectsRouter = router({
  list: studentProcedure('effects.view').query(async ({ ctx, input }) => {
    const effects = await listEffects(ctx.db, input.studentId)
    return effects.map((e) => ({ ...e, mine: e.recordedBy === ctx.user.id }))
  }),
  record: studentProcedure('effects.record')
    .input(recordEffectSchema)
    .mutation(({ ctx, input }) => recordEffect(ctx.db, { ...input, ...actor(ctx), today: localIsoDate(ctx.now()) })),
  correct: studentProcedure('effects.record', 'effect.correctOwn')
    .input(correctEffectSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'effect.correctOwn', await effectCheck(ctx, input.studentId, input.effectId))
      return correctEffect(ctx.db, { ...input, ...actor(ctx), today: localIsoDate(ctx.now()) })
    }),
  remove: studentProcedure('effects.record', 'effect.correctOwn')
    .input(removeEffectSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'effect.correctOwn', await effectCheck(ctx, input.studentId, input.effectId))
      return removeEffect(ctx.db, { ...input, ...actor(ctx), today: localIsoDate(ctx.now()) })
    }),
})
