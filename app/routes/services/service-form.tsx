import { useTranslation } from '#app/utils/use-translation.ts'
import type { AmendFormValues, PeriodValues, ServiceFormValues } from './service-form-values.ts'
import { MINUTES_PER_PERIOD, SESSIONS_PER_PERIOD } from '#shared/schemas/period-mandate.ts'
import { weekdayLong } from '#app/utils/session-text.ts'
import { WEEKDAYS } from '#shared/school-date.ts'
import { Field, SelectField, SessionMinutesField } from '#app/components/field.tsx'
import { CheckboxField, FormActions, CheckedForm, type RecordFormProps } from '#app/components/form-parts.tsx'
import { services } from '#shared/i18n/en/services.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ services })

function errorsUnder(errors: Record<string, string[]>, field: string): string[] | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, messages]) => messages)
  return found.length ? found : undefined
}

function FieldsetError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <p id={id} className="text-sm font-medium text-red-800">
      {errors.join(' ')}
    </p>
  ) : null
}

/** One checkbox per weekday; the first is marked invalid on an error, so focus lands on the group. */
function WeekdayFields({ idPrefix, checked, errors, legend }: { idPrefix: string; checked: string[]; errors: string[] | undefined; legend: string }) {
  return (
    <fieldset className="min-w-0 space-y-1" aria-describedby={errors ? `${idPrefix}-error` : undefined}>
      <legend className="font-medium text-slate-800">{legend}</legend>
      <FieldsetError id={`${idPrefix}-error`} errors={errors} />
      {WEEKDAYS.map((day) => (
        <CheckboxField key={day} id={`${idPrefix}-${day}`} name="weekdays" value={day} label={weekdayLong(day)} defaultChecked={checked.includes(day)} />
      ))}
    </fieldset>
  )
}

function RadioGroup({
  name,
  legend,
  options,
  value,
  errors,
}: {
  name: string
  legend: string
  options: { value: string; label: string }[]
  value: string
  errors: string[] | undefined
}) {
  return (
    <fieldset className="min-w-0 space-y-1" aria-describedby={errors ? `${name}-error` : undefined}>
      <legend className="font-medium text-slate-800">{legend}</legend>
      <FieldsetError id={`${name}-error`} errors={errors} />
      {options.map((o) => (
        <label key={o.value} className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-800">
          <input
            type="radio"
            name={name}
            value={o.value}
            defaultChecked={value === o.value}
            aria-invalid={errors ? true : undefined}
            className="h-5 w-5 shrink-0 accent-brand-700"
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  )
}

export interface ProviderOption {
  userId: string
  name: string
  roleLabel: string
}

type Schedule = Pick<ServiceFormValues, 'minutesPerSession' | 'weekdays' | keyof PeriodValues>

const PER_OPTIONS = [
  ['week', 'services.periods.perWeek'],
  ['month', 'services.periods.perMonth'],
  ['reporting_period', 'services.periods.perReportingPeriod'],
] as const

/**
 * The schedule a service is held on, as a new service sets it and an amendment changes it: minutes per session, how
 * often, and the weekdays (weekly) or the sessions or minutes of each month or reporting period.
 */
function ScheduleFields({ minutesLabel, weekdaysLegend, values, errors }: { minutesLabel: string; weekdaysLegend: string; values: Schedule; errors: Record<string, string[]> }) {
  const { t } = useTranslation()
  const count = { type: 'number', inputMode: 'numeric' } as const
  return (
    <>
      <SessionMinutesField label={minutesLabel} name="minutesPerSession" defaultValue={values.minutesPerSession} errors={errors.minutesPerSession} />
      <RadioGroup
        name="per"
        legend={t('services.periods.perLegend')}
        value={values.per}
        errors={errors.per}
        options={PER_OPTIONS.map(([value, label]) => ({ value, label: t(label) }))}
      />
      <WeekdayFields idPrefix="weekdays" legend={weekdaysLegend} checked={values.weekdays} errors={errorsUnder(errors, 'weekdays')} />
      <Field
        {...count}
        label={t('services.periods.sessionsPerPeriod')}
        name="sessionsPerPeriod"
        min={SESSIONS_PER_PERIOD.min}
        max={SESSIONS_PER_PERIOD.max}
        hint={t('services.periods.sessionsPerPeriodHint')}
        defaultValue={values.sessionsPerPeriod}
        errors={errors.sessionsPerPeriod}
      />
      <Field
        {...count}
        label={t('services.periods.minutesPerPeriod')}
        name="minutesPerPeriod"
        min={MINUTES_PER_PERIOD.min}
        max={MINUTES_PER_PERIOD.max}
        hint={t('services.periods.minutesPerPeriodHint')}
        defaultValue={values.minutesPerPeriod}
        errors={errors.minutesPerPeriod}
      />
    </>
  )
}

// A service's two either-or choices, in the form's order: where it is held, and with whom. Words from the catalogue.
const CHOICES = [
  { name: 'setting', legend: 'services.setting', options: [['pull-out', 'services.pullOutLong'], ['push-in', 'services.pushInLong']] },
  { name: 'grouping', legend: 'services.groupOrIndividual', options: [['individual', 'services.individualOption'], ['group', 'services.groupOption']] },
] as const

/** A new service, as the IEP mandates it. */
export function ServiceForm({ values, providers, failure, busy, cancelTo }: RecordFormProps<ServiceFormValues> & { providers: ProviderOption[] }) {
  const { t } = useTranslation()
  const errors = failure?.fieldErrors ?? {}
  return (
    <CheckedForm failure={failure}>
      <Field label={t('services.service')} name="name" hint={t('services.serviceHint')} defaultValue={values.name} errors={errors.name} />
      <SelectField label={t('services.provider')} name="providerId" hint={t('services.providerHint')} defaultValue={values.providerId} errors={errors.providerId}>
        <option value="">{t('services.chooseProvider')}</option>
        {providers.map((p) => (
          <option key={p.userId} value={p.userId}>
            {t('services.providerOption', { name: p.name, role: p.roleLabel })}
          </option>
        ))}
      </SelectField>
      <ScheduleFields minutesLabel={t('services.minutesPerSession')} weekdaysLegend={t('services.weekdaysHeld')} values={values} errors={errors} />
      {CHOICES.map((c) => (
        <RadioGroup
          key={c.name}
          name={c.name}
          legend={t(c.legend)}
          value={values[c.name]}
          errors={errors[c.name]}
          options={c.options.map(([value, label]) => ({ value, label: t(label) }))}
        />
      ))}
      <Field label={t('services.groups.nameLabel')} name="groupName" hint={t('services.groups.nameHint')} defaultValue={values.groupName} errors={errors.groupName} />
      <Field label={t('services.startDate')} name="startDate" type="date" hint={t('services.startDateHint')} defaultValue={values.startDate} errors={errors.startDate} />
      <Field label={t('services.endDate')} name="endDate" type="date" defaultValue={values.endDate} errors={errors.endDate} />
      <FormActions busy={busy} submitLabel={t('services.saveService')} cancelTo={cancelTo} footnote={t('services.scheduledFootnote')} />
    </CheckedForm>
  )
}

/** An IEP amendment: new minutes or weekdays from a date. */
export function AmendServiceForm({ values, failure, busy, cancelTo }: RecordFormProps<AmendFormValues>) {
  const { t } = useTranslation()
  const errors = failure?.fieldErrors ?? {}
  return (
    <CheckedForm failure={failure}>
      <Field
        label={t('services.effectiveDate')}
        name="effectiveFrom"
        type="date"
        hint={t('services.effectiveDateHint')}
        defaultValue={values.effectiveFrom}
        errors={errors.effectiveFrom}
      />
      <ScheduleFields minutesLabel={t('services.newMinutes')} weekdaysLegend={t('services.newWeekdays')} values={values} errors={errors} />
      <Field label={t('services.noteOptional')} name="note" hint={t('services.noteHint')} maxLength={300} defaultValue={values.note} errors={errors.note} />
      <FormActions busy={busy} submitLabel={t('services.saveAmendment')} cancelTo={cancelTo} />
    </CheckedForm>
  )
}
