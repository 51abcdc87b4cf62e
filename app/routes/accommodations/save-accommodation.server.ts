import { redirect } from '@remix-run/node'
import { accommodationValuesOf, type AccommodationFormValues } from './accommodation-values.ts'
import { parseForm, type FormFailure } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { accommodationFieldsSchema, type AccommodationFields } from '#shared/schemas/plan.ts'

export type AccommodationActionData = FormFailure & { values?: AccommodationFormValues }

/**
 * The new and edit pages' action: the form is read by its schema and saved; a saved accommodation goes back to
 * the student page. A refusal by the procedure (a date outside the school year) sends what was read back to the
 * form; a form the schema refuses was never re-rendered from scratch, so the fields still hold what was typed.
 */
export async function saveAccommodation(
  request: Request,
  studentId: string,
  save: (fields: AccommodationFields) => Promise<unknown>,
): Promise<AccommodationActionData> {
  const parsed = parseForm(await request.formData(), accommodationFieldsSchema)
  if (!parsed.ok) return parsed
  const result = await actionResult(() => save(parsed.value))
  if (result.ok) throw redirect(`/students/${studentId}`)
  return { ...result, values: accommodationValuesOf(parsed.value) }
}
