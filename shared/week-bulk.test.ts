import { describe, expect, test } from 'vitest'
import type { SessionStatus } from './session-status.ts'
import { bulkKey, confirmedItems, weekBulkPlan, type BulkSession } from './week-bulk.ts'

const session = (date: string, status: SessionStatus, serviceName = 'Speech'): BulkSession => ({
  studentId: 's1',
  studentName: 'Johnny Miller',
  serviceId: serviceName.toLowerCase(),
  serviceName,
  date,
  mandateMinutes: 30,
  status,
  inGroup: false,
})

describe('what "Delivered as scheduled" records for a week', () => {
  test('only pending sessions are included; the others are left out with why', () => {
    const plan = weekBulkPlan([
      session('2027-02-11', 'upcoming'),
      session('2027-02-09', 'pending'),
      session('2027-02-10', 'pending', 'OT'),
      session('2027-02-08', 'delivered'),
      session('2027-02-02', 'unrecorded'),
      session('2027-02-04', 'missed'),
    ])
    expect(plan.include.map((i) => `${i.serviceName} ${i.date}`)).toEqual(['Speech 2027-02-09', 'OT 2027-02-10'])
    expect(plan.leftOut.map((i) => [i.date, i.why])).toEqual([
      ['2027-02-02', 'outside_window'],
      ['2027-02-04', 'recorded'],
      ['2027-02-08', 'recorded'],
      ['2027-02-11', 'future'],
    ])
  })

  test('the minutes recorded are the mandate in force that day', () => {
    const plan = weekBulkPlan([{ ...session('2027-02-09', 'pending'), mandateMinutes: 45 }])
    expect(plan.include[0]?.mandateMinutes).toBe(45)
  })

  test('an empty week records nothing', () => {
    expect(weekBulkPlan([])).toEqual({ include: [], leftOut: [] })
  })

  test('a confirmation records only what is still included: a second submit, or a key never offered, records nothing', () => {
    const before = weekBulkPlan([session('2027-02-09', 'pending'), session('2027-02-10', 'pending', 'OT')])
    const keys = before.include.map(bulkKey)
    expect(confirmedItems(before, [...keys, 'other:2027-02-09'])).toHaveLength(2)
    const after = weekBulkPlan([session('2027-02-09', 'delivered'), session('2027-02-10', 'delivered', 'OT')])
    expect(confirmedItems(after, keys)).toEqual([])
  })

  test('a confirmation may leave sessions out: only the keys sent are recorded', () => {
    const plan = weekBulkPlan([session('2027-02-09', 'pending'), session('2027-02-10', 'pending', 'OT')])
    expect(confirmedItems(plan, ['ot:2027-02-10']).map((i) => i.serviceName)).toEqual(['OT'])
  })

  test('a pending session of a group is left out: the group is recorded once, with who was there', () => {
    const plan = weekBulkPlan([{ ...session('2027-02-09', 'pending', 'Social skills'), inGroup: true }, session('2027-02-09', 'pending')])
    expect(plan.include.map((i) => i.serviceName)).toEqual(['Speech'])
    expect(plan.leftOut.map((i) => [i.serviceName, i.why])).toEqual([['Social skills', 'group']])
    // A group session already recorded says so, not "group".
    expect(weekBulkPlan([{ ...session('2027-02-09', 'delivered', 'Social skills'), inGroup: true }]).leftOut[0]!.why).toBe('recorded')
  })
})
