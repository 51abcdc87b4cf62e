import { redirect } from '@remix-run/node'
import { accommodationValuesOf, accommodationValuesTyped, type AccommodationFormValues } from './accommodation-values.ts'
import { typedFields } from '#app/utils/typed-fields.ts'
import { parseForm, type FormFailure } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { accommodationFieldsSchema, type AccommodationFields } from '#shared/schemas/plan.ts'

export type AccommodationActionData = FormFailure & { values?: AccommodationFormValues }

/**
 * The new and edit pages' action: the form is read by its schema and saved; a saved accommodation goes back to
 * the student page. A refusal by the procedure (a date outside the school year) sends what was read back to the
 * form; a form the schema refuses goes back as it was typed (without scripts the page is drawn anew from it).
 */
export async function saveAccommodation(
  request: Request,
  studentId: string,
  save: (fields: AccommodationFields) => Promise<unknown>,
): Promise<AccommodationActionData> {
  const form = await request.formData()
  const parsed = parseForm(form, accommodationFieldsSchema)
  if (!parsed.ok) return { ...parsed, values: accommodationValuesTyped(typedFields(form)) }
  const result = await actionResult(() => save(parsed.value))
  if (result.ok) throw redirect(`/students/${studentId}`)
  return { ...result, values: accommodationValuesOf(parsed.value) }
}
