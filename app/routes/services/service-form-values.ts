/**
 * What the service forms show: the raw strings, so a refused save puts back exactly what was typed. The
 * forms are read by their schemas (shared/schemas/services.ts); these are only for showing.
 */
// Type aliases, not interfaces: typedValues needs them to fit a string-keyed record.
/** How often a mandate repeats and its amounts per month or period (docs/formats.md#period-mandates). */
export type PeriodValues = {
  per: string
  sessionsPerPeriod: string
  minutesPerPeriod: string
}

/** A term's period fields as the form shows them; null for an empty form (weekly). */
export function periodValues(term: { per?: string; sessionsPerPeriod?: number | null; minutesPerPeriod?: number | null } | null): PeriodValues {
  return { per: term?.per ?? 'week', sessionsPerPeriod: String(term?.sessionsPerPeriod ?? ''), minutesPerPeriod: String(term?.minutesPerPeriod ?? '') }
}

export type ServiceFormValues = PeriodValues & {
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

export type AmendFormValues = PeriodValues & {
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
