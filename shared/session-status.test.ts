import { describe, expect, test } from 'vitest'
import { instructionalDaysBack, lastInstructionalDays } from '#shared/school-calendar.ts'
import { DEFAULT_MAKE_UP_REASONS, scheduledSessions, type MissReason, type ServiceSchedule } from '#shared/services.ts'
import { PENDING_DAYS, sessionRows, type RecordLike, type SessionRow } from '#shared/session-status.ts'

// Thanksgiving Thu 2026-11-26 and Fri 2026-11-27 are closed; 2026-11-21/22 and 2026-11-28/29 are weekends.
const CLOSURES: ReadonlySet<string> = new Set(['2026-11-26', '2026-11-27'])
const NONE: ReadonlySet<string> = new Set()
const TUE_THU: ServiceSchedule = {
  startDate: '2026-11-02',
  endDate: '2026-12-18',
  terms: [{ effectiveFrom: '2026-11-02', minutesPerSession: 30, weekdays: ['tue', 'thu'] }],
}
const DAILY: ServiceSchedule = { ...TUE_THU, terms: [{ effectiveFrom: '2026-11-02', minutesPerSession: 30, weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] }] }

const defaultPolicy = (reason: MissReason) => DEFAULT_MAKE_UP_REASONS.includes(reason)

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

function rowsOf(service: ServiceSchedule, records: RecordLike[], asOf: string, opts: { closures?: ReadonlySet<string>; owes?: (r: MissReason) => boolean; to?: string } = {}) {
  const closures = opts.closures ?? CLOSURES
  return sessionRows(scheduledSessions(service, closures, service.startDate, opts.to ?? '2026-12-04'), records, closures, asOf, opts.owes ?? defaultPolicy)
}
const statuses = (rows: SessionRow[]) => Object.fromEntries(rows.map((r) => [r.date, r.status]))
const owed = (rows: SessionRow[]) => Object.fromEntries(rows.map((r) => [r.date, r.owedMinutes]))

describe('sessionRows: status', () => {
  test('a delivered record, a missed one with its reason, and upcoming sessions after asOf', () => {
    const delivered = rec('2026-11-10', 'delivered', { minutes: 25 })
    const missed = rec('2026-11-12', 'missed', { reason: 'staff_vacancy' })
    const rows = rowsOf(TUE_THU, [delivered, missed], '2026-11-12')
    const row = (date: string) => rows.find((r) => r.date === date)!
    expect(row('2026-11-10')).toMatchObject({ status: 'delivered', record: delivered, mandateMinutes: 30, voided: [] })
    expect(row('2026-11-12')).toMatchObject({ status: 'missed', record: { reason: 'staff_vacancy' } })
    // Everything after asOf is upcoming, recorded or not.
    expect(rows.filter((r) => r.date > '2026-11-12').every((r) => r.status === 'upcoming')).toBe(true)
    expect(rows.filter((r) => r.date > '2026-11-12').map((r) => r.date)).toEqual(['2026-11-17', '2026-11-19', '2026-11-24', '2026-12-01', '2026-12-03'])
  })

  test('a session on asOf with no record is pending, not unrecorded and not upcoming', () => {
    expect(rowsOf(TUE_THU, [], '2026-11-17').find((r) => r.date === '2026-11-17')!.status).toBe('pending')
  })

  test('make-up records never stand in for the session on their own date', () => {
    const rows = rowsOf(TUE_THU, [rec('2026-11-03', 'make_up', { repaysDate: '2026-11-02' })], '2026-11-30')
    expect(rows.find((r) => r.date === '2026-11-03')).toMatchObject({ status: 'unrecorded', record: null })
  })

  test('a voided record is ignored (the status falls back) and listed to show struck through', () => {
    const old = rec('2026-11-03', 'delivered', { voided: true })
    const recent = rec('2026-11-24', 'missed', { reason: 'provider_absent', voided: true })
    const rows = rowsOf(TUE_THU, [old, recent], '2026-11-30')
    expect(rows.find((r) => r.date === '2026-11-03')).toMatchObject({ status: 'unrecorded', record: null, voided: [old] })
    expect(rows.find((r) => r.date === '2026-11-24')).toMatchObject({ status: 'pending', record: null, voided: [recent] })
  })

  test('a live record recorded again after a void wins; the voided one is still listed', () => {
    const wrong = rec('2026-11-05', 'missed', { reason: 'provider_absent', voided: true })
    const right = rec('2026-11-05', 'delivered')
    const [, row] = rowsOf(TUE_THU, [wrong, right], '2026-11-30')
    expect(row).toMatchObject({ date: '2026-11-05', status: 'delivered', record: right, voided: [wrong], owedMinutes: 0 })
  })
})

describe('sessionRows: pending for the last 5 instructional days', () => {
  test('PENDING_DAYS is 5 and counts asOf itself: 4 instructional days back is pending, 5 back unrecorded', () => {
    expect(PENDING_DAYS).toBe(5)
    // As of Friday 20 November: Mon 16 is 4 school days back, Fri 13 is 5 back (the weekend does not count).
    expect(instructionalDaysBack('2026-11-16', '2026-11-20', CLOSURES)).toBe(4)
    expect(instructionalDaysBack('2026-11-13', '2026-11-20', CLOSURES)).toBe(5)
    expect(lastInstructionalDays('2026-11-20', PENDING_DAYS, CLOSURES)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'])
    const rows = rowsOf(DAILY, [], '2026-11-20')
    expect(statuses(rows.filter((r) => r.date >= '2026-11-12' && r.date <= '2026-11-23'))).toEqual({
      '2026-11-12': 'unrecorded',
      '2026-11-13': 'unrecorded',
      '2026-11-16': 'pending',
      '2026-11-17': 'pending',
      '2026-11-18': 'pending',
      '2026-11-19': 'pending',
      '2026-11-20': 'pending',
      '2026-11-23': 'upcoming',
    })
  })

  test('the window counts instructional days, so a holiday stretches it in calendar days', () => {
    // As of Tuesday 1 December, the last 5 school days are Dec 1, Nov 30, 25, 24, 23 (Thanksgiving closed 26–27):
    // Monday 23 November is still pending 8 calendar days later, Friday 20 is unrecorded.
    const rows = rowsOf(DAILY, [], '2026-12-01')
    expect(statuses(rows.filter((r) => r.date >= '2026-11-20' && r.date <= '2026-12-01'))).toEqual({
      '2026-11-20': 'unrecorded',
      '2026-11-23': 'pending',
      '2026-11-24': 'pending',
      '2026-11-25': 'pending',
      '2026-11-30': 'pending',
      '2026-12-01': 'pending',
    })
    // Without the holiday, the same Monday 23 is 6 school days back and the 24th 5: both unrecorded.
    const open = rowsOf(DAILY, [], '2026-12-01', { closures: NONE })
    expect(statuses(open.filter((r) => r.date >= '2026-11-23' && r.date <= '2026-11-25'))).toEqual({
      '2026-11-23': 'unrecorded',
      '2026-11-24': 'unrecorded',
      '2026-11-25': 'pending',
    })
  })

  test('a Tue/Thu service as of Monday 30 November: Thursday 19 is out of the window, Tuesday 24 in', () => {
    const rows = rowsOf(TUE_THU, [], '2026-11-30')
    expect(statuses(rows)).toEqual({
      '2026-11-03': 'unrecorded',
      '2026-11-05': 'unrecorded',
      '2026-11-10': 'unrecorded',
      '2026-11-12': 'unrecorded',
      '2026-11-17': 'unrecorded',
      '2026-11-19': 'unrecorded',
      '2026-11-24': 'pending',
      '2026-12-01': 'upcoming',
      '2026-12-03': 'upcoming',
    })
  })
})

describe('sessionRows: owed minutes', () => {
  const AS_OF = '2026-11-30'

  test('under the default policy: school-reason misses and unrecorded sessions owe the mandate; student reasons, delivered, pending and upcoming owe nothing', () => {
    const rows = rowsOf(
      TUE_THU,
      [
        rec('2026-11-03', 'missed', { reason: 'provider_absent' }),
        rec('2026-11-05', 'missed', { reason: 'student_absent' }),
        rec('2026-11-10', 'missed', { reason: 'scheduling_conflict' }),
        rec('2026-11-12', 'missed', { reason: 'student_declined' }),
        rec('2026-11-17', 'delivered', { minutes: 20 }),
      ],
      AS_OF,
    )
    expect(owed(rows)).toEqual({
      '2026-11-03': 30,
      '2026-11-05': 0,
      '2026-11-10': 30,
      '2026-11-12': 0,
      '2026-11-17': 0,
      '2026-11-19': 30, // unrecorded
      '2026-11-24': 0, // pending: not owed yet
      '2026-12-01': 0,
      '2026-12-03': 0,
    })
  })

  test('the policy function decides: a school that owes for student absence and not for unrecorded sessions', () => {
    const owes = (reason: MissReason) => reason === 'student_absent'
    const rows = rowsOf(
      TUE_THU,
      [rec('2026-11-03', 'missed', { reason: 'provider_absent' }), rec('2026-11-05', 'missed', { reason: 'student_absent' })],
      AS_OF,
      { owes },
    )
    expect(owed(rows.filter((r) => r.date <= '2026-11-10'))).toEqual({ '2026-11-03': 0, '2026-11-05': 30, '2026-11-10': 0 })
  })

  test('make-ups repay partly, then in full; a voided make-up repays nothing', () => {
    const rows = rowsOf(
      TUE_THU,
      [
        rec('2026-11-03', 'missed', { reason: 'provider_absent' }),
        rec('2026-11-05', 'missed', { reason: 'provider_absent' }),
        rec('2026-11-10', 'missed', { reason: 'staff_vacancy' }),
        rec('2026-11-06', 'make_up', { repaysDate: '2026-11-03', minutes: 20 }),
        rec('2026-11-06', 'make_up', { repaysDate: '2026-11-05', minutes: 15 }),
        rec('2026-11-09', 'make_up', { repaysDate: '2026-11-05', minutes: 15 }),
        rec('2026-11-11', 'make_up', { repaysDate: '2026-11-10', minutes: 30, voided: true }),
        rec('2026-11-20', 'make_up', { repaysDate: '2026-11-12', minutes: 30 }), // repays an unrecorded session
      ],
      AS_OF,
    )
    expect(owed(rows.filter((r) => r.date <= '2026-11-12'))).toEqual({ '2026-11-03': 10, '2026-11-05': 0, '2026-11-10': 30, '2026-11-12': 0 })
    const partly = rows.find((r) => r.date === '2026-11-03')!
    expect(partly.makeUps.map((m) => m.minutes)).toEqual([20])
    // The voided make-up is not listed against the session it claimed to repay.
    expect(rows.find((r) => r.date === '2026-11-10')!.makeUps).toEqual([])
  })

  test('owed minutes are the mandate in force on the day, and never negative', () => {
    const amended: ServiceSchedule = { ...TUE_THU, terms: [TUE_THU.terms[0]!, { effectiveFrom: '2026-11-10', minutesPerSession: 45, weekdays: ['tue', 'thu'] }] }
    const rows = rowsOf(
      amended,
      [rec('2026-11-03', 'missed', { reason: 'provider_absent' }), rec('2026-11-06', 'make_up', { repaysDate: '2026-11-03', minutes: 40 })],
      AS_OF,
    )
    expect(rows.find((r) => r.date === '2026-11-03')).toMatchObject({ mandateMinutes: 30, owedMinutes: 0 })
    expect(rows.find((r) => r.date === '2026-11-10')).toMatchObject({ mandateMinutes: 45, status: 'unrecorded', owedMinutes: 45 })
  })
})
