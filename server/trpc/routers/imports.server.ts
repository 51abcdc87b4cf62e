import { z } from 'zod'
import { PLAN_MAX_BYTES } from '#shared/plan-import/schema.ts'
import { importPlanFromJson, schoolForImport } from '../../services/plan-import.server.ts'
import { router, schoolProcedure } from '../trpc.server.ts'
import { t } from '#shared/i18n/i18n.ts'

export const importsRouter = router({
  /** The school a plan is imported into, for the import page (and its gate: admins and the school's case managers). */
  school: schoolProcedure('school.import').query(({ ctx, input }) => schoolForImport(ctx.db, input.schoolId)),
  /**
   * A `same-page/plan@1` file's text. An invalid file is BAD_REQUEST with every problem, one per line, in the
   * message and as `data.planErrors` ({ path, message }[]); nothing is written.
   */
  plan: schoolProcedure('school.import')
    .input(
      z.object({
        json: z
          .string({ error: () => t('refusals.planRequired') })
          .max(PLAN_MAX_BYTES, { error: () => t('refusals.planTooLarge', { size: PLAN_MAX_BYTES / 1024 / 1024 }) }),
      }),
    )
    .mutation(({ ctx, input }) => importPlanFromJson(ctx.db, input.json, { schoolId: input.schoolId, actorId: ctx.user.id, now: ctx.now() })),
})
