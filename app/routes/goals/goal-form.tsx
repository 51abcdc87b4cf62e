import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { GOAL_AREAS, GOAL_UNITS, OFFICIAL_TEXT_MAX, PLAIN_PART_MAX, PLAIN_PARTS } from '#shared/schemas/plan.ts'
import { typedValue, type GoalFormValues } from '#app/utils/plan-form.ts'
import { areaLabel } from '#shared/plan-labels.ts'
import { Alert } from '#app/components/alert.tsx'
import { Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { CheckboxField, CountedTextareaField, Fieldset, FormActions, useTypedText, CheckedForm, type FormActionsProps, type RecordFormProps } from '#app/components/form-parts.tsx'
import { PlainLanguageHelp, plainLanguageHelpIds } from '#app/components/plain-language-help.tsx'
import { goals } from '#shared/i18n/en/goals.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ goals })

/** One plain part with its live help; `language` is the text's (a summary written again in Spanish is checked as Spanish). */
export function PlainPartField({
  part,
  initial,
  errors,
  language = 'en',
  hint,
}: {
  part: (typeof PLAIN_PARTS)[number]
  initial: string
  errors: string[] | undefined
  language?: 'en' | 'es'
  hint?: ReactNode
}) {
  const { t } = useTranslation()
  const id = `plain-${part.key}`
  const { value, setValue, ref } = useTypedText(initial)
  return (
    <TextareaField
      ref={ref}
      id={id}
      label={part.label}
      name={`plain.${part.key}`}
      hint={hint ?? t(`goals.plainHint.${part.key}`)}
      rows={4}
      lang={language}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      errors={errors}
      describedBy={plainLanguageHelpIds(`${id}-help`)}
      below={<PlainLanguageHelp id={`${id}-help`} label={part.label} text={value} max={PLAIN_PART_MAX} language={language} />}
    />
  )
}

/** The four plain parts, each with its live reading grade and jargon check. */
export function PlainPartsFields({ values, fieldErrors }: { values: GoalFormValues; fieldErrors: Record<string, string[]> }) {
  const { t } = useTranslation()
  return (
    <Fieldset legend={t('goals.plainLegend')} hint={t('goals.plainFieldsetHint')}>
      {PLAIN_PARTS.map((part) => (
        <PlainPartField
          key={part.key}
          part={part}
          initial={typedValue(values, `plain.${part.key}`)}
          errors={fieldErrors[`plain.${part.key}`]}
        />
      ))}
    </Fieldset>
  )
}

/**
 * The case manager's whole goal: the IEP's words, the plain summary and how progress is measured. Posts
 * flat fields named by schema path, read by the action with goalFieldsSchema.
 */
export function GoalForm({ values, failure, busy, submitLabel, cancelTo, footnote }: RecordFormProps<GoalFormValues> & FormActionsProps) {
  const { t } = useTranslation()
  const errors = failure?.fieldErrors ?? {}
  const typed = (name: string) => typedValue(values, name)
  return (
    <CheckedForm failure={failure}>
      {errors.form ? <Alert>{errors.form.join(' ')}</Alert> : null}

      <Fieldset legend={t('goals.iepLegend')}>
        <SelectField label={t('goals.areaField')} name="area" defaultValue={typed('area')} errors={errors.area}>
          <option value="">{t('goals.chooseArea')}</option>
          {GOAL_AREAS.map((a) => (
            <option key={a} value={a}>
              {areaLabel(a)}
            </option>
          ))}
        </SelectField>
        <CountedTextareaField
          id="official-text"
          label={t('goals.officialText')}
          name="officialText"
          hint={t('goals.officialTextHint')}
          rows={5}
          initial={typed('officialText')}
          max={OFFICIAL_TEXT_MAX}
          errors={errors.officialText}
        />
      </Fieldset>

      <PlainPartsFields values={values} fieldErrors={errors} />

      <Fieldset legend={t('goals.measuringLegend')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('goals.baseline')} name="baseline" hint={t('goals.baselineHint')} defaultValue={typed('baseline')} errors={errors.baseline} />
          <Field label={t('goals.target')} name="target" hint={t('goals.targetHint')} defaultValue={typed('target')} errors={errors.target} />
        </div>
        <SelectField label={t('goals.measuredIn')} name="unit" defaultValue={typed('unit')} errors={errors.unit}>
          {GOAL_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t(`goals.unitOption.${unit}`)}
            </option>
          ))}
        </SelectField>
        <fieldset className="min-w-0 space-y-4">
          <legend className="mb-2 font-semibold text-slate-900">{t('goals.metLegend')}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t('goals.threshold')}
              name="mastery.threshold"
              type="number"
              inputMode="decimal"
              step="any"
              min={0}
              hint={t('goals.thresholdHint')}
              defaultValue={typed('mastery.threshold')}
              errors={errors['mastery.threshold']}
            />
            <Field
              label={t('goals.consecutive')}
              name="mastery.consecutive"
              type="number"
              inputMode="numeric"
              min={1}
              max={20}
              hint={t('goals.consecutiveHint')}
              defaultValue={typed('mastery.consecutive')}
              errors={errors['mastery.consecutive']}
            />
          </div>
          <CheckboxField
            id="mastery-independent-only"
            label={t('goals.independentOnly')}
            name="mastery.independentOnly"
            defaultChecked={typed('mastery.independentOnly') === 'on'}
            hint={t('goals.independentOnlyHint')}
          />
        </fieldset>
      </Fieldset>

      <FormActions busy={busy} submitLabel={submitLabel} cancelTo={cancelTo} footnote={footnote} />
    </CheckedForm>
  )
}

/** A provider's form: only the plain parts, with the IEP's words shown for reference. */
export function PlainPartsForm({
  values,
  officialText,
  failure,
  busy,
  cancelTo,
  footnote,
}: RecordFormProps<GoalFormValues> & { officialText: string; footnote?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <CheckedForm failure={failure}>
      <div className="space-y-1">
        <h3 className="font-semibold text-slate-900">{t('goals.officialText')}</h3>
        <p className="text-sm text-slate-600">{t('goals.onlyCaseManager')}</p>
        <blockquote className="whitespace-pre-line break-words rounded-md border-l-4 border-slate-300 bg-slate-50 p-3 text-slate-800">
          {officialText}
        </blockquote>
      </div>
      <PlainPartsFields values={values} fieldErrors={failure?.fieldErrors ?? {}} />
      <FormActions busy={busy} submitLabel={t('goals.savePlain')} cancelTo={cancelTo} footnote={footnote} />
    </CheckedForm>
  )
}
