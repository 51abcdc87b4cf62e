import { randomUUID } from 'node:crypto'
import type { ZodError } from 'zod'
import { beforeEach, describe, expect, test } from 'vitest'
import { DEMO_USERS, type DemoUserKey } from '#server/demo/seed.ts'
import type { CheckStatus } from '#shared/accommodation-fidelity.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { trpcError } from './call.ts'

/**
 * The seed day, a normal Tuesday, 3 p.m. where the tests run (local time, like a para's phone).
 * The demo calendar for the 2026–27 year (server/demo/seed-calendar.ts) closes Labor Day 2026-09-07, Indigenous
 * Peoples’ Day 2026-10-12, Thanksgiving 2026-11-26 and the day after; nothing between 2026-10-13 and 2026-11-25.
 */
const NOW = new Date('2026-11-17T15:00:00')
const TODAY = '2026-11-17'
const at = (iso: string) => new Date(iso) // local time, like NOW
const TABLES = ['accommodation_checks', 'audit_log'] as const

const JOHNNY_DAILY = ['Break card', 'Picture schedule', 'Seat near the door', 'Noise-reducing headphones']
const JOHNNY_CONDITIONAL = ['Word problems read aloud', 'Extra time']

describe('today and checks routers', () => {
  const { t, demo } = useDemoDb({ now: NOW })
  /** Accommodation ids by title, for every demo student. */
  let acc: Record<string, string>
  beforeEach(() => {
    const rows = t.sqlite
      .prepare('select a.id, v.title from accommodations a join accommodation_versions v on v.accommodation_id = a.id')
      .all() as { id: string; title: string }[]
    acc = Object.fromEntries(rows.map((r) => [r.title, r.id]))
  })

  const counts = () => ({ accommodation_checks: countRows(t.sqlite, 'accommodation_checks'), audit_log: countRows(t.sqlite, 'audit_log') })
  /** Every row of the tables a check writes, to prove a refusal changed nothing. */
  const snapshot = () => Object.fromEntries(TABLES.map((table) => [table, t.sqlite.prepare(`select * from ${table}`).all()]))
  const clientId = () => `tap-${randomUUID()}`
  const tap = (
    user: DemoUserKey,
    input: { title: string; date?: string; status?: CheckStatus; reason?: string; clientId?: string; studentId?: string },
    now: Date = NOW,
  ) =>
    demo.callerFor(user, now).checks.record({
      studentId: input.studentId ?? demo.johnnyId,
      accommodationId: acc[input.title]!,
      date: input.date ?? TODAY,
      status: input.status ?? 'used',
      reason: input.reason,
      clientId: input.clientId ?? clientId(),
    })

  describe('today.forMe', () => {
    test('the para sees exactly Ava, Johnny and Leo (never Maya), profiles first, and can record', async () => {
      const view = await demo.callerFor('para', NOW).today.forMe({})
      expect(view.date).toBe(TODAY)
      expect(view.today).toBe(TODAY)
      // Today and the 5 school days a record may still be made for, newest first (no closure in between).
      expect(view.recordableDays).toEqual(['2026-11-17', '2026-11-16', '2026-11-13', '2026-11-12', '2026-11-11', '2026-11-10'])
      expect(view.students.map((s) => [s.id, s.name])).toEqual([
        [demo.avaId, 'Ava Brooks'],
        [demo.johnnyId, 'Johnny Miller'],
        [demo.leoId, 'Leo Garcia'],
      ])
      expect(JSON.stringify(view)).not.toContain('Maya')
      for (const s of view.students) {
        expect(s).toMatchObject({ role: 'para', canRecord: true, closure: null })
        for (const text of [...Object.values(s.communication), ...Object.values(s.regulation)]) expect(text.length).toBeGreaterThan(0)
      }
      const johnny = view.students[1]!
      expect(johnny.firstName).toBe('Johnny')
      expect(johnny.communication.howTheyCommunicate).toMatch(/^Johnny talks in short phrases/)
      expect(johnny.regulation.calmPlace).toMatch(/reading corner/)
    })

    test('read together for all the para’s students, each card holds only its own student’s supports, goals, profiles and disputes', async () => {
      // A dispute on one of Johnny's checks: it must show on his card and nowhere else.
      const check = await tap('para', { title: 'Break card' })
      await demo.callerFor('parent', NOW).disputes.flag({ studentId: demo.johnnyId, kind: 'check', recordId: check.id, comment: 'He says nobody offered it.' })
      const view = await demo.callerFor('para', NOW).today.forMe({})
      const ownerOf = (table: 'accommodations' | 'goals', id: string) =>
        (t.sqlite.prepare(`select student_id from ${table} where id = ?`).get(id) as { student_id: string }).student_id
      for (const s of view.students) {
        for (const a of s.accommodations) expect(ownerOf('accommodations', a.id)).toBe(s.id)
        for (const g of s.goals) expect(ownerOf('goals', g.id)).toBe(s.id)
        const disputed = s.accommodations.filter((a) => a.dispute)
        expect(disputed.map((a) => [a.title, a.dispute?.comment])).toEqual(s.id === demo.johnnyId ? [['Break card', 'He says nobody offered it.']] : [])
      }
      // Every student has supports on this Tuesday and Johnny has goals: a card holding another's would show above.
      expect(view.students.every((s) => s.accommodations.length > 0)).toBe(true)
      expect(view.students.find((s) => s.id === demo.johnnyId)!.goals.length).toBeGreaterThan(0)
      const [ava, johnny, leo] = view.students
      expect(new Set([ava!.regulation.calmPlace, johnny!.regulation.calmPlace, leo!.regulation.calmPlace]).size).toBe(3)
      expect(johnny!.regulation.calmPlace).toMatch(/reading corner/)
    })

    test('on a Tuesday: Johnny’s daily supports, then the Math and test ones, not the Mon/Wed/Fri check-in', async () => {
      const view = await demo.callerFor('para', NOW).today.forMe({})
      const [ava, johnny, leo] = view.students
      const johnnyRows = johnny!.accommodations.map((a) => [a.title, a.applicability])
      expect([...johnnyRows].sort()).toEqual(
        [...JOHNNY_DAILY.map((title) => [title, 'applies']), ...JOHNNY_CONDITIONAL.map((title) => [title, 'conditional'])].sort(),
      )
      // What applies comes before what depends on the subject or a test.
      const firstConditional = johnny!.accommodations.findIndex((a) => a.applicability === 'conditional')
      expect(johnny!.accommodations.slice(firstConditional).every((a) => a.applicability === 'conditional')).toBe(true)
      expect(firstConditional).toBe(JOHNNY_DAILY.length)
      expect(johnny!.accommodations.map((a) => a.title)).not.toContain('Morning check-in')
      // Ava’s Tue/Thu support applies on a Tuesday; Leo has two daily ones.
      expect(ava!.accommodations.map((a) => a.title).sort()).toEqual(['Check for understanding', 'Chunked assignments'])
      expect(leo!.accommodations.map((a) => a.title).sort()).toEqual(['AAC tablet within reach', 'Headphones for loud activities'])
      // Nothing recorded yet today (the seed records stop the day before).
      for (const s of view.students) for (const a of s.accommodations) expect(a.check).toBeNull()
    })

    test('on a Monday the check-in applies', async () => {
      const view = await demo.callerFor('para', NOW).today.forMe({ date: '2026-11-16' })
      const johnny = view.students.find((s) => s.id === demo.johnnyId)!
      expect(johnny.accommodations.find((a) => a.title === 'Morning check-in')?.applicability).toBe('applies')
    })

    test('shows the seeded records of an earlier day', async () => {
      // 2026-11-05 is the 8th school day before the seed day: the substitute week, so the first two daily
      // supports were not provided, and 8 % 4 = 0 makes the headphones "not needed" (server/demo/seed-today.ts).
      const view = await demo.callerFor('para', NOW).today.forMe({ date: '2026-11-05' })
      const johnny = view.students.find((s) => s.id === demo.johnnyId)!
      const check = (title: string) => johnny.accommodations.find((a) => a.title === title)?.check
      expect(check('Break card')).toMatchObject({
        date: '2026-11-05',
        status: 'not_provided',
        reason: 'Substitute para had no copy of the plan.',
        recordedBy: DEMO_USERS.para.name,
        late: false,
      })
      expect(check('Picture schedule')?.status).toBe('not_provided')
      expect(check('Seat near the door')?.status).toBe('used')
      expect(check('Noise-reducing headphones')?.status).toBe('not_needed')
      expect(check('Word problems read aloud')).toBeNull()
    })

    test('shows the latest check of the day when there are several', async () => {
      await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
      await tap('caseManager', { title: 'Break card', status: 'declined' }, at('2026-11-17T11:30:00'))
      const view = await demo.callerFor('para', NOW).today.forMe({})
      const breakCard = view.students.find((s) => s.id === demo.johnnyId)!.accommodations.find((a) => a.title === 'Break card')
      expect(breakCard?.check).toMatchObject({ status: 'declined', recordedBy: DEMO_USERS.caseManager.name, date: TODAY })
    })

    test('on Thanksgiving every student shows the closure and no supports', async () => {
      const view = await demo.callerFor('para', NOW).today.forMe({ date: '2026-11-26' })
      expect(view.students).toHaveLength(3)
      for (const s of view.students) {
        expect(s.closure).toBe('Thanksgiving')
        expect(s.accommodations).toEqual([])
        expect(s.communication.howTheyCommunicate.length).toBeGreaterThan(0) // profiles still shown
      }
      const friday = await demo.callerFor('para', NOW).today.forMe({ date: '2026-11-27' })
      expect(friday.students.map((s) => s.closure)).toEqual(['Thanksgiving break', 'Thanksgiving break', 'Thanksgiving break'])
    })

    test('the parent sees only Johnny, read-only', async () => {
      const view = await demo.callerFor('parent', NOW).today.forMe({})
      expect(view.students.map((s) => [s.id, s.role, s.canRecord])).toEqual([[demo.johnnyId, 'parent', false]])
      expect(view.students[0]!.accommodations.map((a) => a.title).sort()).toEqual([...JOHNNY_DAILY, ...JOHNNY_CONDITIONAL].sort())
    })

    test('the school admin, on no team, has nobody on this screen (it lists the students one works with)', async () => {
      expect((await demo.callerFor('admin', NOW).today.forMe({})).students).toEqual([])
    })

    test('a signed-out caller is UNAUTHORIZED', async () => {
      const error = await trpcError(demo.callerFor(null, NOW).today.forMe({}))
      expect(error.code).toBe('UNAUTHORIZED')
    })

    test.each(['2026-02-30', '17/11/2026', 'today'])('a bad date %j is a BAD_REQUEST naming the date', async (date) => {
      const error = await trpcError(demo.callerFor('para', NOW).today.forMe({ date }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('"date"')
      expect(error.message).toContain('Enter a real date as YYYY-MM-DD.')
    })
  })

  describe('checks.record, who may record for Johnny', () => {
    test.each(['caseManager', 'speech', 'para'] as const)('%s records a check, audited', async (user) => {
      const before = counts()
      const saved = await tap(user, { title: 'Break card', status: 'used' })
      expect(saved).toMatchObject({
        accommodationId: acc['Break card'],
        date: TODAY,
        status: 'used',
        reason: null,
        recordedBy: DEMO_USERS[user].name,
        recordedAt: NOW.toISOString(),
        late: false,
        duplicate: false,
      })
      expect(counts()).toEqual({ accommodation_checks: before.accommodation_checks + 1, audit_log: before.audit_log + 1 })
      const row = t.sqlite.prepare('select student_id, recorded_by from accommodation_checks where id = ?').get(saved.id)
      expect(row).toEqual({ student_id: demo.johnnyId, recorded_by: demo.users[user] })
      const audit = t.sqlite.prepare('select at, actor_id, student_id, entity, action, before from audit_log where entity_id = ?').all(saved.id)
      expect(audit).toEqual([
        { at: NOW.toISOString(), actor_id: demo.users[user], student_id: demo.johnnyId, entity: 'accommodation_check', action: 'create', before: null },
      ])
    })

    test.each(['parent', 'admin'] as const)('%s is FORBIDDEN and nothing is written', async (user) => {
      const before = snapshot()
      const error = await trpcError(tap(user, { title: 'Break card', status: 'used' }))
      expect(error.code).toBe('FORBIDDEN')
      expect(snapshot()).toEqual(before)
    })

    test('the para, not on Maya’s team, gets NOT_FOUND for her and nothing is written', async () => {
      const before = snapshot()
      const error = await trpcError(tap('para', { title: 'Break card', studentId: demo.mayaId }))
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).not.toContain('Maya')
      expect(snapshot()).toEqual(before)
    })
  })

  describe('checks.record refuses bad input with a clear message, and changes nothing', () => {
    test('a support that does not apply that day: the Mon/Wed/Fri check-in on a Tuesday', async () => {
      const before = snapshot()
      const error = await trpcError(tap('para', { title: 'Morning check-in' }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('Morning check-in')
      expect(error.message).toContain('does not apply')
      expect(error.cause).toMatchObject({ name: 'DomainError', field: 'date' })
      expect(snapshot()).toEqual(before)
      // The control: the same support on Monday, within the window, is accepted.
      expect((await tap('para', { title: 'Morning check-in', date: '2026-11-16' })).status).toBe('used')
    })

    test('a day more than 5 school days back', async () => {
      const before = snapshot()
      // 2026-11-09 (Monday) is 6 school days before Tuesday 2026-11-17: 10, 11, 12, 13, 16, 17.
      const error = await trpcError(tap('para', { title: 'Break card', date: '2026-11-09' }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('last 5 school days')
      expect(error.cause).toMatchObject({ field: 'date' })
      expect(snapshot()).toEqual(before)
    })

    test('a future day', async () => {
      const before = snapshot()
      const error = await trpcError(tap('para', { title: 'Break card', date: '2026-11-18' }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('future')
      expect(error.cause).toMatchObject({ field: 'date' })
      expect(snapshot()).toEqual(before)
    })

    test.each([
      ['2026-11-26', 'Thanksgiving'],
      ['2026-11-27', 'Thanksgiving break'],
    ])('a closure day (%s), named by its label', async (date, label) => {
      // The Monday after Thanksgiving: the closure lies within the last 5 school days.
      const monday = at('2026-11-30T08:30:00')
      const before = snapshot()
      const error = await trpcError(tap('para', { title: 'Break card', date }, monday))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain(`(${label})`)
      expect(error.cause).toMatchObject({ field: 'date' })
      expect(snapshot()).toEqual(before)
    })

    test('a weekend day', async () => {
      const before = snapshot()
      const error = await trpcError(tap('para', { title: 'Break card', date: '2026-11-15' }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('not a school day')
      expect(snapshot()).toEqual(before)
    })

    test('not_provided without a reason, naming `reason`', async () => {
      const before = snapshot()
      const error = await trpcError(tap('para', { title: 'Break card', status: 'not_provided' }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('"reason"')
      expect(error.message).toContain('Say briefly why it was not provided.')
      expect((error.cause as ZodError).issues.map((i) => i.path.join('.'))).toEqual(['reason'])
      expect(snapshot()).toEqual(before)
    })

    test('another student’s accommodation is NOT_FOUND through Johnny', async () => {
      const before = snapshot()
      const error = await trpcError(tap('para', { title: 'AAC tablet within reach' }))
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).toBe('That accommodation was not found for this student.')
      expect(snapshot()).toEqual(before)
      // The control: the same id through Leo, its own student, is accepted.
      expect((await tap('para', { title: 'AAC tablet within reach', studentId: demo.leoId })).status).toBe('used')
    })

    test('a client id reused for different content is a CONFLICT, and nothing is written', async () => {
      const id = clientId()
      const first = await tap('para', { title: 'Break card', status: 'used', clientId: id })
      const before = snapshot()
      const variants = [
        { title: 'Break card', status: 'declined' as const },
        { title: 'Picture schedule', status: 'used' as const },
        { title: 'Break card', status: 'used' as const, date: '2026-11-16' },
        { title: 'Break card', status: 'used' as const, reason: 'he asked twice' },
      ]
      for (const variant of variants) {
        const error = await trpcError(tap('para', { ...variant, clientId: id }, at('2026-11-17T15:01:00')))
        expect(error.code).toBe('CONFLICT')
        expect(error.message).toMatch(/already used for a different record/)
      }
      expect(snapshot()).toEqual(before)
      expect(t.sqlite.prepare('select id, status from accommodation_checks where client_id = ?').all(id)).toEqual([{ id: first.id, status: 'used' }])
    })

    test('the same client id and content resent returns the saved record, marked duplicate, writing nothing', async () => {
      const id = clientId()
      const input = { title: 'Break card', status: 'not_provided' as const, reason: 'Fire drill during math.', clientId: id }
      const first = await tap('para', input)
      const before = snapshot()
      // A retry a minute later, after a dropped connection.
      const again = await tap('para', input, at('2026-11-17T15:01:00'))
      expect(again).toEqual({ ...first, duplicate: true })
      expect(again.recordedAt).toBe(NOW.toISOString())
      expect(snapshot()).toEqual(before)
    })
  })

  test('a change later the same day is a new record; the earlier one stays, both in the history', async () => {
    const first = await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
    const second = await tap('para', { title: 'Break card', status: 'not_provided', reason: 'Fire drill during math.' }, at('2026-11-17T13:15:00'))
    expect(second.duplicate).toBe(false)
    expect(second.id).not.toBe(first.id)

    const rows = t.sqlite
      .prepare('select id, status from accommodation_checks where accommodation_id = ? and date = ? order by recorded_at')
      .all(acc['Break card'], TODAY)
    expect(rows).toEqual([
      { id: first.id, status: 'used' },
      { id: second.id, status: 'not_provided' },
    ])

    // Any team member sees the history, newest first; the parent here.
    const history = await demo.callerFor('parent', NOW).checks.history({ studentId: demo.johnnyId, accommodationId: acc['Break card']!, date: TODAY })
    expect(history.map((h) => [h.id, h.status, h.reason])).toEqual([
      [second.id, 'not_provided', 'Fire drill during math.'],
      [first.id, 'used', null],
    ])

    const audit = t.sqlite.prepare('select entity_id, action, before, after from audit_log where entity = ? order by id').all('accommodation_check') as {
      entity_id: string
      action: string
      before: string | null
      after: string
    }[]
    expect(audit.map((a) => [a.entity_id, a.action])).toEqual([
      [first.id, 'create'],
      [second.id, 'update'],
    ])
    expect(audit[0]!.before).toBeNull()
    expect(JSON.parse(audit[1]!.before!)).toEqual({ status: 'used', reason: null })
    expect(JSON.parse(audit[1]!.after)).toMatchObject({
      accommodationId: acc['Break card'],
      title: 'Break card',
      date: TODAY,
      status: 'not_provided',
      reason: 'Fire drill during math.',
      late: false,
    })
  })

  test('a record for an earlier day within the window is stored as late', async () => {
    // 2026-11-10 is exactly 5 school days back: the oldest day still open.
    const saved = await tap('para', { title: 'Word problems read aloud', date: '2026-11-10' })
    expect(saved).toMatchObject({ date: '2026-11-10', late: true, recordedAt: NOW.toISOString() })
    expect(t.sqlite.prepare('select late from accommodation_checks where id = ?').get(saved.id)).toEqual({ late: 1 })
    const audit = t.sqlite.prepare('select after from audit_log where entity_id = ?').get(saved.id) as { after: string }
    expect(JSON.parse(audit.after)).toMatchObject({ late: true })
    // The control: today’s record is not late.
    const onTime = await tap('para', { title: 'Word problems read aloud' })
    expect(t.sqlite.prepare('select late from accommodation_checks where id = ?').get(onTime.id)).toEqual({ late: 0 })
  })

  test('checks.fidelity for Johnny as of the seed day', async () => {
    const result = await demo.callerFor('parent', NOW).checks.fidelity({ studentId: demo.johnnyId })
    /*
     * Hand computation from server/demo/seed.ts, seed-plan.ts and seed-today.ts, seed day Tuesday 2026-11-17.
     * No closure between 2026-10-13 and 2026-11-25, so school days are simply weekdays here.
     * Window: the last 20 school days up to 2026-11-17 → from Wednesday 2026-10-21:
     *   Oct 21 22 23 26 27 28 29 30, Nov 2 3 4 5 6 9 10 11 12 13 16 17.
     * The accommodations started 2026-08-31 (school-year start), before the window: all 20 days count.
     * Seeded records: n = 15…1 school days before the seed day = Oct 27 … Nov 16, except n = 11 (Nov 2)
     *   and n = 6 (Nov 9), left unrecorded → 13 recorded days.
     * Break card (i = 0): not_provided on n = 9, 8 (Nov 4, Nov 5, the substitute), used on the other 11.
     *   applicable 20, recorded 13, used 11, not_needed 0 → fidelity 11 / 20 = 0.55.
     *   Unrecorded: Oct 21, 22, 23, 26 (before the seeded weeks), Nov 2, Nov 9 (skipped), Nov 17 (today).
     * Headphones (i = 3): not_needed on n = 12, 8, 4 (n % 4 = 0), used on the other 10 → 10 / (20 − 3) = 0.588.
     * Seat near the door (i = 2): used on all 13 → 13 / 20 = 0.65.
     * Morning check-in (mon/wed/fri): Oct 21 23 26 28 30, Nov 2 4 6 9 11 13 16 = 12 days, none recorded → 0.
     * Word problems (subject), Extra time (tests): no record → nothing applicable → 1.
     */
    expect(result.from).toBe('2026-10-21')
    expect(result.rows.map((r) => r.title).sort()).toEqual([...JOHNNY_DAILY, 'Morning check-in', ...JOHNNY_CONDITIONAL].sort())
    const row = (title: string) => {
      const found = result.rows.find((r) => r.title === title)!
      return { ...found, accommodationId: found.accommodationId === acc[title] ? 'ok' : found.accommodationId }
    }
    expect(row('Break card')).toEqual({
      accommodationId: 'ok',
      title: 'Break card',
      applicableDays: 20,
      recordedDays: 13,
      usedDays: 11, notNeededDays: 0,
      fidelity: 0.55,
      unrecordedDates: ['2026-10-21', '2026-10-22', '2026-10-23', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-17'],
    })
    expect(row('Picture schedule')).toMatchObject({ applicableDays: 20, recordedDays: 13, usedDays: 11, fidelity: 0.55 })
    expect(row('Seat near the door')).toMatchObject({ applicableDays: 20, recordedDays: 13, usedDays: 13, fidelity: 0.65 })
    expect(row('Noise-reducing headphones')).toMatchObject({ applicableDays: 20, recordedDays: 13, usedDays: 10, fidelity: 0.588 })
    expect(row('Morning check-in')).toMatchObject({ applicableDays: 12, recordedDays: 0, usedDays: 0, fidelity: 0 })
    for (const title of JOHNNY_CONDITIONAL) {
      expect(row(title)).toMatchObject({ applicableDays: 0, recordedDays: 0, usedDays: 0, fidelity: 1, unrecordedDates: [] })
    }
  })

  test('checks.fidelity counts a correction by its latest record', async () => {
    // Today’s Break card: used, then corrected to not_provided. Today was a gap (20 applicable, 11 used);
    // now it is recorded but not used: recorded 14, used still 11, 11 / 20 = 0.55, and today is no longer a gap.
    await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
    await tap('para', { title: 'Break card', status: 'not_provided', reason: 'Fire drill during math.' }, at('2026-11-17T13:15:00'))
    const result = await demo.callerFor('caseManager', NOW).checks.fidelity({ studentId: demo.johnnyId, asOf: TODAY })
    expect(result.rows.find((r) => r.title === 'Break card')).toMatchObject({
      applicableDays: 20,
      recordedDays: 14,
      usedDays: 11,
      fidelity: 0.55,
      unrecordedDates: ['2026-10-21', '2026-10-22', '2026-10-23', '2026-10-26', '2026-11-02', '2026-11-09'],
    })
  })
  describe('checks.record with `cleared`: an undo, stored as a correction', () => {
    const forMe = (user: DemoUserKey = 'para') => demo.callerFor(user, NOW).today.forMe({})
    const breakCardToday = async () => (await forMe()).students.find((s) => s.id === demo.johnnyId)!.accommodations.find((a) => a.title === 'Break card')!

    test('undoing a first tap: the support is not recorded again, both rows are kept, the history shows both', async () => {
      const first = await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
      const undo = await tap('para', { title: 'Break card', status: 'cleared' }, at('2026-11-17T10:00:30'))
      expect(undo).toMatchObject({ status: 'cleared', reason: null, duplicate: false })
      expect((await breakCardToday()).check).toBeNull()
      const rows = t.sqlite.prepare('select id, status, kind from accommodation_checks where accommodation_id = ? and date = ? order by recorded_at').all(acc['Break card'], TODAY)
      expect(rows).toEqual([
        { id: first.id, status: 'used', kind: 'record' },
        { id: undo.id, status: 'used', kind: 'clear' },
      ])
      const history = await demo.callerFor('parent', NOW).checks.history({ studentId: demo.johnnyId, accommodationId: acc['Break card']!, date: TODAY })
      expect(history.map((h) => h.status)).toEqual(['cleared', 'used'])
      const audit = t.sqlite.prepare('select action, before, after from audit_log where entity_id = ?').get(undo.id) as { action: string; before: string; after: string }
      expect(audit.action).toBe('update')
      expect(JSON.parse(audit.before)).toEqual({ status: 'used', reason: null })
      expect(JSON.parse(audit.after)).toMatchObject({ status: 'cleared', title: 'Break card' })
      // The records page keeps the undone choice, marked replaced, and lists no record of the undo itself.
      const log = await demo.callerFor('caseManager', NOW).checks.log({ studentId: demo.johnnyId })
      expect(log.filter((l) => l.accommodationId === acc['Break card'] && l.date === TODAY).map((l) => [l.id, l.status, l.current])).toEqual([[first.id, 'used', false]])
    })

    test('the fidelity numbers count an undone day as not recorded; a later tap counts again', async () => {
      await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
      await tap('para', { title: 'Break card', status: 'cleared' }, at('2026-11-17T10:00:30'))
      const row = async () => (await demo.callerFor('caseManager', NOW).checks.fidelity({ studentId: demo.johnnyId, asOf: TODAY })).rows.find((r) => r.title === 'Break card')!
      // As the seed left it (see 'counts a correction by its latest record'): 13 recorded, 11 used, today a gap.
      expect(await row()).toMatchObject({ recordedDays: 13, usedDays: 11, unrecordedDates: expect.arrayContaining([TODAY]) as unknown })
      await tap('para', { title: 'Break card', status: 'declined' }, at('2026-11-17T11:00:00'))
      expect((await row()).recordedDays).toBe(14)
      expect((await row()).unrecordedDates).not.toContain(TODAY)
    })

    test('undoing a change brings the earlier choice back as a new record (the undo of a change is that choice again)', async () => {
      await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
      await tap('para', { title: 'Break card', status: 'declined' }, at('2026-11-17T10:01:00'))
      await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:01:30'))
      expect((await breakCardToday()).check?.status).toBe('used')
    })

    test('with nothing standing there is nothing to undo: BAD_REQUEST, nothing written', async () => {
      const before = snapshot()
      const error = await trpcError(tap('para', { title: 'Break card', status: 'cleared' }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toBe('Nothing is recorded for “Break card” on that day, so there is nothing to undo.')
      expect(snapshot()).toEqual(before)
      await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
      await tap('para', { title: 'Break card', status: 'cleared' }, at('2026-11-17T10:00:30'))
      const again = snapshot()
      expect((await trpcError(tap('para', { title: 'Break card', status: 'cleared' }))).code).toBe('BAD_REQUEST')
      expect(snapshot()).toEqual(again)
    })

    test('a resent undo (same client id) is a duplicate and writes nothing', async () => {
      await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
      const id = clientId()
      const undo = await tap('para', { title: 'Break card', status: 'cleared', clientId: id }, at('2026-11-17T10:00:30'))
      const before = snapshot()
      expect(await tap('para', { title: 'Break card', status: 'cleared', clientId: id })).toEqual({ ...undo, duplicate: true })
      expect(snapshot()).toEqual(before)
    })

    test.each(['caseManager', 'speech', 'para'] as const)('%s may undo on Johnny', async (user) => {
      await tap(user, { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
      expect(await tap(user, { title: 'Break card', status: 'cleared' }, at('2026-11-17T10:00:30'))).toMatchObject({ status: 'cleared' })
    })

    test.each(['parent', 'admin'] as const)('%s may not undo: FORBIDDEN, nothing written', async (user) => {
      await tap('para', { title: 'Break card', status: 'used' }, at('2026-11-17T10:00:00'))
      const before = snapshot()
      expect((await trpcError(tap(user, { title: 'Break card', status: 'cleared' }))).code).toBe('FORBIDDEN')
      expect(snapshot()).toEqual(before)
    })

    test('the para may not undo on Maya (not her student): NOT_FOUND, nothing written', async () => {
      const before = snapshot()
      expect((await trpcError(tap('para', { title: 'Break card', status: 'cleared', studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
      expect(snapshot()).toEqual(before)
    })
  })
})
