import { describe, expect, test } from 'vitest'
import { serviceNumbers, weeklyTrend } from './accountability.ts'
import type { ServiceSchedule } from './services.ts'
import type { RecordLike } from './session-status.ts'

// November 2026: Mon 2 … Fri 27. Thanksgiving Thu 26 and Fri 27 are closures.
const CLOSURES = new Set(['2026-11-26', '2026-11-27'])
const SPEECH: ServiceSchedule = {
  startDate: '2026-11-02',
  endDate: '2027-06-11',
  terms: [{ effectiveFrom: '2026-11-02', minutesPerSession: 30, weekdays: ['tue', 'thu'] }],
}

let n = 0
function rec(date: string, kind: RecordLike['kind'], extra: Partial<RecordLike> = {}): RecordLike {
  return { recordId: `r${n++}`, date, kind, minutes: kind === 'missed' ? null : 30, reason: null, repaysDate: null, voided: false, ...extra }
}

describe('serviceNumbers (FORMATS.md worked examples)', () => {
  test('due, pending and unrecorded around asOf, with a closure', () => {
    // Tue/Thu from Nov 2 up to asOf Tue Nov 24: Nov 3, 5, 10, 12, 17, 19, 24 = 7 scheduled.
    // Last 5 instructional days up to Nov 24: Nov 18, 19, 20, 23, 24 → Nov 19 and 24 are pending if unrecorded.
    // Records: Nov 3, 5, 10 delivered; Nov 12 missed (provider absent); Nov 17 nothing (unrecorded); 19, 24 nothing (pending).
    const records = [rec('2026-11-03', 'delivered'), rec('2026-11-05', 'delivered'), rec('2026-11-10', 'delivered'), rec('2026-11-12', 'missed', { reason: 'provider_absent' })]
    const n = serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf: '2026-11-24' })
    // due = 7 − 2 pending = 5; mandated = 5 × 30 = 150; delivered 90; rate 90/150 = 0.6.
    // owed = 30 (provider absent) + 30 (unrecorded Nov 17) = 60; made up 0.
    expect(n).toEqual({
      minutesMandated: 150,
      minutesDelivered: 90,
      deliveryRate: 0.6,
      sessions: { due: 5, delivered: 3, missed: 1, unrecorded: 1, pending: 2, madeUp: 0 },
      missedByReason: { provider_absent: 1 },
      ledger: { minutesOwed: 60, minutesMadeUp: 0, balance: 60 },
      // The two latest due sessions (Nov 12 missed, Nov 17 unrecorded) are both misses; 2 school misses in 30 days.
      alerts: ['consecutive_misses', 'low_delivery_rate'],
    })
  })

  test('a recorded session inside the pending window counts as due; the closure week has only Tuesday', () => {
    // asOf Mon Nov 30: scheduled Nov 3 … 24 (7); Thursday 26 is a closure. Last 5 instructional days: 19, 20, 23, 24, 30.
    const records = ['2026-11-03', '2026-11-05', '2026-11-10', '2026-11-12', '2026-11-17', '2026-11-19', '2026-11-24'].map((d) => rec(d, 'delivered'))
    const n = serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf: '2026-11-30' })
    expect(n.sessions).toEqual({ due: 7, delivered: 7, missed: 0, unrecorded: 0, pending: 0, madeUp: 0 })
    expect(n.deliveryRate).toBe(1)
    expect(n.alerts).toEqual([])
  })

  test('a short session counts its minutes as delivered and its shortfall as owed', () => {
    const records = [rec('2026-11-03', 'delivered', { minutes: 20 }), rec('2026-11-05', 'delivered')]
    const n = serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf: '2026-11-12' })
    // asOf Thu Nov 12: scheduled 3, 5, 10, 12; pending = unrecorded within Nov 6, 9, 10, 11, 12 → 10 and 12.
    // due 2 (60 mandated), delivered 50 → 0.833; owed 10 (shortfall).
    expect(n.minutesMandated).toBe(60)
    expect(n.minutesDelivered).toBe(50)
    expect(n.deliveryRate).toBe(0.833)
    expect(n.ledger).toEqual({ minutesOwed: 10, minutesMadeUp: 0, balance: 10 })
    expect(n.sessions.pending).toBe(2)
  })

  test('student absence owes nothing under the default policy, and does under a district policy that says so', () => {
    const records = [rec('2026-11-03', 'missed', { reason: 'student_absent' }), rec('2026-11-05', 'delivered')]
    const asOf = '2026-11-12'
    expect(serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf }).ledger.minutesOwed).toBe(0)
    expect(serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf, owedReasons: ['student_absent'] }).ledger.minutesOwed).toBe(30)
  })

  test('make-ups count as delivered and reduce the balance, never below zero', () => {
    const records = [
      rec('2026-11-03', 'missed', { reason: 'staff_vacancy' }),
      rec('2026-11-05', 'missed', { reason: 'provider_absent' }),
      rec('2026-11-06', 'make_up', { repaysDate: '2026-11-03' }),
    ]
    const n = serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf: '2026-11-12' })
    // due: Nov 3, 5 (10 and 12 pending). mandated 60; delivered = make-up 30 → 0.5. owed 60, made up 30, balance 30.
    expect(n.minutesDelivered).toBe(30)
    expect(n.sessions.madeUp).toBe(1)
    expect(n.ledger).toEqual({ minutesOwed: 60, minutesMadeUp: 30, balance: 30 })
    expect(n.missedByReason).toEqual({ staff_vacancy: 1, provider_absent: 1 })
  })

  test('an amendment changes the mandate of later sessions only', () => {
    const amended: ServiceSchedule = {
      ...SPEECH,
      terms: [SPEECH.terms[0]!, { effectiveFrom: '2026-11-09', minutesPerSession: 45, weekdays: ['wed'] }],
    }
    // asOf Mon Nov 23: Tue 3, Thu 5 (30 each), then Wed 11, 18 (45 each); pending window Nov 17–23 → 18 pending.
    const n = serviceNumbers({ service: amended, records: [], closures: CLOSURES, asOf: '2026-11-23' })
    expect(n.sessions).toMatchObject({ due: 3, pending: 1, unrecorded: 3 })
    expect(n.minutesMandated).toBe(30 + 30 + 45)
  })

  test('a service that starts mid-period, and one that ended, count only their own dates', () => {
    const late: ServiceSchedule = { ...SPEECH, startDate: '2026-11-10' }
    // Scheduled 10, 12, 17, 19, 24; the last 5 instructional days up to Mon Nov 30 are 20, 23, 24, 25, 30
    // (26 and 27 closed), so the unrecorded Nov 24 is still pending.
    expect(serviceNumbers({ service: late, records: [], closures: CLOSURES, asOf: '2026-11-30' }).sessions).toMatchObject({ due: 4, pending: 1 })
    const ended: ServiceSchedule = { ...SPEECH, endDate: '2026-11-05' }
    const n = serviceNumbers({ service: ended, records: [], closures: CLOSURES, asOf: '2026-11-30' })
    expect(n.sessions.due).toBe(2)
    expect(n.sessions.pending).toBe(0)
  })

  test('voided records and records after asOf are ignored; nothing due means a rate of 1', () => {
    const records = [rec('2026-11-03', 'delivered', { voided: true }), rec('2026-11-12', 'delivered')]
    const n = serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf: '2026-11-05' })
    // Nov 3 and 5 are within the pending window of asOf Nov 5 (Oct 30, Nov 2–5), so nothing is due.
    expect(n.sessions).toEqual({ due: 0, delivered: 0, missed: 0, unrecorded: 0, pending: 2, madeUp: 0 })
    expect(n.minutesDelivered).toBe(0)
    expect(n.deliveryRate).toBe(1)
    expect(n.alerts).toEqual([])
  })

  test('repeated school misses: three within the 30 calendar days ending at asOf, not a day more', () => {
    const records = [
      rec('2026-11-03', 'missed', { reason: 'provider_absent' }),
      rec('2026-11-05', 'delivered'),
      rec('2026-11-10', 'missed', { reason: 'scheduling_conflict' }),
      rec('2026-11-12', 'delivered'),
      rec('2026-11-17', 'missed', { reason: 'provider_other_duty' }),
      rec('2026-11-19', 'delivered'),
      rec('2026-11-24', 'delivered'),
      rec('2026-12-01', 'delivered'),
    ]
    // 30 calendar days ending Wed Dec 2 start Nov 3: all three misses inside.
    expect(serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf: '2026-12-02' }).alerts).toContain('repeated_school_misses')
    // Ending Thu Dec 3 they start Nov 4: the Nov 3 miss falls out.
    expect(serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf: '2026-12-03' }).alerts).not.toContain('repeated_school_misses')
  })

  test('student-reason misses make consecutive misses but not repeated school misses', () => {
    const records = [rec('2026-11-03', 'missed', { reason: 'student_absent' }), rec('2026-11-05', 'missed', { reason: 'student_declined' })]
    const n = serviceNumbers({ service: SPEECH, records, closures: CLOSURES, asOf: '2026-11-12' })
    expect(n.alerts).toEqual(['consecutive_misses', 'low_delivery_rate'])
  })
})

describe('weeklyTrend', () => {
  test('Monday-based weeks of mandated and delivered minutes, make-ups in the week they were held', () => {
    const records = [rec('2026-11-03', 'delivered'), rec('2026-11-05', 'missed', { reason: 'provider_absent' }), rec('2026-11-09', 'make_up', { repaysDate: '2026-11-05' })]
    expect(weeklyTrend({ service: SPEECH, records, closures: CLOSURES, asOf: '2026-11-12' })).toEqual([
      { weekOf: '2026-11-02', mandated: 60, delivered: 30 },
      { weekOf: '2026-11-09', mandated: 60, delivered: 30 },
    ])
  })
})
