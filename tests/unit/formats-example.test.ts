import { expect, test } from 'vitest'
import { accommodationFidelity, type CheckStatus } from '#shared/accommodation-fidelity.ts'
import { serviceNumbers } from '#shared/accountability.ts'
import { delivered, makeUp, missed } from '#tests/fixtures/builders.ts'

// The worked example of docs/formats.md#worked-example, so the page cannot drift from the code.
const closures = new Set(['2026-09-17'])

test('the speech service of the worked example', () => {
  const numbers = serviceNumbers({
    service: { startDate: '2026-09-01', endDate: '2027-06-11', terms: [{ effectiveFrom: '2026-09-01', minutesPerSession: 30, weekdays: ['tue', 'thu'] }] },
    records: [
      delivered('2026-09-01'),
      missed('2026-09-03', 'provider_absent'),
      delivered('2026-09-08', 20),
      missed('2026-09-10', 'student_absent'),
      makeUp('2026-09-16', '2026-09-03'),
      delivered('2026-09-24'),
    ],
    closures,
    asOf: '2026-09-24',
  })
  expect(numbers).toEqual({
    minutesMandated: 180,
    minutesDelivered: 110,
    deliveryRate: 0.611,
    sessions: { due: 6, delivered: 3, missed: 2, unrecorded: 1, pending: 1, madeUp: 1 },
    missedByReason: { provider_absent: 1, student_absent: 1 },
    ledger: { minutesOwed: 70, minutesMadeUp: 30, balance: 40 },
    alerts: ['low_delivery_rate'],
  })
})

test('the Break card of the worked example', () => {
  const check = (date: string, status: CheckStatus) => ({ date, status, recordedAt: `${date}T10:00:00.000Z` })
  const fidelity = accommodationFidelity({
    applies: { kind: 'daily' },
    startDate: '2026-09-14',
    closures,
    asOf: '2026-09-24',
    records: [
      check('2026-09-14', 'used'),
      check('2026-09-15', 'used'),
      check('2026-09-16', 'not_needed'),
      check('2026-09-18', 'not_provided'),
      check('2026-09-21', 'used'),
      check('2026-09-22', 'declined'),
      check('2026-09-23', 'used'),
    ],
  })
  expect(fidelity).toMatchObject({ applicableDays: 8, recordedDays: 7, usedDays: 4, fidelity: 0.571 })
})
