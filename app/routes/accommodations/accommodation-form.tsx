import type { ReactNode } from 'react'
import { ACCOMMODATION_CATEGORIES, type AccommodationCategory, type Applies } from '#shared/schemas/plan.ts'
import { WEEKDAYS, type Weekday } from '#shared/school-date.ts'
import type { AccommodationFormValues, FormFailure } from '#app/utils/plan-form.ts'
import { Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { CheckboxField, FormActions, useTypedText, CheckedForm } from '#app/components/form-parts.tsx'
import { PlainLanguageHelp, plainLanguageHelpIds } from '#app/components/plain-language-help.tsx'

export const CATEGORY_LABELS: Record<AccommodationCategory, string> = {
  presentation: 'Presentation — how work is shown to the student',
  response: 'Response — how the student answers',
  setting: 'Setting — where the student works',
  timing: 'Timing — when, and for how long',
  regulation: 'Regulation — staying calm and ready',
  communication: 'Communication',
}

const APPLIES_OPTIONS: { kind: Applies['kind']; label: string }[] = [
  { kind: 'daily', label: 'Every school day' },
  { kind: 'weekdays', label: 'Certain weekdays' },
  { kind: 'subject', label: 'A subject or time of day' },
  { kind: 'tests', label: 'Tests only' },
]

const DAY_LABELS: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' }

const DESCRIPTION_MAX = 1000

function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <p id={id} className="text-sm font-medium text-red-800">
      {errors.join(' ')}
    </p>
  ) : null
}

function DescriptionField({ initial, errors }: { initial: string; errors: string[] | undefined }) {
  const { value, setValue, ref } = useTypedText(initial)
  return (
    <TextareaField
      ref={ref}
      id="description"
      label="Plain description"
      name="description"
      hint="What the adult does, in everyday words."
      rows={4}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      errors={errors}
      describedBy={plainLanguageHelpIds('description-help')}
      below={<PlainLanguageHelp id="description-help" label="Plain description" text={value} max={DESCRIPTION_MAX} />}
    />
  )
}

/**
 * When it applies: one radio per kind. The weekdays or the subject show under the choice that needs them by
 * CSS (:has(:checked)), so they work before scripts load; hidden ones keep what was typed in them.
 */
function AppliesFields({ values, errors }: { values: AccommodationFormValues; errors: Record<string, string[]> }) {
  const kindErrors = errors['applies.kind'] ?? errors.applies
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={kindErrors?.length ? 'applies-error' : undefined}>
      <legend className="font-medium text-slate-800">When it applies</legend>
      <FieldErrors id="applies-error" errors={kindErrors} />
      {APPLIES_OPTIONS.map((option) => (
        <div key={option.kind} className="group">
          <label className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-800">
            <input
              type="radio"
              name="applies.kind"
              value={option.kind}
              defaultChecked={values.appliesKind === option.kind}
              aria-invalid={kindErrors?.length ? true : undefined}
              className="applies-radio h-5 w-5 shrink-0 accent-brand-700"
            />
            {option.label}
          </label>
          {option.kind === 'weekdays' ? (
            <fieldset
              className="ml-8 hidden min-w-0 space-y-1 border-l-2 border-slate-200 pl-3 group-has-[.applies-radio:checked]:block"
              aria-describedby={errors['applies.days']?.length ? 'applies-days-error' : undefined}
            >
              <legend className="text-sm font-medium text-slate-700">Which weekdays</legend>
              <FieldErrors id="applies-days-error" errors={errors['applies.days']} />
              {WEEKDAYS.map((day) => (
                <CheckboxField
                  key={day}
                  id={`applies-day-${day}`}
                  name="applies.days"
                  value={day}
                  label={DAY_LABELS[day]}
                  defaultChecked={values.days.includes(day)}
                />
              ))}
            </fieldset>
          ) : null}
          {option.kind === 'subject' ? (
            <div className="ml-8 hidden border-l-2 border-slate-200 pl-3 group-has-[.applies-radio:checked]:block">
              <Field
                label="Subject or time of day"
                name="applies.subject"
                hint="For example: Math, or after lunch."
                defaultValue={values.subject}
                errors={errors['applies.subject']}
              />
            </div>
          ) : null}
        </div>
      ))}
    </fieldset>
  )
}

export function AccommodationForm({
  values,
  failure,
  busy,
  submitLabel,
  cancelTo,
  footnote,
}: {
  values: AccommodationFormValues
  failure: FormFailure | null
  busy: boolean
  submitLabel: string
  cancelTo: string
  footnote?: ReactNode
}) {
  const errors = failure?.fieldErrors ?? {}
  return (
    <CheckedForm failure={failure}>
      <Field label="Title" name="title" hint="A few words, like “Extra time on tests”." defaultValue={values.title} errors={errors.title} />
      <DescriptionField initial={values.description} errors={errors.description} />
      <SelectField label="Category" name="category" defaultValue={values.category} errors={errors.category}>
        <option value="">Choose a category</option>
        {ACCOMMODATION_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]}
          </option>
        ))}
      </SelectField>
      <AppliesFields values={values} errors={errors} />
      <Field
        label="Start date"
        name="startDate"
        type="date"
        hint="It must fall inside this school year."
        defaultValue={values.startDate}
        errors={errors.startDate}
      />
      <FormActions busy={busy} submitLabel={submitLabel} cancelTo={cancelTo} footnote={footnote} />
    </CheckedForm>
  )
}
