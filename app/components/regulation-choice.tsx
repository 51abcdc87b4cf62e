import { REGULATION_STATES } from '#shared/plan-terms.ts'
import { REGULATION_LABELS } from '#shared/plan-labels.ts'
import { RegulationMark } from './regulation-mark.tsx'

/**
 * How the student seemed, as large radio choices each with its mark, for every form that records a progress
 * point. The field is named `regulation`, as the progress schema reads it.
 */
export function RegulationChoice({
  legend,
  errorId,
  defaultValue,
  errors,
}: {
  legend: string
  /** Unique on the page: a page may hold one form per student. */
  errorId: string
  defaultValue?: string | undefined
  errors?: string[] | undefined
}) {
  const invalid = Boolean(errors?.length)
  return (
    <fieldset className="space-y-2" aria-describedby={invalid ? errorId : undefined}>
      <legend className="font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {REGULATION_STATES.map((r) => (
          <label
            key={r}
            className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name="regulation"
              value={r}
              defaultChecked={defaultValue === r}
              aria-invalid={invalid ? true : undefined}
              className="size-5 accent-brand-700"
            />
            <RegulationMark state={r} />
            {REGULATION_LABELS[r]}
          </label>
        ))}
      </div>
      {invalid ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {errors?.join(' ')}
        </p>
      ) : null}
    </fieldset>
  )
}
