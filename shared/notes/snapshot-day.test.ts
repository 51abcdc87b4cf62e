import { describe, expect, test } from 'vitest'
import { snapshotAction, snapshotDay } from './snapshot-day.ts'

// Local times, like the server's: the rule is about the school's calendar day, not UTC.
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min)

describe('the daily snapshot rule', () => {
  test('a day is the local calendar date', () => {
    expect(snapshotDay(at(2026, 3, 2, 0, 0))).toBe('2026-03-02')
    expect(snapshotDay(at(2026, 3, 2, 23, 59))).toBe('2026-03-02')
    expect(snapshotDay(at(2026, 12, 31, 23, 59))).toBe('2026-12-31')
  })

  test('the first stored edit of a day starts its snapshot; later ones that day refresh it', () => {
    expect(snapshotAction(null, at(2026, 3, 2))).toEqual({ day: '2026-03-02', kind: 'insert' })
    expect(snapshotAction('2026-03-01', at(2026, 3, 2, 8))).toEqual({ day: '2026-03-02', kind: 'insert' })
    expect(snapshotAction('2026-03-02', at(2026, 3, 2, 17))).toEqual({ day: '2026-03-02', kind: 'update' })
  })

  test('an edit just after midnight belongs to the new day', () => {
    expect(snapshotAction('2026-03-02', at(2026, 3, 3, 0, 1))).toEqual({ day: '2026-03-03', kind: 'insert' })
  })
})
