import { describe, expect, it } from 'vitest'
import { furthestBehindFirst, type LoggedCheck, supportsNotProvidedThisWeek } from '#shared/plan-glance.ts'

const service = (name: string, deliveryRate: number, balance: number) => ({ name, deliveryRate, ledger: { balance } })

describe('furthestBehindFirst', () => {
  it('puts the lowest delivery rate first, then the most minutes still owed, then the name', () => {
    const ranked = furthestBehindFirst([service('OT', 1, 0), service('Speech', 0.6, 90), service('Reading', 0.6, 120), service('Art', 1, 0)])
    expect(ranked.map((s) => s.name)).toEqual(['Reading', 'Speech', 'Art', 'OT'])
  })

  it('leaves the list it was given as it was', () => {
    const list = [service('B', 1, 0), service('A', 0.5, 0)]
    furthestBehindFirst(list)
    expect(list.map((s) => s.name)).toEqual(['B', 'A'])
  })
})

describe('supportsNotProvidedThisWeek', () => {
  const check = (title: string, date: string, status: LoggedCheck['status'], current = true): LoggedCheck => ({ title, date, status, current })
  // Thu 3 Dec 2026: the week runs from Mon 30 Nov.
  const today = '2026-12-03'

  it('lists the supports recorded "Not provided" since Monday, with their days, most days first', () => {
    const out = supportsNotProvidedThisWeek(
      [
        check('Break card', '2026-11-30', 'not_provided'),
        check('Visual schedule', '2026-12-01', 'not_provided'),
        check('Visual schedule', '2026-12-03', 'not_provided'),
        check('Break card', '2026-12-01', 'used'),
      ],
      today,
    )
    expect(out).toEqual([
      { title: 'Visual schedule', dates: ['2026-12-01', '2026-12-03'] },
      { title: 'Break card', dates: ['2026-11-30'] },
    ])
  })

  it('leaves out last week, days after today and records replaced by a correction', () => {
    const out = supportsNotProvidedThisWeek(
      [
        check('Break card', '2026-11-27', 'not_provided'),
        check('Break card', '2026-12-04', 'not_provided'),
        check('Break card', '2026-12-02', 'not_provided', false),
        check('Break card', '2026-12-02', 'used'),
        check('Extra time', '2026-12-02', 'not_needed'),
        check('Extra time', '2026-12-02', 'declined'),
      ],
      today,
    )
    expect(out).toEqual([])
  })

  it('on a Saturday, counts the school week that has just ended', () => {
    expect(supportsNotProvidedThisWeek([check('Break card', '2026-11-30', 'not_provided')], '2026-12-05')).toEqual([
      { title: 'Break card', dates: ['2026-11-30'] },
    ])
  })
})
