import type { AppLoadContext } from '@remix-run/node'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { t as translate } from '#shared/i18n/i18n.ts'
import { schoolTwoStepFormSchema } from '#shared/schemas/two-step.ts'
import type { SchoolFormResult } from './school-calendar-card.tsx'

/** The school page's form for the two-step card (intent `twoStep`): the school admin requires it, or stops. */
export async function schoolTwoStepAction(context: AppLoadContext, schoolId: string, form: FormData): Promise<SchoolFormResult> {
  const parsed = parseForm(form, schoolTwoStepFormSchema)
  if (!parsed.ok) return { intent: 'twoStep', ...parsed, values: {} }
  const required = parsed.value.required === 'yes'
  const result = await actionResult(() => context.trpc.twoStep.setSchoolRequirement({ schoolId, required }))
  if (!result.ok) return { intent: 'twoStep', ...result, values: {} }
  return { intent: 'twoStep', ok: true, message: translate(required ? 'twoStep.schoolSavedOn' : 'twoStep.schoolSavedOff') }
}
