import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { ACCOMMODATION_CATEGORIES, ACCOMMODATION_DESCRIPTION_MAX, type Applies } from '#shared/schemas/plan.ts'
import { WEEKDAYS } from '#shared/school-date.ts'
import type { AccommodationFormValues } from './accommodation-values.ts'
import { Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { CheckboxField, FormActions, useTypedText, CheckedForm, type FormActionsProps, type RecordFormProps } from '#app/components/form-parts.tsx'
import { PlainLanguageHelp, plainLanguageHelpIds } from '#app/components/plain-language-help.tsx'
import { accommodations } from '#shared/i18n/en/accommodations.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ accommodations })

const APPLIES_KINDS = ['daily', 'weekdays', 'subject', 'tests'] as const satisfies readonly Applies['kind'][]

function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <p id={id} className="text-sm font-medium text-red-800">
      {errors.join(' ')}
    </p>
  ) : null
}

/** The words adults read, with live help for the language they are written in. */
export function DescriptionField({
  initial,
  errors,
  language = 'en',
  hint,
}: {
  initial: string
  errors: string[] | undefined
  language?: 'en' | 'es'
  hint?: ReactNode
}) {
  const { t } = useTranslation()
  const { value, setValue, ref } = useTypedText(initial)
  return (
    <TextareaField
      ref={ref}
      id="description"
      label={t('accommodations.descriptionLabel')}
      name="description"
      hint={hint ?? t('accommodations.descriptionHint')}
      rows={4}
      lang={language}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      errors={errors}
      describedBy={plainLanguageHelpIds('description-help')}
      below={
        <PlainLanguageHelp id="description-help" label={t('accommodations.descriptionLabel')} text={value} max={ACCOMMODATION_DESCRIPTION_MAX} language={language} />
      }
    />
  )
}

/**
 * When it applies: one radio per kind. The weekdays or the subject show under the choice that needs them by
 * CSS (:has(:checked)), so they work before scripts load; hidden ones keep what was typed in them.
 */
function AppliesFields({ values, errors }: { values: AccommodationFormValues; errors: Record<string, string[]> }) {
  const { t } = useTranslation()
  const kindErrors = errors['applies.kind'] ?? errors.applies
  return (
    <fieldset className="min-w-0 space-y-2" aria-describedby={kindErrors?.length ? 'applies-error' : undefined}>
      <legend className="font-medium text-slate-800">{t('accommodations.appliesLegend')}</legend>
      <FieldErrors id="applies-error" errors={kindErrors} />
      {APPLIES_KINDS.map((kind) => (
        <div key={kind} className="group">
          <label className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-800">
            <input
              type="radio"
              name="applies.kind"
              value={kind}
              defaultChecked={values.appliesKind === kind}
              aria-invalid={kindErrors?.length ? true : undefined}
              className="applies-radio h-5 w-5 shrink-0 accent-brand-700"
            />
            {t(`accommodations.applies.${kind}`)}
          </label>
          {kind === 'weekdays' ? (
            <fieldset
              className="ml-8 hidden min-w-0 space-y-1 border-l-2 border-slate-200 pl-3 group-has-[.applies-radio:checked]:block"
              aria-describedby={errors['applies.days']?.length ? 'applies-days-error' : undefined}
            >
              <legend className="text-sm font-medium text-slate-700">{t('accommodations.weekdaysLegend')}</legend>
              <FieldErrors id="applies-days-error" errors={errors['applies.days']} />
              {WEEKDAYS.map((day) => (
                <CheckboxField
                  key={day}
                  id={`applies-day-${day}`}
                  name="applies.days"
                  value={day}
                  label={t(`accommodations.day.${day}`)}
                  defaultChecked={values.days.includes(day)}
                />
              ))}
            </fieldset>
          ) : null}
          {kind === 'subject' ? (
            <div className="ml-8 hidden border-l-2 border-slate-200 pl-3 group-has-[.applies-radio:checked]:block">
              <Field
                label={t('accommodations.subjectLabel')}
                name="applies.subject"
                hint={t('accommodations.subjectHint')}
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
}: RecordFormProps<AccommodationFormValues> & FormActionsProps) {
  const { t } = useTranslation()
  const errors = failure?.fieldErrors ?? {}
  return (
    <CheckedForm failure={failure}>
      <Field
        label={t('accommodations.titleLabel')}
        name="title"
        hint={t('accommodations.titleHint')}
        defaultValue={values.title} errors={errors.title} />
      <DescriptionField initial={values.description} errors={errors.description} />
      <SelectField label={t('accommodations.categoryLabel')} name="category" defaultValue={values.category} errors={errors.category}>
        <option value="">{t('accommodations.categoryChoose')}</option>
        {ACCOMMODATION_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`accommodations.category.${c}`)}
          </option>
        ))}
      </SelectField>
      <AppliesFields values={values} errors={errors} />
      <Field
        label={t('accommodations.startDateLabel')}
        name="startDate"
        type="date"
        hint={t('accommodations.startDateHint')}
        defaultValue={values.startDate}
        errors={errors.startDate}
      />
      <FormActions busy={busy} submitLabel={submitLabel} cancelTo={cancelTo} footnote={footnote} />
    </CheckedForm>
  )
}
