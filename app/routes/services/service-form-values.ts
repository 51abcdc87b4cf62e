/**
 * What the service forms show: the raw strings, so a refused save puts back exactly what was typed. The
 * forms are read by their schemas (shared/schemas/services.ts); these are only for showing.
 */
// Type aliases, not interfaces: typedValues needs them to fit a string-keyed record.
export type ServiceFormValues = {
  name: string
  providerId: string
  minutesPerSession: string
  weekdays: string[]
  setting: string
  grouping: string
  groupName: string
  startDate: string
  endDate: string
}

export type AmendFormValues = {
  effectiveFrom: string
  minutesPerSession: string
  weekdays: string[]
  note: string
}

/** What was typed, shaped like `shown`: one value per field, every value of a field that takes several. */
export function typedValues<V extends Record<string, string | string[]>>(form: FormData, shown: V): V {
  const typed: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(shown)) {
    const all = form.getAll(name).filter((v): v is string => typeof v === 'string')
    typed[name] = Array.isArray(value) ? all : (all[0] ?? '')
  }
  return typed as V
}
