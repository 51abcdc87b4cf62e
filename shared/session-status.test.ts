import { describe, expect, test } from 'vitest'
import { DEFAULT_MAKE_UP_REASONS, scheduledSessions, type MissReason, type ServiceSchedule } from './services.ts'
import { sessionRows, type RecordLike } from './session-status.ts'

const CLOSURES = new Set(['2026-11-26', '2026-11-27'])
const SERVICE: ServiceSchedule = {
  startDate: '2026-11-02',
  endDate: '2026-12-18',
  terms: [{ effectiveFrom: '2026-11-02', minutesPerSession: 30, weekdays: ['tue', 'thu'] }],
}
const owes = (reason: MissReason) => DEFAULT_MAKE_UP_REASONS.includes(reason)
let n = 0
const rec = (date: string, kind: RecordLike['kind'], extra: Partial<RecordLike> = {}): RecordLike => ({
  recordId: `r${n++}`,
  date,
  kind,
  minutes: kind === 'missed' ? null : 30,
  reason: null,
  repaysDate: null,
  voided: false,
  ...extra,
})

function rows(records: RecordLike[], asOf: string) {
  return sessionRows(scheduledSessions(SERVICE, CLOSURES, '2026-11-02', '2026-12-03'), records, CLOSURES, asOf, owes)
}

describe('sessionRows', () => {
  test('statuses as of Mon Nov 30: delivered, missed, unrecorded, pending (the window stretches over the holiday), upcoming', () => {
    const r = rows([rec('2026-11-03', 'delivered'), rec('2026-11-05', 'missed', { reason: 'provider_absent' })], '2026-11-30')
    const status = Object.fromEntries(r.map((x) => [x.date, x.status]))
    expect(status).toEqual({
      '2026-11-03': 'delivered',
      '2026-11-05': 'missed',
      '2026-11-10': 'unrecorded',
      '2026-11-12': 'unrecorded',
      '2026-11-17': 'unrecorded',
      // The last 5 instructional days up to Nov 30 are 20, 23, 24, 25, 30: Nov 19 is out, Nov 24 in.
      '2026-11-19': 'unrecorded',
      '2026-11-24': 'pending',
      '2026-12-01': 'upcoming',
      '2026-12-03': 'upcoming',
    })
  })

  test('a voided record does not count and is listed to show struck through', () => {
    const voided = rec('2026-11-03', 'delivered', { voided: true })
    const [first] = rows([voided], '2026-11-30')
    expect(first).toMatchObject({ status: 'unrecorded', record: null, voided: [voided] })
  })

  test('owed minutes: school misses and unrecorded owe, student absence does not, make-ups repay partly or fully', () => {
    const r = rows(
      [
        rec('2026-11-03', 'missed', { reason: 'provider_absent' }),
        rec('2026-11-05', 'missed', { reason: 'student_absent' }),
        rec('2026-11-13', 'make_up', { repaysDate: '2026-11-03', minutes: 20 }),
        rec('2026-11-20', 'make_up', { repaysDate: '2026-11-10', minutes: 30 }),
      ],
      '2026-11-30',
    )
    const owed = Object.fromEntries(r.map((x) => [x.date, x.owedMinutes]))
    expect(owed['2026-11-03']).toBe(10)
    expect(owed['2026-11-05']).toBe(0)
    expect(owed['2026-11-10']).toBe(0)
    expect(owed['2026-11-12']).toBe(30)
    expect(owed['2026-11-24']).toBe(0) // pending: not owed yet
  })
})
