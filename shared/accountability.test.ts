import { describe, expect, test } from 'vitest'
import { accommodationFidelity } from './accommodation-fidelity.ts'
import { ALERTS, serviceNumbers, weeklyTrend, type ServiceNumbers } from './accountability.ts'
import { instructionalDaysBetween } from './school-calendar.ts'
import { DEFAULT_MAKE_UP_REASONS, type ServiceSchedule, type ServiceTerm } from './services.ts'
import type { RecordLike } from './session-status.ts'
import { delivered, makeUp, missed } from '#tests/fixtures/builders.ts'

/*
 * Worked examples of docs/formats.md#accountability-numbers, each computed by hand in its comment.
 *
 * Calendar (2026):           Mon    Tue    Wed    Thu    Fri
 *                            Oct 19 Oct 20 Oct 21 Oct 22 Oct 23
 *                            Oct 26 Oct 27 Oct 28 Oct 29 Oct 30
 *                            Nov 2  Nov 3  Nov 4  Nov 5  Nov 6
 *                            Nov 9  Nov 10 Nov 11 Nov 12 Nov 13   ← Thu Nov 12 is a closure (staff day)
 *                            Nov 16 Nov 17 Nov 18 Nov 19 Nov 20
 *                            Nov 23 Nov 24 Nov 25 Nov 26 Nov 27
 * "Window" below = the last 5 instructional days up to asOf (asOf included): an unrecorded session in it is
 * pending, not due.
 */
const CLOSED = new Set(['2026-11-12'])
const NO_CLOSURES = new Set<string>()

const TUE_THU_30: ServiceTerm = { effectiveFrom: '2026-10-01', minutesPerSession: 30, weekdays: ['tue', 'thu'] }

function service(startDate: string, endDate = '2027-06-11', terms: ServiceTerm[] = [TUE_THU_30]): ServiceSchedule {
  return { startDate, endDate, terms }
}

describe('serviceNumbers (worked examples of docs/formats.md)', () => {
  describe('(a) due, pending and unrecorded around asOf, with a closure', () => {
    // Tue/Thu 30 min from Mon Oct 26; Thu Nov 12 closed. Scheduled up to Nov 18: Oct 27, 29, Nov 3, 5, 10, 17 (6).
    // Delivered Oct 27, 29 and Nov 5; nothing recorded for Nov 3, 10, 17.
    const svc = service('2026-10-26')
    const records = [delivered('2026-10-27'), delivered('2026-10-29'), delivered('2026-11-05')]

    test('asOf Tue Nov 17: the closure stretches the window back to Nov 10, so Nov 10 (4 days back) is still pending', () => {
      // Window: Nov 17, 16, 13, 11, 10 (12 closed, 14–15 weekend). Pending: Nov 10, 17 → 2.
      // Due: Oct 27, 29, Nov 3, 5 → 4; delivered 3; unrecorded 1 (Nov 3: well before the window).
      // Mandated 30 × 4 = 120; delivered 90; rate 90/120 = 0.75.
      // Owed: unrecorded Nov 3 = 30; made up 0; balance 30.
      // Alerts: latest two due Nov 3 (unrecorded), Nov 5 (delivered) → no consecutive; 1 school miss → no repeated;
      // 0.75 < 0.9 → low.
      expect(serviceNumbers({ service: svc, records, closures: CLOSED, asOf: '2026-11-17' })).toEqual<ServiceNumbers>({
        minutesMandated: 120,
        minutesDelivered: 90,
        deliveryRate: 0.75,
        sessions: { due: 4, delivered: 3, missed: 0, unrecorded: 1, pending: 2, madeUp: 0 },
        missedByReason: {},
        ledger: { minutesOwed: 30, minutesMadeUp: 0, balance: 30 },
        alerts: ['low_delivery_rate'],
      })
    })

    test('asOf Wed Nov 18: Nov 10 is now 5 instructional days back (11, 13, 16, 17, 18 after it) and unrecorded', () => {
      // Window: Nov 18, 17, 16, 13, 11. Scheduled still 6 (Nov 19 is after asOf). Pending: Nov 17 → 1.
      // Due: Oct 27, 29, Nov 3, 5, 10 → 5; delivered 3; unrecorded 2 (Nov 3, 10).
      // Mandated 150; delivered 90; rate 0.6. Owed 2 × 30 = 60; balance 60.
      // Alerts: latest two due Nov 5 (delivered), Nov 10 (unrecorded) → no consecutive; 2 school misses → no repeated.
      expect(serviceNumbers({ service: svc, records, closures: CLOSED, asOf: '2026-11-18' })).toEqual<ServiceNumbers>({
        minutesMandated: 150,
        minutesDelivered: 90,
        deliveryRate: 0.6,
        sessions: { due: 5, delivered: 3, missed: 0, unrecorded: 2, pending: 1, madeUp: 0 },
        missedByReason: {},
        ledger: { minutesOwed: 60, minutesMadeUp: 0, balance: 60 },
        alerts: ['low_delivery_rate'],
      })
    })

    test('the same records without the closure: Nov 12 is a session, and Nov 10 is 5 days back at Nov 17', () => {
      // Scheduled up to Nov 17: Oct 27, 29, Nov 3, 5, 10, 12, 17 → 7. Window: Nov 11, 12, 13, 16, 17.
      // Pending: Nov 12, 17 → 2. Due: Oct 27, 29, Nov 3, 5, 10 → 5; delivered 3; unrecorded 2 (Nov 3, 10).
      // Mandated 150; delivered 90; rate 0.6. Owed 60; balance 60. Alerts: Nov 5 delivered, Nov 10 unrecorded → low only.
      expect(serviceNumbers({ service: svc, records, closures: NO_CLOSURES, asOf: '2026-11-17' })).toEqual<ServiceNumbers>({
        minutesMandated: 150,
        minutesDelivered: 90,
        deliveryRate: 0.6,
        sessions: { due: 5, delivered: 3, missed: 0, unrecorded: 2, pending: 2, madeUp: 0 },
        missedByReason: {},
        ledger: { minutesOwed: 60, minutesMadeUp: 0, balance: 60 },
        alerts: ['low_delivery_rate'],
      })
    })

    test('a session recorded inside the window is due, not pending', () => {
      // asOf Nov 17 with Nov 10 delivered: pending Nov 17 only → 1. Due: Oct 27, 29, Nov 3, 5, 10 → 5;
      // delivered 4; unrecorded 1 (Nov 3). Mandated 150; delivered 120; rate 0.8. Owed 30; balance 30.
      // Alerts: latest two due Nov 5, Nov 10 delivered → no consecutive; 0.8 < 0.9 → low.
      const withNov10 = [...records, delivered('2026-11-10')]
      expect(serviceNumbers({ service: svc, records: withNov10, closures: CLOSED, asOf: '2026-11-17' })).toEqual<ServiceNumbers>({
        minutesMandated: 150,
        minutesDelivered: 120,
        deliveryRate: 0.8,
        sessions: { due: 5, delivered: 4, missed: 0, unrecorded: 1, pending: 1, madeUp: 0 },
        missedByReason: {},
        ledger: { minutesOwed: 30, minutesMadeUp: 0, balance: 30 },
        alerts: ['low_delivery_rate'],
      })
    })
  })

  test('(b) a short session: its minutes count as delivered and its shortfall is owed; a long one owes nothing', () => {
    // asOf Thu Nov 5, from Oct 26: scheduled Oct 27, 29, Nov 3, 5 (4), all recorded → due 4, pending 0.
    // Delivered 30, 20, 35, 30 → minutesDelivered 115; mandated 120; rate 115/120 = 0.95833… → 0.958.
    // Owed: shortfall of Oct 29 = 30 − 20 = 10 (Nov 3's 5 extra minutes are delivered, not a credit); balance 10.
    // Alerts: no misses; 0.958 ≥ 0.9 → none.
    const records = [delivered('2026-10-27'), delivered('2026-10-29', 20), delivered('2026-11-03', 35), delivered('2026-11-05')]
    expect(serviceNumbers({ service: service('2026-10-26'), records, closures: CLOSED, asOf: '2026-11-05' })).toEqual<ServiceNumbers>({
      minutesMandated: 120,
      minutesDelivered: 115,
      deliveryRate: 0.958,
      sessions: { due: 4, delivered: 4, missed: 0, unrecorded: 0, pending: 0, madeUp: 0 },
      missedByReason: {},
      ledger: { minutesOwed: 10, minutesMadeUp: 0, balance: 10 },
      alerts: [],
    })
  })

  describe('(c) who owes a make-up', () => {
    // asOf Thu Nov 19, from Oct 26: scheduled Oct 27, 29, Nov 3, 5, 10, 17, 19 (7; Nov 12 closed); window
    // Nov 13, 16, 17, 18, 19 but Nov 17 and 19 are recorded → due 7, pending 0.
    const records = [
      missed('2026-10-27', 'provider_absent'),
      delivered('2026-10-29'),
      missed('2026-11-03', 'provider_other_duty'),
      missed('2026-11-05', 'student_absent'),
      missed('2026-11-10', 'scheduling_conflict'),
      delivered('2026-11-17'),
      missed('2026-11-19', 'staff_vacancy'),
    ]
    const input = { service: service('2026-10-26'), records, closures: CLOSED, asOf: '2026-11-19' }
    // Delivered 2 (60 min), missed 5; mandated 210; rate 60/210 = 0.2857… → 0.286.
    // Alerts: latest two due Nov 17 (delivered), Nov 19 → no consecutive; school misses in Oct 21…Nov 19:
    // Oct 27, Nov 3, 10, 19 → 4 ≥ 3 → repeated; 0.286 → low.
    const common = {
      minutesMandated: 210,
      minutesDelivered: 60,
      deliveryRate: 0.286,
      sessions: { due: 7, delivered: 2, missed: 5, unrecorded: 0, pending: 0, madeUp: 0 },
      missedByReason: { provider_absent: 1, provider_other_duty: 1, student_absent: 1, scheduling_conflict: 1, staff_vacancy: 1 },
      alerts: ['repeated_school_misses', 'low_delivery_rate'],
    } satisfies Omit<ServiceNumbers, 'ledger'>

    test('default policy: the four school reasons owe 30 each, student_absent owes nothing', () => {
      // Owed 4 × 30 = 120; made up 0; balance 120.
      expect(serviceNumbers(input)).toEqual<ServiceNumbers>({ ...common, ledger: { minutesOwed: 120, minutesMadeUp: 0, balance: 120 } })
    })

    test('a school policy that also owes for student absence: 5 × 30 = 150; the alerts do not change', () => {
      const owedReasons = [...DEFAULT_MAKE_UP_REASONS, 'student_absent' as const]
      expect(serviceNumbers({ ...input, owedReasons })).toEqual<ServiceNumbers>({ ...common, ledger: { minutesOwed: 150, minutesMadeUp: 0, balance: 150 } })
    })

    test('student unavailable and student declined owe nothing by default, but are misses', () => {
      // asOf Fri Oct 30: scheduled Oct 27, 29, both recorded → due 2, pending 0. Delivered 0; mandated 60; rate 0.
      // Owed 0. Alerts: both latest due sessions missed (any reason) → consecutive; no school miss → no repeated; low.
      const n = serviceNumbers({
        service: service('2026-10-26'),
        records: [missed('2026-10-27', 'student_unavailable'), missed('2026-10-29', 'student_declined')],
        closures: CLOSED,
        asOf: '2026-10-30',
      })
      expect(n).toEqual<ServiceNumbers>({
        minutesMandated: 60,
        minutesDelivered: 0,
        deliveryRate: 0,
        sessions: { due: 2, delivered: 0, missed: 2, unrecorded: 0, pending: 0, madeUp: 0 },
        missedByReason: { student_unavailable: 1, student_declined: 1 },
        ledger: { minutesOwed: 0, minutesMadeUp: 0, balance: 0 },
        alerts: ['consecutive_misses', 'low_delivery_rate'],
      })
    })
  })

  describe('(d) make-ups', () => {
    // asOf Fri Nov 6, from Oct 26: scheduled Oct 27, 29, Nov 3, 5 (window Nov 2–6, Nov 3 and 5 recorded) → due 4.
    const records = [
      missed('2026-10-27', 'provider_absent'),
      missed('2026-10-29', 'staff_vacancy'),
      makeUp('2026-10-30', '2026-10-27', 30),
      makeUp('2026-11-02', '2026-10-29', 20),
      delivered('2026-11-03'),
      delivered('2026-11-05'),
    ]
    const input = { service: service('2026-10-26'), records, closures: CLOSED, asOf: '2026-11-06' }

    test('count in minutesDelivered, minutesMadeUp and sessions.madeUp, and reduce the balance', () => {
      // minutesDelivered = 30 + 30 (delivered) + 30 + 20 (make-ups) = 110; mandated 120; rate 0.91666… → 0.917.
      // Owed 2 × 30 = 60; made up 50; balance 10. Alerts: latest two due Nov 3, 5 delivered; 2 school misses;
      // 0.917 ≥ 0.9 → none.
      expect(serviceNumbers(input)).toEqual<ServiceNumbers>({
        minutesMandated: 120,
        minutesDelivered: 110,
        deliveryRate: 0.917,
        sessions: { due: 4, delivered: 2, missed: 2, unrecorded: 0, pending: 0, madeUp: 2 },
        missedByReason: { provider_absent: 1, staff_vacancy: 1 },
        ledger: { minutesOwed: 60, minutesMadeUp: 50, balance: 10 },
        alerts: [],
      })
    })

    test('the balance never goes below zero, and the rate may exceed 1', () => {
      // Another 30-minute make-up on Fri Nov 6: delivered 140; rate 140/120 = 1.1666… → 1.167;
      // made up 80 > owed 60 → balance max(0, −20) = 0; 3 make-ups.
      expect(serviceNumbers({ ...input, records: [...records, makeUp('2026-11-06', '2026-10-29', 30)] })).toEqual<ServiceNumbers>({
        minutesMandated: 120,
        minutesDelivered: 140,
        deliveryRate: 1.167,
        sessions: { due: 4, delivered: 2, missed: 2, unrecorded: 0, pending: 0, madeUp: 3 },
        missedByReason: { provider_absent: 1, staff_vacancy: 1 },
        ledger: { minutesOwed: 60, minutesMadeUp: 80, balance: 0 },
        alerts: [],
      })
    })
  })

  test('(e) an amendment from Wed Nov 4 (30 → 45 min) changes the mandate of later sessions only', () => {
    // asOf Thu Nov 19: scheduled Oct 27, 29, Nov 3 (30 each), Nov 5, 10, 17, 19 (45 each) → 7 (Nov 12 closed).
    // Window Nov 13, 16, 17, 18, 19: Nov 17 and 19 unrecorded → pending 2. Due: Oct 27, 29, Nov 3, 5, 10 → 5.
    // Mandated 3 × 30 + 2 × 45 = 180; delivered 4 × 30 = 120; rate 0.6666… → 0.667.
    // Owed: Nov 5 shortfall 45 − 30 = 15, Nov 10 provider absent 45 → 60; balance 60.
    // Alerts: latest two due Nov 5 (delivered), Nov 10 (missed) → no consecutive; 1 school miss; low.
    const amended = service('2026-10-26', '2027-06-11', [TUE_THU_30, { effectiveFrom: '2026-11-04', minutesPerSession: 45, weekdays: ['tue', 'thu'] }])
    const records = [
      delivered('2026-10-27'),
      delivered('2026-10-29'),
      delivered('2026-11-03'),
      delivered('2026-11-05', 30),
      missed('2026-11-10', 'provider_absent'),
    ]
    expect(serviceNumbers({ service: amended, records, closures: CLOSED, asOf: '2026-11-19' })).toEqual<ServiceNumbers>({
      minutesMandated: 180,
      minutesDelivered: 120,
      deliveryRate: 0.667,
      sessions: { due: 5, delivered: 4, missed: 1, unrecorded: 0, pending: 2, madeUp: 0 },
      missedByReason: { provider_absent: 1 },
      ledger: { minutesOwed: 60, minutesMadeUp: 0, balance: 60 },
      alerts: ['low_delivery_rate'],
    })
  })

  describe('(f) service dates', () => {
    test('a service starting Thu Nov 5 owes nothing before it', () => {
      // asOf Fri Nov 20: scheduled Nov 5, 10, 17, 19 (not Oct 27…Nov 3; Nov 12 closed). Window Nov 16–20:
      // Nov 19 unrecorded → pending 1. Due: Nov 5, 10, 17 → 3: delivered 2, missed 1.
      // Mandated 90; delivered 60; rate 0.667. Owed 30 (provider absent); balance 30.
      // Alerts: latest two due Nov 10 (missed), Nov 17 (delivered) → no consecutive; low.
      const records = [delivered('2026-11-05'), missed('2026-11-10', 'provider_absent'), delivered('2026-11-17')]
      expect(serviceNumbers({ service: service('2026-11-05'), records, closures: CLOSED, asOf: '2026-11-20' })).toEqual<ServiceNumbers>({
        minutesMandated: 90,
        minutesDelivered: 60,
        deliveryRate: 0.667,
        sessions: { due: 3, delivered: 2, missed: 1, unrecorded: 0, pending: 1, madeUp: 0 },
        missedByReason: { provider_absent: 1 },
        ledger: { minutesOwed: 30, minutesMadeUp: 0, balance: 30 },
        alerts: ['low_delivery_rate'],
      })
    })

    test('a service that ended Tue Nov 10 owes nothing after it', () => {
      // asOf Fri Nov 20: scheduled Oct 27, 29, Nov 3, 5, 10 (not Nov 17, 19) → 5; none in the window Nov 16–20
      // → pending 0, due 5: delivered 3, missed 1 (student absent), unrecorded 1 (Nov 10).
      // Mandated 150; delivered 90; rate 0.6. Owed 30 (unrecorded; student absence owes nothing); balance 30.
      // Alerts: latest two due Nov 5 (missed), Nov 10 (unrecorded) → consecutive; 1 school-like miss → no repeated; low.
      const records = [delivered('2026-10-27'), delivered('2026-10-29'), delivered('2026-11-03'), missed('2026-11-05', 'student_absent')]
      expect(serviceNumbers({ service: service('2026-10-26', '2026-11-10'), records, closures: CLOSED, asOf: '2026-11-20' })).toEqual<ServiceNumbers>({
        minutesMandated: 150,
        minutesDelivered: 90,
        deliveryRate: 0.6,
        sessions: { due: 5, delivered: 3, missed: 1, unrecorded: 1, pending: 0, madeUp: 0 },
        missedByReason: { student_absent: 1 },
        ledger: { minutesOwed: 30, minutesMadeUp: 0, balance: 30 },
        alerts: ['consecutive_misses', 'low_delivery_rate'],
      })
    })
  })

  test('(g) voided records and records after asOf are ignored', () => {
    // asOf Fri Nov 6, from Oct 26: scheduled Oct 27, 29, Nov 3, 5; window Nov 2–6.
    // Oct 27: a voided "delivered", corrected to missed (provider absent) → missed.
    // Oct 29: only a voided record → unrecorded (due, before the window).
    // Nov 3: only a voided record → still pending. Nov 5: delivered.
    // Ignored: the voided make-up of Nov 2; the make-up of Mon Nov 9 and the session of Nov 10 (after asOf).
    // Pending 1; due 3: delivered 1, missed 1, unrecorded 1; made up 0.
    // Mandated 90; delivered 30; rate 0.3333… → 0.333. Owed 30 + 30 = 60; balance 60.
    // Alerts: latest two due Oct 29 (unrecorded), Nov 5 (delivered) → no consecutive; 2 school misses; low.
    const records = [
      delivered('2026-10-27', 30, true),
      missed('2026-10-27', 'provider_absent'),
      delivered('2026-10-29', 30, true),
      makeUp('2026-11-02', '2026-10-27', 30, true),
      delivered('2026-11-03', 30, true),
      delivered('2026-11-05'),
      makeUp('2026-11-09', '2026-10-27'),
      delivered('2026-11-10'),
    ]
    expect(serviceNumbers({ service: service('2026-10-26'), records, closures: CLOSED, asOf: '2026-11-06' })).toEqual<ServiceNumbers>({
      minutesMandated: 90,
      minutesDelivered: 30,
      deliveryRate: 0.333,
      sessions: { due: 3, delivered: 1, missed: 1, unrecorded: 1, pending: 1, madeUp: 0 },
      missedByReason: { provider_absent: 1 },
      ledger: { minutesOwed: 60, minutesMadeUp: 0, balance: 60 },
      alerts: ['low_delivery_rate'],
    })
  })

  describe('(h) deliveryRate', () => {
    test('rounds to 3 decimals: 203/400 = 0.5075 → 0.508 (half up, and half to even alike)', () => {
      // Tue/Thu 40 min, Oct 19 – Nov 19, no closures: Oct 20, 22, 27, 29, Nov 3, 5, 10, 12, 17, 19 → 10.
      // asOf Fri Nov 27: window Nov 23–27 holds no session → due 10, pending 0.
      // Delivered 4 × 40 + 43 = 203; missed 5 (student absent). Mandated 400; rate 203/400 = 0.5075 → 0.508.
      // Owed 0 (student absence owes nothing, and the 43-minute session has no shortfall).
      // Alerts: latest two due Nov 17, 19 missed → consecutive; no school miss; low.
      const svc = service('2026-10-19', '2026-11-19', [{ effectiveFrom: '2026-10-01', minutesPerSession: 40, weekdays: ['tue', 'thu'] }])
      const records = [
        ...['2026-10-20', '2026-10-22', '2026-10-27', '2026-10-29'].map((d) => delivered(d, 40)),
        delivered('2026-11-03', 43),
        ...['2026-11-05', '2026-11-10', '2026-11-12', '2026-11-17', '2026-11-19'].map((d) => missed(d, 'student_absent')),
      ]
      expect(serviceNumbers({ service: svc, records, closures: NO_CLOSURES, asOf: '2026-11-27' })).toEqual<ServiceNumbers>({
        minutesMandated: 400,
        minutesDelivered: 203,
        deliveryRate: 0.508,
        sessions: { due: 10, delivered: 5, missed: 5, unrecorded: 0, pending: 0, madeUp: 0 },
        missedByReason: { student_absent: 5 },
        ledger: { minutesOwed: 0, minutesMadeUp: 0, balance: 0 },
        alerts: ['consecutive_misses', 'low_delivery_rate'],
      })
    })

    test('is 1 when nothing is due, even with an unrecorded session pending, and raises no alert', () => {
      // From Mon Nov 16, asOf Wed Nov 18: scheduled Nov 17 only, unrecorded, in the window → pending 1, due 0.
      expect(serviceNumbers({ service: service('2026-11-16'), records: [], closures: CLOSED, asOf: '2026-11-18' })).toEqual<ServiceNumbers>({
        minutesMandated: 0,
        minutesDelivered: 0,
        deliveryRate: 1,
        sessions: { due: 0, delivered: 0, missed: 0, unrecorded: 0, pending: 1, madeUp: 0 },
        missedByReason: {},
        ledger: { minutesOwed: 0, minutesMadeUp: 0, balance: 0 },
        alerts: [],
      })
    })
  })

  describe('(i) alerts', () => {
    test('repeated_school_misses: a miss 29 days before asOf is inside the 30 days, one 30 days before is not', () => {
      // From Mon Oct 19; Nov 12 closed. School misses Tue Oct 20, Thu Oct 29, Tue Nov 10; every other session delivered.
      const records = [
        missed('2026-10-20', 'provider_absent'),
        delivered('2026-10-22'),
        delivered('2026-10-27'),
        missed('2026-10-29', 'staff_vacancy'),
        delivered('2026-11-03'),
        delivered('2026-11-05'),
        missed('2026-11-10', 'scheduling_conflict'),
        delivered('2026-11-17'),
        delivered('2026-11-19'),
      ]
      const input = { service: service('2026-10-19'), records, closures: CLOSED }
      const missedByReason = { provider_absent: 1, staff_vacancy: 1, scheduling_conflict: 1 }
      // asOf Wed Nov 18: scheduled Oct 20, 22, 27, 29, Nov 3, 5, 10, 17 → 8, all recorded → due 8, pending 0.
      // Delivered 5 (150 min); mandated 240; rate 0.625. Owed 3 × 30 = 90.
      // The 30 calendar days ending Nov 18 start Oct 20 (Nov 18 − 29): Oct 20, 29, Nov 10 → 3 → repeated.
      // Latest two due Nov 10 (missed), Nov 17 (delivered) → no consecutive.
      expect(serviceNumbers({ ...input, asOf: '2026-11-18' })).toEqual<ServiceNumbers>({
        minutesMandated: 240,
        minutesDelivered: 150,
        deliveryRate: 0.625,
        sessions: { due: 8, delivered: 5, missed: 3, unrecorded: 0, pending: 0, madeUp: 0 },
        missedByReason,
        ledger: { minutesOwed: 90, minutesMadeUp: 0, balance: 90 },
        alerts: ['repeated_school_misses', 'low_delivery_rate'],
      })
      // asOf Thu Nov 19: + Nov 19 delivered → due 9, delivered 6 (180 min); mandated 270; rate 0.6666… → 0.667.
      // The 30 days now start Oct 21: Oct 20 is 30 days back and falls out → 2 → no repeated.
      expect(serviceNumbers({ ...input, asOf: '2026-11-19' })).toEqual<ServiceNumbers>({
        minutesMandated: 270,
        minutesDelivered: 180,
        deliveryRate: 0.667,
        sessions: { due: 9, delivered: 6, missed: 3, unrecorded: 0, pending: 0, madeUp: 0 },
        missedByReason,
        ledger: { minutesOwed: 90, minutesMadeUp: 0, balance: 90 },
        alerts: ['low_delivery_rate'],
      })
    })

    describe('repeated_school_misses counts unrecorded sessions, not student reasons nor pending sessions', () => {
      // From Mon Oct 19, asOf Fri Nov 20: scheduled Oct 20, 22, 27, 29, Nov 3, 5, 10, 17, 19 → 9 (Nov 12 closed).
      // Window Nov 16–20: Nov 19 left unrecorded → pending 1; due 8. Delivered Oct 20, 22, 29, Nov 5, 17 (150 min);
      // mandated 240; rate 0.625. The 30 days ending Nov 20 start Oct 22.
      const delivers = ['2026-10-20', '2026-10-22', '2026-10-29', '2026-11-05', '2026-11-17'].map((d) => delivered(d))
      const input = { service: service('2026-10-19'), closures: CLOSED, asOf: '2026-11-20' }

      test('one provider absence and two unrecorded sessions make three', () => {
        // Oct 27 provider absent; Nov 3 and Nov 10 unrecorded → 3 in the window → repeated.
        // Owed 3 × 30 = 90. Latest two due Nov 10 (unrecorded), Nov 17 (delivered) → no consecutive.
        expect(serviceNumbers({ ...input, records: [...delivers, missed('2026-10-27', 'provider_absent')] })).toEqual<ServiceNumbers>({
          minutesMandated: 240,
          minutesDelivered: 150,
          deliveryRate: 0.625,
          sessions: { due: 8, delivered: 5, missed: 1, unrecorded: 2, pending: 1, madeUp: 0 },
          missedByReason: { provider_absent: 1 },
          ledger: { minutesOwed: 90, minutesMadeUp: 0, balance: 90 },
          alerts: ['repeated_school_misses', 'low_delivery_rate'],
        })
      })

      test('three student-reason misses do not', () => {
        // Oct 27 declined, Nov 3 and Nov 10 absent: 0 school misses → no repeated; owed 0.
        const records = [...delivers, missed('2026-10-27', 'student_declined'), missed('2026-11-03', 'student_absent'), missed('2026-11-10', 'student_absent')]
        expect(serviceNumbers({ ...input, records })).toEqual<ServiceNumbers>({
          minutesMandated: 240,
          minutesDelivered: 150,
          deliveryRate: 0.625,
          sessions: { due: 8, delivered: 5, missed: 3, unrecorded: 0, pending: 1, madeUp: 0 },
          missedByReason: { student_declined: 1, student_absent: 2 },
          ledger: { minutesOwed: 0, minutesMadeUp: 0, balance: 0 },
          alerts: ['low_delivery_rate'],
        })
      })
    })

    test('consecutive_misses: a miss then an unrecorded session; a later make-up and pending sessions do not break it', () => {
      // From Mon Oct 26, asOf Tue Nov 17: scheduled Oct 27, 29, Nov 3, 5, 10, 17; window Nov 10, 11, 13, 16, 17.
      // Nov 10, 17 unrecorded → pending 2. Due: Oct 27 (d), Oct 29 (d), Nov 3 (student unavailable), Nov 5 (unrecorded).
      // Make-up Mon Nov 9 repays Nov 5. Delivered 60 + 30 = 90; mandated 120; rate 0.75.
      // Owed 30 (unrecorded Nov 5); made up 30; balance 0.
      // Latest two due Nov 3 (missed), Nov 5 (unrecorded) → consecutive; 1 school-like miss → no repeated; low.
      const records = [delivered('2026-10-27'), delivered('2026-10-29'), missed('2026-11-03', 'student_unavailable'), makeUp('2026-11-09', '2026-11-05')]
      expect(serviceNumbers({ service: service('2026-10-26'), records, closures: CLOSED, asOf: '2026-11-17' })).toEqual<ServiceNumbers>({
        minutesMandated: 120,
        minutesDelivered: 90,
        deliveryRate: 0.75,
        sessions: { due: 4, delivered: 2, missed: 1, unrecorded: 1, pending: 2, madeUp: 1 },
        missedByReason: { student_unavailable: 1 },
        ledger: { minutesOwed: 30, minutesMadeUp: 30, balance: 0 },
        alerts: ['consecutive_misses', 'low_delivery_rate'],
      })
    })

    test('all three, in the order docs/formats.md lists them', () => {
      // From Mon Oct 26, asOf Thu Nov 19: scheduled Oct 27, 29, Nov 3, 5, 10, 17, 19 → 7; Nov 17, 19 unrecorded in
      // the window Nov 13–19 → pending 2; due 5: delivered Oct 27, Nov 3 (60 min), missed Oct 29, Nov 5, Nov 10.
      // Mandated 150; rate 0.4. Owed 90. Latest two due Nov 5, Nov 10 missed → consecutive; 3 school misses since
      // Oct 21 → repeated; 0.4 → low.
      const records = [
        delivered('2026-10-27'),
        missed('2026-10-29', 'scheduling_conflict'),
        delivered('2026-11-03'),
        missed('2026-11-05', 'provider_absent'),
        missed('2026-11-10', 'staff_vacancy'),
      ]
      const n = serviceNumbers({ service: service('2026-10-26'), records, closures: CLOSED, asOf: '2026-11-19' })
      expect(n).toEqual<ServiceNumbers>({
        minutesMandated: 150,
        minutesDelivered: 60,
        deliveryRate: 0.4,
        sessions: { due: 5, delivered: 2, missed: 3, unrecorded: 0, pending: 2, madeUp: 0 },
        missedByReason: { scheduling_conflict: 1, provider_absent: 1, staff_vacancy: 1 },
        ledger: { minutesOwed: 90, minutesMadeUp: 0, balance: 90 },
        alerts: ['consecutive_misses', 'repeated_school_misses', 'low_delivery_rate'],
      })
      expect(n.alerts).toEqual([...ALERTS])
    })

    describe('low_delivery_rate at the 0.9 line, and no alert when everything is delivered', () => {
      // Tue/Thu 30 min, Oct 19 – Nov 19, no closures: 10 sessions, all due at Fri Nov 27 (window Nov 23–27 is empty).
      const svc = service('2026-10-19', '2026-11-19')
      const dates = ['2026-10-20', '2026-10-22', '2026-10-27', '2026-10-29', '2026-11-03', '2026-11-05', '2026-11-10', '2026-11-12', '2026-11-17', '2026-11-19']
      const run = (records: RecordLike[]) => serviceNumbers({ service: svc, records, closures: NO_CLOSURES, asOf: '2026-11-27' })

      test('all delivered: rate 1, nothing owed, no alert', () => {
        expect(run(dates.map((d) => delivered(d)))).toEqual<ServiceNumbers>({
          minutesMandated: 300,
          minutesDelivered: 300,
          deliveryRate: 1,
          sessions: { due: 10, delivered: 10, missed: 0, unrecorded: 0, pending: 0, madeUp: 0 },
          missedByReason: {},
          ledger: { minutesOwed: 0, minutesMadeUp: 0, balance: 0 },
          alerts: [],
        })
      })

      test('270 of 300 is exactly 0.9: not below it', () => {
        // First session missed (student absent), 9 delivered → 270/300 = 0.9; owed 0; one miss → no consecutive.
        expect(run([missed(dates[0]!, 'student_absent'), ...dates.slice(1).map((d) => delivered(d))])).toEqual<ServiceNumbers>({
          minutesMandated: 300,
          minutesDelivered: 270,
          deliveryRate: 0.9,
          sessions: { due: 10, delivered: 9, missed: 1, unrecorded: 0, pending: 0, madeUp: 0 },
          missedByReason: { student_absent: 1 },
          ledger: { minutesOwed: 0, minutesMadeUp: 0, balance: 0 },
          alerts: [],
        })
      })

      test('269 of 300 is 0.897: low', () => {
        // As above with the last session given 29 minutes: 269/300 = 0.89666… → 0.897 < 0.9; shortfall 1 owed.
        const records = [missed(dates[0]!, 'student_absent'), ...dates.slice(1, -1).map((d) => delivered(d)), delivered(dates[9]!, 29)]
        expect(run(records)).toEqual<ServiceNumbers>({
          minutesMandated: 300,
          minutesDelivered: 269,
          deliveryRate: 0.897,
          sessions: { due: 10, delivered: 9, missed: 1, unrecorded: 0, pending: 0, madeUp: 0 },
          missedByReason: { student_absent: 1 },
          ledger: { minutesOwed: 1, minutesMadeUp: 0, balance: 1 },
          alerts: ['low_delivery_rate'],
        })
      })
    })
  })
})

describe('weeklyTrend', () => {
  test('Monday-based weeks of mandated and delivered minutes; a make-up counts in the week it was held', () => {
    // From Wed Oct 28, asOf Fri Nov 13: scheduled Thu Oct 29, Tue Nov 3, Thu Nov 5, Tue Nov 10 (Thu Nov 12 closed),
    // all recorded (no pending session).
    // Week of Mon Oct 26: mandated 30 (Oct 29); delivered 30.
    // Week of Mon Nov 2: mandated 60 (Nov 3, 5); delivered 20 (Nov 3 missed; Nov 5's voided 30 replaced by 20).
    // Week of Mon Nov 9: mandated 30 (Nov 10); delivered 30 + the make-up of Fri Nov 13 for Nov 3 = 60.
    // The make-up of Mon Nov 16 is after asOf.
    const records = [
      delivered('2026-10-29'),
      missed('2026-11-03', 'provider_absent'),
      delivered('2026-11-05', 30, true),
      delivered('2026-11-05', 20),
      delivered('2026-11-10'),
      makeUp('2026-11-13', '2026-11-03'),
      makeUp('2026-11-16', '2026-11-03'),
    ]
    const input = { service: service('2026-10-28'), records, closures: CLOSED, asOf: '2026-11-13' }
    const trend = weeklyTrend(input)
    expect(trend).toEqual([
      { weekOf: '2026-10-26', mandated: 30, delivered: 30 },
      { weekOf: '2026-11-02', mandated: 60, delivered: 20 },
      { weekOf: '2026-11-09', mandated: 30, delivered: 60 },
    ])
    // With nothing pending, the weeks add up to the service's totals.
    const n = serviceNumbers(input)
    expect(n.sessions.pending).toBe(0)
    expect(trend.reduce((s, w) => s + w.mandated, 0)).toBe(n.minutesMandated)
    expect(trend.reduce((s, w) => s + w.delivered, 0)).toBe(n.minutesDelivered)
  })
})

describe('accommodation fidelity rounds like deliveryRate', () => {
  test('203 used of 400 applicable days = 0.5075 → 0.508', () => {
    // A daily accommodation from Mon 2025-01-06 to Fri 2026-07-17 with no closures: 80 weeks × 5 = 400 days.
    // Used on the first 203, not provided on the other 197: applicable 400, recorded 400, used 203, no not_needed;
    // fidelity = 203 / 400 = 0.5075 → 0.508 (half up and half to even agree).
    const days = instructionalDaysBetween('2025-01-06', '2026-07-17', NO_CLOSURES)
    expect(days.length).toBe(400)
    const records = days.map((date, i) => ({ date, status: i < 203 ? ('used' as const) : ('not_provided' as const), recordedAt: `${date}T15:00:00.000Z` }))
    expect(accommodationFidelity({ applies: { kind: 'daily' }, startDate: '2025-01-06', records, closures: NO_CLOSURES, asOf: '2026-07-17' })).toEqual({
      applicableDays: 400,
      recordedDays: 400,
      usedDays: 203, notNeededDays: 0,
      fidelity: 0.508,
      unrecordedDates: [],
    })
  })
})
