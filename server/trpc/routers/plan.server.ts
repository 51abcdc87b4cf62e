import { z } from 'zod'
import { localIsoDate } from '#shared/school-date.ts'
import {
  createAccommodationSchema,
  createGoalSchema,
  goalRefSchema,
  isoDateSchema,
  progressPointSchema,
  updateAccommodationSchema,
  updateGoalPlainSchema,
  translateGoalPlainSchema,
  translateAccommodationSchema,
  updateGoalSchema,
  updateProfileSchema,
  voidProgressPointSchema,
} from '#shared/schemas/plan.ts'
import { accommodationsForDay, createAccommodation, listAccommodations, translateAccommodation, updateAccommodation } from '../../services/accommodations.server.ts'
import { createGoal, getGoal, goalVersions, listGoals, translateGoalPlain, updateGoal, updateGoalPlain } from '../../services/goals.server.ts'
import { getProfiles, updateProfile } from '../../services/profiles.server.ts'
import { addProgressPoint, voidProgressPoint } from '../../services/progress.server.ts'
import { viewDate } from '../as-of.server.ts'
import { goalAreaCheck, requireOwned } from '../owned.server.ts'
import { router, studentProcedure } from '../trpc.server.ts'

export const profilesRouter = router({
  get: studentProcedure('plan.view').query(({ ctx, input }) => getProfiles(ctx.db, input.studentId)),
  update: studentProcedure('plan.edit')
    .input(updateProfileSchema)
    .mutation(({ ctx, input }) =>
      updateProfile(ctx.db, { studentId: input.studentId, kind: input.kind, profile: input.profile, actorId: ctx.user.id, now: ctx.now() }),
    ),
})

export const goalsRouter = router({
  list: studentProcedure('plan.view').query(({ ctx, input }) => listGoals(ctx.db, input.studentId)),
  get: studentProcedure('plan.view')
    .input(goalRefSchema)
    .query(({ ctx, input }) => getGoal(ctx.db, input.studentId, input.goalId)),
  versions: studentProcedure('plan.view')
    .input(goalRefSchema)
    .query(({ ctx, input }) => goalVersions(ctx.db, input.studentId, input.goalId)),
  create: studentProcedure('plan.edit')
    .input(createGoalSchema)
    .mutation(({ ctx, input }) => {
      const { studentId, ...fields } = input
      return createGoal(ctx.db, { studentId, fields, actorId: ctx.user.id, now: ctx.now() })
    }),
  update: studentProcedure('plan.edit')
    .input(updateGoalSchema)
    .mutation(({ ctx, input }) => {
      const { studentId, goalId, ...fields } = input
      return updateGoal(ctx.db, { studentId, goalId, fields, actorId: ctx.user.id, now: ctx.now() })
    }),
  updatePlain: studentProcedure('goal.editPlain', 'goal.editPlainInArea')
    .input(updateGoalPlainSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'goal.editPlainInArea', await goalAreaCheck(ctx, input.studentId, input.goalId))
      return updateGoalPlain(ctx.db, { studentId: input.studentId, goalId: input.goalId, plain: input.plain, actorId: ctx.user.id, now: ctx.now() })
    }),
  // Whoever may rewrite the English summary may write it in the family's language (docs/languages.md#plain-summaries).
  translatePlain: studentProcedure('goal.editPlain', 'goal.editPlainInArea')
    .input(translateGoalPlainSchema)
    .mutation(async ({ ctx, input }) => {
      requireOwned(ctx, 'goal.editPlainInArea', await goalAreaCheck(ctx, input.studentId, input.goalId))
      const { studentId, goalId, language, plain } = input
      return translateGoalPlain(ctx.db, { studentId, goalId, language, plain, actorId: ctx.user.id, now: ctx.now() })
    }),
})

export const accommodationsRouter = router({
  list: studentProcedure('plan.view').query(({ ctx, input }) => listAccommodations(ctx.db, input.studentId)),
  forDay: studentProcedure('plan.view')
    .input(z.object({ date: isoDateSchema.optional() }))
    .query(({ ctx, input }) => accommodationsForDay(ctx.db, input.studentId, viewDate(input.date, 'date', ctx.now))),
  create: studentProcedure('plan.edit')
    .input(createAccommodationSchema)
    .mutation(({ ctx, input }) => {
      const { studentId, ...fields } = input
      return createAccommodation(ctx.db, { studentId, fields, actorId: ctx.user.id, now: ctx.now() })
    }),
  update: studentProcedure('plan.edit')
    .input(updateAccommodationSchema)
    .mutation(({ ctx, input }) => {
      const { studentId, accommodationId, ...fields } = input
      return updateAccommodation(ctx.db, { studentId, accommodationId, fields, actorId: ctx.user.id, now: ctx.now() })
    }),
  translate: studentProcedure('plan.edit')
    .input(translateAccommodationSchema)
    .mutation(({ ctx, input }) => {
      const { studentId, accommodationId, language, title, description } = input
      return translateAccommodation(ctx.db, { studentId, accommodationId, language, words: { title, description }, actorId: ctx.user.id, now: ctx.now() })
    }),
})

export const progressRouter = router({
  add: studentProcedure('progress.record')
    .input(progressPointSchema)
    .mutation(({ ctx, input }) =>
      addProgressPoint(ctx.db, { ...input, actorId: ctx.user.id, now: ctx.now(), today: localIsoDate(ctx.now()) }),
    ),
  void: studentProcedure('progress.record')
    .input(voidProgressPointSchema)
    .mutation(({ ctx, input }) =>
      voidProgressPoint(ctx.db, { studentId: input.studentId, pointId: input.pointId, reason: input.reason, actorId: ctx.user.id, now: ctx.now() }),
    ),
})
