import type { Weekday } from '#shared/school-date.ts'

/**
 * The service forms post flat fields named like the schema's keys, so a zod issue's path names its field.
 * The raw strings go back to the form on a refusal, so nothing typed is lost; the procedures validate.
 */
export interface ServiceFormValues {
  name: string
  providerId: string
  minutesPerSession: string
  weekdays: string[]
  setting: string
  grouping: string
  startDate: string
  endDate: string
}

export interface AmendFormValues {
  effectiveFrom: string
  minutesPerSession: string
  weekdays: string[]
  note: string
}

function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** "" stays undefined so zod says "Enter the minutes…" rather than "expected a number". */
function minutes(value: string): number {
  return (value.trim() === '' ? undefined : Number(value.trim())) as number
}

export function serviceValuesFromForm(form: FormData): ServiceFormValues {
  return {
    name: text(form, 'name'),
    providerId: text(form, 'providerId'),
    minutesPerSession: text(form, 'minutesPerSession'),
    weekdays: form.getAll('weekdays').map(String),
    setting: text(form, 'setting'),
    grouping: text(form, 'grouping'),
    startDate: text(form, 'startDate'),
    endDate: text(form, 'endDate'),
  }
}

export function serviceInput(v: ServiceFormValues) {
  return {
    name: v.name,
    providerId: v.providerId,
    minutesPerSession: minutes(v.minutesPerSession),
    weekdays: v.weekdays as Weekday[],
    setting: v.setting as 'push-in' | 'pull-out',
    grouping: v.grouping as 'group' | 'individual',
    startDate: v.startDate,
    endDate: v.endDate,
  }
}

export function amendValuesFromForm(form: FormData): AmendFormValues {
  return {
    effectiveFrom: text(form, 'effectiveFrom'),
    minutesPerSession: text(form, 'minutesPerSession'),
    weekdays: form.getAll('weekdays').map(String),
    note: text(form, 'note'),
  }
}

export function amendInput(v: AmendFormValues) {
  return {
    effectiveFrom: v.effectiveFrom,
    minutesPerSession: minutes(v.minutesPerSession),
    weekdays: v.weekdays as Weekday[],
    note: v.note.trim() || undefined,
  }
}
