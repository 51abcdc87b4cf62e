import { describe, expect, test } from 'vitest'
import { DUE_SOON_DAYS, RECEIVED_MAX_DAYS_AGO, RECORDS_REQUEST_DAYS_DEFAULT, receivedOnProblem, requestDueOn, requestStanding } from '#shared/records-requests.ts'

// docs/records.md#records-requests: calendar days from the received day; the due day itself is still in time.
describe('records requests: the due day and where a request stands', () => {
  test('due 45 calendar days after it is received by default, across a month and a year', () => {
    expect(RECORDS_REQUEST_DAYS_DEFAULT).toBe(45)
    expect(requestDueOn('2026-11-02', 45)).toBe('2026-12-17')
    expect(requestDueOn('2026-12-20', 45)).toBe('2027-02-03')
    expect(requestDueOn('2026-11-16', 10)).toBe('2026-11-26')
  })

  test('open with more than a week left, due soon within a week, late after the due day', () => {
    const request = { dueOn: '2026-12-17', fulfilledOn: null }
    expect(requestStanding(request, '2026-12-09')).toEqual({ state: 'open', daysLeft: 8, fulfilledLate: false })
    expect(requestStanding(request, '2026-12-10')).toEqual({ state: 'dueSoon', daysLeft: DUE_SOON_DAYS, fulfilledLate: false })
    expect(requestStanding(request, '2026-12-17')).toEqual({ state: 'dueSoon', daysLeft: 0, fulfilledLate: false })
    expect(requestStanding(request, '2026-12-18')).toEqual({ state: 'late', daysLeft: -1, fulfilledLate: false })
  })

  test('fulfilled stays fulfilled whatever the day, and says whether it was late', () => {
    expect(requestStanding({ dueOn: '2026-12-17', fulfilledOn: '2026-12-17' }, '2027-03-01')).toEqual({ state: 'fulfilled', daysLeft: null, fulfilledLate: false })
    expect(requestStanding({ dueOn: '2026-12-17', fulfilledOn: '2026-12-18' }, '2026-12-18')).toEqual({ state: 'fulfilled', daysLeft: null, fulfilledLate: true })
  })

  test('a received day is never in the future nor more than a year back', () => {
    expect(receivedOnProblem('2026-11-18', '2026-11-18')).toBeNull()
    expect(receivedOnProblem('2026-11-19', '2026-11-18')).toBe('future')
    expect(RECEIVED_MAX_DAYS_AGO).toBe(366)
    expect(receivedOnProblem('2025-11-17', '2026-11-18')).toBeNull()
    expect(receivedOnProblem('2025-11-16', '2026-11-18')).toBe('tooOld')
  })
})
