import type { z } from 'zod'
import { parseForm, type FormFailure } from '#app/utils/parse-form.ts'
import { typedFields, type TypedFields } from '#app/utils/plan-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'

export type RefusedForm = FormFailure & { values: TypedFields }

/**
 * Reads a posted form with its schema and, when it is well formed, saves it through the procedure. Either
 * refusal (the form's own check, or the procedure's) comes back in the same shape, with what was typed.
 */
export async function submitForm<Schema extends z.ZodType, T>(
  form: FormData,
  schema: Schema,
  save: (value: z.output<Schema>) => Promise<T>,
): Promise<{ ok: true; data: T; value: z.output<Schema> } | RefusedForm> {
  const parsed = parseForm(form, schema)
  if (!parsed.ok) return { ...parsed, values: typedFields(form) }
  const result = await actionResult(() => save(parsed.value))
  return result.ok ? { ...result, value: parsed.value } : { ...result, values: typedFields(form) }
}
