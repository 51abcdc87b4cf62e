import type { FormFailure } from '#app/utils/plan-form.ts'
import type { AmendFormValues, ServiceFormValues } from './service-form-values.ts'
import { WEEKDAY_LONG } from '#app/utils/session-text.ts'
import { WEEKDAYS } from '#shared/school-date.ts'
import { Field, SelectField, SessionMinutesField } from '#app/components/field.tsx'
import { CheckboxField, FormActions, CheckedForm } from '#app/components/form-parts.tsx'

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
        <CheckboxField key={day} id={`${idPrefix}-${day}`} name="weekdays" value={day} label={WEEKDAY_LONG[day]} defaultChecked={checked.includes(day)} />
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

/** A new service, as the IEP mandates it. */
export function ServiceForm({
  values,
  providers,
  failure,
  busy,
  cancelTo,
}: {
  values: ServiceFormValues
  providers: ProviderOption[]
  failure: FormFailure | null
  busy: boolean
  cancelTo: string
}) {
  const errors = failure?.fieldErrors ?? {}
  return (
    <CheckedForm failure={failure}>
      <Field label="Service" name="name" hint="As the IEP names it, like “Speech-language therapy”." defaultValue={values.name} errors={errors.name} />
      <SelectField label="Provider" name="providerId" hint="Providers and case managers on this student’s team." defaultValue={values.providerId} errors={errors.providerId}>
        <option value="">Choose who provides it</option>
        {providers.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.name} ({p.roleLabel})
          </option>
        ))}
      </SelectField>
      <SessionMinutesField
        label="Minutes per session"
        name="minutesPerSession"
        defaultValue={values.minutesPerSession}
        errors={errors.minutesPerSession}
      />
      <WeekdayFields idPrefix="weekdays" legend="Weekdays it is held" checked={values.weekdays} errors={errorsUnder(errors, 'weekdays')} />
      <RadioGroup
        name="setting"
        legend="Setting"
        value={values.setting}
        errors={errors.setting}
        options={[
          { value: 'pull-out', label: 'Pull-out (outside the classroom)' },
          { value: 'push-in', label: 'Push-in (in the classroom)' },
        ]}
      />
      <RadioGroup
        name="grouping"
        legend="Group or individual"
        value={values.grouping}
        errors={errors.grouping}
        options={[
          { value: 'individual', label: 'Individual' },
          { value: 'group', label: 'Group' },
        ]}
      />
      <Field label="Start date" name="startDate" type="date" hint="It must fall inside this school year." defaultValue={values.startDate} errors={errors.startDate} />
      <Field label="End date" name="endDate" type="date" defaultValue={values.endDate} errors={errors.endDate} />
      <FormActions busy={busy} submitLabel="Save service" cancelTo={cancelTo} footnote="Sessions are scheduled on the school’s instructional days between these dates." />
    </CheckedForm>
  )
}

/** An IEP amendment: new minutes or weekdays from a date. */
export function AmendServiceForm({
  values,
  failure,
  busy,
  cancelTo,
}: {
  values: AmendFormValues
  failure: FormFailure | null
  busy: boolean
  cancelTo: string
}) {
  const errors = failure?.fieldErrors ?? {}
  return (
    <CheckedForm failure={failure}>
      <Field
        label="Effective date"
        name="effectiveFrom"
        type="date"
        hint="Sessions before this date keep the old mandate."
        defaultValue={values.effectiveFrom}
        errors={errors.effectiveFrom}
      />
      <SessionMinutesField
        label="New minutes per session"
        name="minutesPerSession"
        defaultValue={values.minutesPerSession}
        errors={errors.minutesPerSession}
      />
      <WeekdayFields idPrefix="weekdays" legend="New weekdays" checked={values.weekdays} errors={errorsUnder(errors, 'weekdays')} />
      <Field label="Note (optional)" name="note" hint="For example: “Amended at the January IEP meeting.”" maxLength={300} defaultValue={values.note} errors={errors.note} />
      <FormActions busy={busy} submitLabel="Save amendment" cancelTo={cancelTo} />
    </CheckedForm>
  )
}
