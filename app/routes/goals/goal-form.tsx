import type { ReactNode } from 'react'
import { GOAL_AREAS, GOAL_UNITS, OFFICIAL_TEXT_MAX, PLAIN_PART_MAX, PLAIN_PARTS, type GoalUnit, type PlainSummary } from '#shared/schemas/plan.ts'
import type { FormFailure, GoalFormValues } from '#app/utils/plan-form.ts'
import { areaLabel } from '#app/utils/plan-labels.ts'
import { Alert } from '#app/components/alert.tsx'
import { Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { CheckboxField, CountedTextareaField, Fieldset, FormActions, useTypedText, CheckedForm } from '#app/components/form-parts.tsx'
import { PlainLanguageHelp, plainLanguageHelpIds } from '#app/components/plain-language-help.tsx'

const UNIT_OPTIONS: Record<GoalUnit, string> = { percent: 'Percent (%)', minutes: 'Minutes', count: 'Times' }

const PLAIN_HINTS: Record<keyof PlainSummary, string> = {
  means: 'The goal in one or two short sentences, as you would say it to a parent.',
  looksLike: 'What an adult in the room would see when it goes well.',
  adultsHelp: 'How much help to give, which visuals, which words to use.',
  measure: 'Who writes down what, and how often.',
}

export function PlainPartField({
  part,
  initial,
  errors,
}: {
  part: (typeof PLAIN_PARTS)[number]
  initial: string
  errors: string[] | undefined
}) {
  const id = `plain-${part.key}`
  const { value, setValue, ref } = useTypedText(initial)
  return (
    <TextareaField
      ref={ref}
      id={id}
      label={part.label}
      name={`plain.${part.key}`}
      hint={PLAIN_HINTS[part.key]}
      rows={4}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      errors={errors}
      describedBy={plainLanguageHelpIds(`${id}-help`)}
      below={<PlainLanguageHelp id={`${id}-help`} label={part.label} text={value} max={PLAIN_PART_MAX} />}
    />
  )
}

/** The four plain parts, each with its live reading grade and jargon check. */
export function PlainPartsFields({ plain, fieldErrors }: { plain: PlainSummary; fieldErrors: Record<string, string[]> }) {
  return (
    <Fieldset
      legend="In plain words"
      hint="Four short parts a para or a parent can read on a phone. Aim for grade 8 or lower; the check below each part updates as you type."
    >
      {PLAIN_PARTS.map((part) => (
        <PlainPartField key={part.key} part={part} initial={plain[part.key]} errors={fieldErrors[`plain.${part.key}`]} />
      ))}
    </Fieldset>
  )
}

/**
 * The case manager's whole goal: the IEP's words, the plain summary and how progress is measured. Posts
 * flat fields named by schema path; the route's action builds the procedure's input from them.
 */
export function GoalForm({
  values,
  failure,
  busy,
  submitLabel,
  cancelTo,
  footnote,
}: {
  values: GoalFormValues
  failure: FormFailure | null
  busy: boolean
  submitLabel: string
  cancelTo: string
  footnote?: ReactNode
}) {
  const errors = failure?.fieldErrors ?? {}
  return (
    <CheckedForm failure={failure}>
      {errors.form ? <Alert>{errors.form.join(' ')}</Alert> : null}

      <Fieldset legend="The goal in the IEP">
        <SelectField label="Area" name="area" defaultValue={values.area} errors={errors.area}>
          <option value="">Choose an area</option>
          {GOAL_AREAS.map((a) => (
            <option key={a} value={a}>
              {areaLabel(a)}
            </option>
          ))}
        </SelectField>
        <CountedTextareaField
          id="official-text"
          label="Official goal text"
          name="officialText"
          hint="Copy it exactly as written in the IEP."
          rows={5}
          initial={values.officialText}
          max={OFFICIAL_TEXT_MAX}
          errors={errors.officialText}
        />
      </Fieldset>

      <PlainPartsFields plain={values.plain} fieldErrors={errors} />

      <Fieldset legend="Measuring progress">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Baseline" name="baseline" hint="Where the student is now." defaultValue={values.baseline} errors={errors.baseline} />
          <Field label="Target" name="target" hint="Where the goal aims by the end of the plan." defaultValue={values.target} errors={errors.target} />
        </div>
        <SelectField label="Measured in" name="unit" defaultValue={values.unit} errors={errors.unit}>
          {GOAL_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {UNIT_OPTIONS[unit]}
            </option>
          ))}
        </SelectField>
        <fieldset className="min-w-0 space-y-4">
          <legend className="mb-2 font-semibold text-slate-900">When the goal counts as met</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Success value"
              name="mastery.threshold"
              type="number"
              inputMode="decimal"
              step="any"
              min={0}
              hint="The value each session must reach, in the unit above."
              defaultValue={values.threshold}
              errors={errors['mastery.threshold']}
            />
            <Field
              label="Sessions in a row"
              name="mastery.consecutive"
              type="number"
              inputMode="numeric"
              min={1}
              max={20}
              hint="How many sessions in a row must reach it."
              defaultValue={values.consecutive}
              errors={errors['mastery.consecutive']}
            />
          </div>
          <CheckboxField
            id="mastery-independent-only"
            label="Independent only"
            name="mastery.independentOnly"
            defaultChecked={values.independentOnly}
            hint="Only data recorded with no prompt counts toward the goal being met."
          />
        </fieldset>
      </Fieldset>

      <FormActions busy={busy} submitLabel={submitLabel} cancelTo={cancelTo} footnote={footnote} />
    </CheckedForm>
  )
}

/** A provider's form: only the plain parts, with the IEP's words shown for reference. */
export function PlainPartsForm({
  plain,
  officialText,
  failure,
  busy,
  cancelTo,
  footnote,
}: {
  plain: PlainSummary
  officialText: string
  failure: FormFailure | null
  busy: boolean
  cancelTo: string
  footnote?: ReactNode
}) {
  return (
    <CheckedForm failure={failure}>
      <div className="space-y-1">
        <h3 className="font-semibold text-slate-900">Official goal text</h3>
        <p className="text-sm text-slate-600">Only the case manager changes this.</p>
        <blockquote className="whitespace-pre-line break-words rounded-md border-l-4 border-slate-300 bg-slate-50 p-3 text-slate-800">
          {officialText}
        </blockquote>
      </div>
      <PlainPartsFields plain={plain} fieldErrors={failure?.fieldErrors ?? {}} />
      <FormActions busy={busy} submitLabel="Save plain words" cancelTo={cancelTo} footnote={footnote} />
    </CheckedForm>
  )
}
