import { z } from '../zod.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { MANDATE_PERIODS } from '../service-periods.ts'
import { weekdaySchema } from './plan.ts'
import { services } from '../i18n/en/services.ts'

addSections({ services })

/** Bounds of a month's or reporting period's mandate: the form's number fields and the messages share them. */
export const SESSIONS_PER_PERIOD = { min: 1, max: 60 } as const
export const MINUTES_PER_PERIOD = { min: 1, max: 3000 } as const

function countSchema(bounds: { min: number; max: number }) {
  const range = () => t('services.periods.range', bounds)
  return z
    .number({ error: () => t('services.periods.number') })
    .refine(Number.isInteger, { error: range })
    .min(bounds.min, { error: range })
    .max(bounds.max, { error: range })
}

/**
 * What a term mandates besides its minutes per session (docs/formats.md#period-mandates): each week, the weekdays held;
 * or each month or reporting period, a number of sessions or a number of minutes. The weekdays of a period term
 * are ignored, so a form may leave them checked.
 */
export const mandateFields = {
  weekdays: z
    .array(weekdaySchema)
    .max(5)
    .refine((days) => new Set(days).size === days.length, { error: () => t('services.weekdaysOnce') })
    .default([]),
  // Not given is weekly, so a weekly service reads exactly as before periods existed.
  per: z.enum(MANDATE_PERIODS, { error: () => t('services.periods.perRequired') }).optional(),
  sessionsPerPeriod: countSchema(SESSIONS_PER_PERIOD).optional(),
  minutesPerPeriod: countSchema(MINUTES_PER_PERIOD).optional(),
}

type Mandate = { per?: unknown; weekdays?: unknown; sessionsPerPeriod?: unknown; minutesPerPeriod?: unknown }
const perIs = (value: unknown, weekly: boolean) => {
  const per = (value as Mandate | undefined)?.per ?? 'week'
  return (MANDATE_PERIODS as readonly unknown[]).includes(per) && (per === 'week') === weekly
}

/** A weekly term needs a weekday; a period term exactly one of its two amounts. Checked with the other fields. */
export function mandateRules<S extends z.ZodType<Mandate>>(schema: S) {
  return schema
    .refine((m) => (m.per ?? 'week') !== 'week' || (Array.isArray(m.weekdays) && m.weekdays.length > 0), {
      path: ['weekdays'],
      when: ({ value }) => perIs(value, true),
      error: () => t('services.weekdaysMin'),
    })
    .refine((m) => (m.per ?? 'week') === 'week' || (m.sessionsPerPeriod === undefined) !== (m.minutesPerPeriod === undefined), {
      path: ['sessionsPerPeriod'],
      when: ({ value }) => perIs(value, false),
      error: () => t('services.periods.amountOne'),
    })
}
