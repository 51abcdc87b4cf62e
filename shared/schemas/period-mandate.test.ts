import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import { amendServiceFormSchema, createServiceSchema, serviceFormSchema } from '#shared/schemas/services.ts'

function form(fields: [string, string][]): FormData {
  const data = new FormData()
  for (const [name, value] of fields) data.append(name, value)
  return data
}

const service: [string, string][] = [
  ['name', 'Counseling'],
  ['providerId', 'u1'],
  ['minutesPerSession', '15'],
  ['setting', 'pull-out'],
  ['grouping', 'individual'],
  ['startDate', '2026-09-08'],
  ['endDate', '2027-06-25'],
]

describe('a service mandated per month or reporting period', () => {
  test('"4 sessions of 15 minutes a month" needs no weekday', () => {
    const parsed = parseForm(form([...service, ['per', 'month'], ['sessionsPerPeriod', '4']]), serviceFormSchema)
    expect(parsed).toMatchObject({ ok: true, value: { per: 'month', sessionsPerPeriod: 4, minutesPerSession: 15, weekdays: [] } })
  })
  test('"60 minutes a reporting period" gives the minutes instead', () => {
    const parsed = parseForm(form([...service, ['per', 'reporting_period'], ['minutesPerPeriod', '60']]), serviceFormSchema)
    expect(parsed).toMatchObject({ ok: true, value: { per: 'reporting_period', minutesPerPeriod: 60 } })
  })
  test('a period with neither or both amounts is refused beside the sessions, with every other problem', () => {
    const neither = parseForm(form([...service.filter(([k]) => k !== 'name'), ['per', 'month']]), serviceFormSchema)
    expect(neither.ok ? {} : neither.fieldErrors).toEqual({
      name: ['Name the service.'],
      sessionsPerPeriod: ['Give either the sessions or the total minutes of each month or period, not both.'],
    })
    const both = parseForm(form([...service, ['per', 'month'], ['sessionsPerPeriod', '4'], ['minutesPerPeriod', '60']]), serviceFormSchema)
    expect(both.ok ? {} : both.fieldErrors).toEqual({ sessionsPerPeriod: ['Give either the sessions or the total minutes of each month or period, not both.'] })
  })
  test('amounts out of range say the range; an unknown period is refused on it', () => {
    const parsed = parseForm(form([...service, ['per', 'year'], ['sessionsPerPeriod', '0'], ['minutesPerPeriod', '2.5']]), serviceFormSchema)
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({
      per: ['Choose every week, each month or each reporting period.'],
      sessionsPerPeriod: ['Enter a number from 1 to 60.'],
      minutesPerPeriod: ['Enter a number from 1 to 3000.'],
    })
  })
  test('a weekly service still needs a weekday, in the amend form too', () => {
    const parsed = parseForm(form([['effectiveFrom', '2027-01-04'], ['minutesPerSession', '20'], ['per', 'week']]), amendServiceFormSchema)
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({ weekdays: ['Choose at least one weekday.'] })
    const monthly = parseForm(form([['effectiveFrom', '2027-01-04'], ['minutesPerSession', '20'], ['per', 'month'], ['minutesPerPeriod', '80']]), amendServiceFormSchema)
    expect(monthly.ok).toBe(true)
  })
  test('the procedure takes the same fields', () => {
    const input = { studentId: 's1', name: 'Counseling', providerId: 'u1', minutesPerSession: 15, per: 'month', sessionsPerPeriod: 4, setting: 'pull-out', grouping: 'individual', startDate: '2026-09-08', endDate: '2027-06-25' }
    expect(createServiceSchema.safeParse(input).success).toBe(true)
  })
})
