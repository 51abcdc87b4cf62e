import { afterEach, describe, expect, test } from 'vitest'
import { localIsoDate } from '#shared/school-date.ts'
import { seedDemoTeam } from '#tests/fixtures/demo.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'

/**
 * The demo and the day-dependent procedures on every kind of day (issue: green on every day of the year).
 * The demo is seeded on a chosen day; callers run at chosen days through the injected clock, never the wall clock.
 */
const at = (date: string) => new Date(`${date}T10:00:00`)

let t: TestDb | null = null
afterEach(async () => {
  await t?.close()
  t = null
})

describe('a demo that never goes stale', () => {
  test.each([
    ['2026-11-18', 'a Wednesday in term'],
    ['2026-11-21', 'a Saturday'],
    ['2026-11-26', 'Thanksgiving'],
    ['2027-06-18', 'the last day of the year'],
    ['2027-07-14', 'the summer break'],
    ['2027-08-20', 'late August, before the next year'],
    ['2028-03-01', 'a school day in 2028'],
    ['2028-07-10', 'the summer of 2028'],
  ])('seeded on %s (%s): a year of records, none after the seed day or outside the school year', async (day) => {
    t = createTestDb()
    const demo = await seedDemoTeam(t, at(day))
    const school = t.sqlite.prepare('select year_start, year_end from schools where id = ?').get(demo.schoolId) as { year_start: string; year_end: string }
    expect(school.year_start <= day).toBe(true)
    const last = (table: string) => (t!.sqlite.prepare(`select max(date) as d, min(date) as first, count(*) as n from ${table}`).get() as { d: string; first: string; n: number })
    for (const table of ['session_records', 'accommodation_checks', 'progress_points']) {
      const { d, first, n } = last(table)
      expect(n, `${table} has records`).toBeGreaterThan(5)
      expect(d <= day, `${table}: latest ${d} is not after ${day}`).toBe(true)
      expect(d <= school.year_end && first >= school.year_start, `${table} within the year`).toBe(true)
    }
    // The speech misses and their make-up are there in any season, so the numbers have something to say.
    const misses = t.sqlite.prepare("select count(*) as n from session_records where kind = 'missed'").get() as { n: number }
    expect(misses.n).toBeGreaterThanOrEqual(4)
    expect(demo.sharedConcernId).not.toBeNull()
  })
})

describe('the day-dependent procedures, on a demo seeded on Wednesday 18 November 2026', () => {
  const cases = [
    { day: '2026-11-21', kind: 'weekend', next: '2026-11-23', weekOf: '2026-11-16', recordable: true },
    { day: '2026-11-22', kind: 'weekend', next: '2026-11-23', weekOf: '2026-11-16', recordable: true },
    { day: '2026-11-26', kind: 'closure', next: '2026-11-30', weekOf: '2026-11-23', recordable: true },
    { day: '2026-08-31', kind: 'school_day', next: '2026-09-01', weekOf: '2026-08-31', recordable: true },
    { day: '2027-06-18', kind: 'school_day', next: null, weekOf: '2027-06-14', recordable: true },
    { day: '2027-07-14', kind: 'after_year', next: null, weekOf: '2027-07-12', recordable: false },
    { day: '2027-09-08', kind: 'after_year', next: null, weekOf: '2027-09-06', recordable: false },
  ] as const

  test.each(cases)('on $day ($kind)', async (c) => {
    t = createTestDb()
    const demo = await seedDemoTeam(t, at('2026-11-18'))
    const now = at(c.day)
    const para = demo.callerFor('para', now)

    const day = await para.students.schoolDay({ studentId: demo.johnnyId })
    expect(day).toMatchObject({ date: c.day, kind: c.kind, nextSchoolDay: c.next })

    const today = await para.today.forMe({})
    expect(today.today).toBe(c.day)
    expect(today.todayInfo?.kind).toBe(c.kind)
    expect(today.recordableDays.length > 0).toBe(c.recordable)
    // Only days of the school year, never a weekend, a closure or a summer weekday, can be recorded.
    for (const d of today.recordableDays) expect(d <= day.yearEnd! && d >= day.yearStart!).toBe(true)
    const johnny = today.students.find((s) => s.id === demo.johnnyId)!
    expect(johnny.closure === null).toBe(c.kind === 'school_day')
    expect(johnny.accommodations.length > 0).toBe(c.kind === 'school_day')

    const week = await demo.callerFor('speech', now).sessions.week({})
    expect(week.weekOf).toBe(c.weekOf)
    expect(week.todayInfo?.kind).toBe(c.kind)

    // Fidelity never reaches past the year's last day; the student's numbers and brief answer on any day.
    const fidelity = await demo.callerFor('caseManager', now).checks.fidelity({ studentId: demo.johnnyId })
    expect(fidelity.to <= '2027-06-18').toBe(true)
    const numbers = await demo.callerFor('parent', now).accountability.student({ studentId: demo.johnnyId })
    // The demo's services start on 1 September: on the first day of the year they have nothing to count yet.
    expect(numbers.services.length).toBe(c.day < '2026-09-01' ? 0 : 2)
    const brief = await demo.callerFor('parent', now).brief.get({ studentId: demo.johnnyId })
    expect(brief.asOf).toBe(localIsoDate(now))
  })

  test('a support cannot be recorded for a summer weekday, even inside the recording window', async () => {
    t = createTestDb()
    const demo = await seedDemoTeam(t, at('2026-11-18'))
    const para = demo.callerFor('para', at('2027-06-22'))
    const view = await para.today.forMe({ date: '2027-06-18' })
    const breakCard = view.students.find((s) => s.id === demo.johnnyId)!.accommodations.find((a) => a.title === 'Break card')!
    // Friday 18 June is the year's last day, two weekdays back: still recordable.
    await para.checks.record({ studentId: demo.johnnyId, accommodationId: breakCard.id, date: '2027-06-18', status: 'used', clientId: crypto.randomUUID() })
    await expect(
      para.checks.record({ studentId: demo.johnnyId, accommodationId: breakCard.id, date: '2027-06-21', status: 'used', clientId: crypto.randomUUID() }),
    ).rejects.toThrow(/outside the school year/)
  })
})
