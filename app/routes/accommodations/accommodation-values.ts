import type { AccommodationFields } from '#shared/schemas/plan.ts'
import { type TypedFields, typedValue } from '#app/utils/typed-fields.ts'
import type { IsoDate } from '#shared/school-date.ts'

/**
 * What the accommodation form shows: every kind's details at once, so weekdays ticked or a subject typed stay in
 * place while the person changes their mind about when it applies.
 */
export interface AccommodationFormValues {
  title: string
  description: string
  category: string
  appliesKind: string
  days: string[]
  subject: string
  startDate: string
}

export function emptyAccommodationValues(startDate: IsoDate): AccommodationFormValues {
  return { title: '', description: '', category: '', appliesKind: 'daily', days: [], subject: '', startDate }
}

export function accommodationValuesOf(a: AccommodationFields): AccommodationFormValues {
  return {
    title: a.title,
    description: a.description,
    category: a.category,
    appliesKind: a.applies.kind,
    days: a.applies.kind === 'weekdays' ? [...a.applies.days] : [],
    subject: a.applies.kind === 'subject' ? a.applies.subject : '',
    startDate: a.startDate,
  }
}

/** The form as it was posted (field names are the schema's paths), for drawing a refused form again. */
export function accommodationValuesTyped(typed: TypedFields): AccommodationFormValues {
  return {
    title: typedValue(typed, 'title'),
    description: typedValue(typed, 'description'),
    category: typedValue(typed, 'category'),
    appliesKind: typedValue(typed, 'applies.kind'),
    days: typed['applies.days'] ?? [],
    subject: typedValue(typed, 'applies.subject'),
    startDate: typedValue(typed, 'startDate'),
  }
}
