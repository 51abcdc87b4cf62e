import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { ALERT_TEXT } from '#shared/accountability.ts'
import { seedDemoTeam } from '#tests/fixtures/demo.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { countRows, createTestDb } from '#tests/setup/test-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a speech day whose session nobody has recorded yet (the seed stops at yesterday).
const NOW = new Date('2026-11-17T15:00:00')
const LATER = new Date('2026-11-18T08:30:00')
const TODAY = '2026-11-17'
const PROVIDER_ABSENT_TEXT = 'Speech-language therapy on Tue, Nov 17 was missed: provider absent. A make-up is owed.'

describe('the demo: Laura was told of each seeded miss', () => {
  test('one notice per seeded miss, pointing at its record; the earlier ones seen the next morning, the latest not', async () => {
    const t = createTestDb()
    try {
      const demo = await seedDemoTeam(t, NOW)
      const misses = t.sqlite
        .prepare("select record_id, date, reason from session_records where student_id = ? and kind = 'missed' order by date")
        .all(demo.johnnyId) as { record_id: string; date: string; reason: string }[]
      const mine = await demo.callerFor('parent', NOW).notifications.mine()
      expect(mine.map((n) => n.relatedId).sort()).toEqual(misses.map((m) => m.record_id).sort())
      expect(mine.every((n) => n.studentName === 'Johnny Miller' && n.kind === 'session_missed')).toBe(true)
      const speechMisses = misses.filter((m) => m.reason === 'provider_absent')
      const lastSpeechMiss = speechMisses.at(-1)!
      for (const n of mine) {
        const miss = misses.find((m) => m.record_id === n.relatedId)!
        expect(n.createdAt.slice(0, 10)).toBe(miss.date)
        if (miss.date < lastSpeechMiss.date) expect(n.seenAt! > n.createdAt).toBe(true)
        else expect(n.seenAt).toBeNull()
      }
      expect(mine.filter((n) => n.seenAt).length).toBeGreaterThanOrEqual(3)
      const unseen = await demo.callerFor('parent', NOW).notifications.mine({ unseen: true })
      expect(unseen.length).toBeGreaterThanOrEqual(1)
      expect(unseen.map((n) => n.text)).toContain(
        `Speech-language therapy on ${new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${lastSpeechMiss.date}T00:00:00Z`))} was missed: provider absent. A make-up is owed.`,
      )
      // Staff see the same notices, with when each was seen.
      expect(await demo.callerFor('caseManager', NOW).notifications.forStudent({ studentId: demo.johnnyId })).toHaveLength(misses.length)
    } finally {
      t.close()
    }
  })
})

describe('notifications: a missed session tells the family', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  beforeEach(async () => {
    // These tests count what one new miss sends; the demo's own notices are checked above.
    t.sqlite.prepare('delete from notifications').run()
  })

  const counts = () => ['notifications', 'session_records', 'audit_log'].map((table) => countRows(t.sqlite, table))
  const notices = () =>
    t.sqlite.prepare('select user_id, student_id, kind, text, related_id, seen_at from notifications order by user_id').all() as {
      user_id: string
      student_id: string
      kind: string
      text: string
      related_id: string | null
      seen_at: string | null
    }[]
  const recordMiss = (reason: 'provider_absent' | 'student_absent' = 'provider_absent', user: DemoUserKey = 'speech') =>
    as(user).sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'missed', date: TODAY, reason })

  /** A second parent on Johnny's team, and a former one who was removed: only active parents hear. */
  async function addParents(): Promise<{ secondId: string; formerId: string }> {
    const at = NOW.toISOString()
    const secondId = randomUUID()
    const formerId = randomUUID()
    await t.db
      .insertInto('users')
      .values([
        { id: secondId, email: 'second-parent@maple.example', name: 'Mark Miller', password_hash: 'x', created_at: at },
        { id: formerId, email: 'former-parent@maple.example', name: 'Old Guardian', password_hash: 'x', created_at: at },
      ])
      .execute()
    const member = (userId: string, removed: boolean) => ({
      id: randomUUID(),
      student_id: demo.johnnyId,
      user_id: userId,
      role: 'parent' as const,
      added_at: at,
      added_by: demo.users.caseManager,
      removed_at: removed ? at : null,
      removed_by: removed ? demo.users.caseManager : null,
      areas: null,
    })
    await t.db.insertInto('team_members').values([member(secondId, false), member(formerId, true)]).execute()
    return { secondId, formerId }
  }

  test('a missed session notifies each active parent once, with the exact text, pointing at the record', async () => {
    const { secondId, formerId } = await addParents()
    const before = counts()
    const saved = await recordMiss()
    const rows = notices()
    expect(rows.map((r) => r.user_id).sort()).toEqual([demo.users.parent, secondId].sort())
    expect(rows.map((r) => r.user_id)).not.toContain(formerId)
    for (const r of rows) {
      expect(r).toEqual({ user_id: r.user_id, student_id: demo.johnnyId, kind: 'session_missed', text: PROVIDER_ABSENT_TEXT, related_id: saved.recordId, seen_at: null })
    }
    // The record, its audit row, and one notice (with its audit row) per parent.
    expect(counts()).toEqual([before[0]! + 2, before[1]! + 1, before[2]! + 3])

    const mine = await as('parent').notifications.mine()
    expect(mine).toEqual([
      { id: expect.any(String), studentId: demo.johnnyId, studentName: 'Johnny Miller', kind: 'session_missed', text: PROVIDER_ABSENT_TEXT, relatedId: saved.recordId, since: null, createdAt: NOW.toISOString(), seenAt: null },
    ])
  })

  test('no make-up sentence when the reason owes none, or when the school’s policy does not owe one for it', async () => {
    await recordMiss('student_absent')
    expect(notices().map((r) => r.text)).toEqual(['Speech-language therapy on Tue, Nov 17 was missed: student absent.'])

    // The school admin decides provider absences owe nothing here; the next notice follows the policy.
    await as('admin').schools.setMakeUpPolicy({ schoolId: demo.schoolId, reasons: ['staff_vacancy', 'unrecorded'] })
    const record = (await as('parent').sessions.log({ studentId: demo.johnnyId })).find((r) => r.date === TODAY)!
    await as('speech').sessions.void({ studentId: demo.johnnyId, recordId: record.recordId, changeReason: 'Wrong reason' })
    await recordMiss('provider_absent')
    expect(notices().map((r) => r.text)).toContain('Speech-language therapy on Tue, Nov 17 was missed: provider absent.')
  })

  test('a delivered session and a make-up notify no one', async () => {
    const before = counts()[0]
    await as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'delivered', date: TODAY, minutes: 30 })
    const missed = (await as('parent').sessions.log({ studentId: demo.johnnyId })).find((r) => r.kind === 'missed' && r.reason === 'provider_absent' && !r.voided)
    const speech = (await as('caseManager').services.sessions({ studentId: demo.johnnyId, from: '2026-09-01', to: TODAY })).find((s) => s.service.key === 'speech')!
    const owed = speech.rows.find((r) => r.status === 'missed' && r.owedMinutes > 0)!
    await as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'make_up', date: TODAY, minutes: 30, repaysDate: owed.date })
    expect(missed).toBeDefined()
    expect(counts()[0]).toBe(before)
  })

  test('a notice whose session has since been made up says so, for the family and the school, until the make-up is voided', async () => {
    const speech = (await as('caseManager').services.sessions({ studentId: demo.johnnyId, from: '2026-09-01', to: TODAY })).find((s) => s.service.key === 'speech')!
    const owed = speech.rows.find((r) => r.status === 'missed' && r.owedMinutes > 0)!
    const missed = (await as('parent').sessions.log({ studentId: demo.johnnyId })).find((r) => r.kind === 'missed' && r.date === owed.date && !r.voided)!
    t.sqlite
      .prepare("insert into notifications (id, user_id, student_id, kind, text, related_id, created_at, seen_at) values (?, ?, ?, 'session_missed', 'Missed. A make-up is owed.', ?, ?, null)")
      .run(randomUUID(), demo.users.parent, demo.johnnyId, missed.recordId, NOW.toISOString())
    expect((await as('parent').notifications.mine()).map((n) => n.since)).toEqual([null])

    const makeUp = await as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'make_up', date: TODAY, minutes: 30, repaysDate: owed.date })
    const since = 'Since then: made up on Tue, Nov 17 (30 min).'
    expect(await as('parent').notifications.mine({ unseen: true })).toMatchObject([{ text: 'Missed. A make-up is owed.', since }])
    expect(await as('caseManager').notifications.forStudent({ studentId: demo.johnnyId })).toMatchObject([{ since }])
    // The stored words stay what the family was told; only the line about what happened since is read anew.
    expect(notices().map((r) => r.text)).toEqual(['Missed. A make-up is owed.'])

    await as('speech').sessions.void({ studentId: demo.johnnyId, recordId: makeUp.recordId, changeReason: 'Entered for the wrong student' })
    expect((await as('parent').notifications.mine()).map((n) => n.since)).toEqual([null])
  })

  test('a notice about a miss the school later corrected to delivered, or withdrew, says so to the family', async () => {
    const missed = await as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'missed', date: TODAY, reason: 'provider_absent' })
    expect(await as('parent').notifications.mine()).toMatchObject([{ text: PROVIDER_ABSENT_TEXT, since: null }])

    await as('speech').sessions.correct({ studentId: demo.johnnyId, recordId: missed.recordId, kind: 'delivered', minutes: 30, changeReason: 'It was held after all' })
    const corrected = 'Since then: the school corrected this record: the session was delivered (30 min).'
    expect(await as('parent').notifications.mine()).toMatchObject([{ text: PROVIDER_ABSENT_TEXT, since: corrected }])
    expect(await as('caseManager').notifications.forStudent({ studentId: demo.johnnyId })).toMatchObject([{ since: corrected }])

    await as('speech').sessions.void({ studentId: demo.johnnyId, recordId: missed.recordId, changeReason: 'Entered for the wrong student' })
    expect((await as('parent').notifications.mine()).map((n) => n.since)).toEqual(['Since then: the school withdrew this record.'])
  })

  test('a correction that turns a session into a missed one notifies; other corrections do not', async () => {
    const delivered = await as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'delivered', date: TODAY, minutes: 30 })
    await as('speech').sessions.correct({ studentId: demo.johnnyId, recordId: delivered.recordId, minutes: 25, changeReason: 'Ended early' })
    expect(notices()).toEqual([])
    await as('speech').sessions.correct({ studentId: demo.johnnyId, recordId: delivered.recordId, kind: 'missed', reason: 'provider_absent', changeReason: 'Was not held after all' })
    expect(notices()).toMatchObject([{ user_id: demo.users.parent, text: PROVIDER_ABSENT_TEXT, related_id: delivered.recordId }])
    // Still missed, another reason: the family already knows it was missed.
    await as('caseManager').sessions.correct({ studentId: demo.johnnyId, recordId: delivered.recordId, reason: 'staff_vacancy', changeReason: 'Vacancy, not absence' })
    expect(notices()).toHaveLength(1)
  })

  test('a refused record writes no notification (nor anything else)', async () => {
    const before = counts()
    const ot = await trpcError(
      as('ot').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'missed', date: TODAY, reason: 'provider_absent' }),
    )
    expect(ot.code).toBe('FORBIDDEN')
    const notScheduled = await trpcError(
      as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'missed', date: '2026-11-18', reason: 'provider_absent' }),
    )
    expect(notScheduled.code).toBe('BAD_REQUEST')
    const parent = await trpcError(recordMiss('provider_absent', 'parent'))
    expect(parent.code).toBe('FORBIDDEN')
    expect(counts()).toEqual(before)
  })

  test('the notice is written in the record’s own transaction: if it cannot be written, the record is not either', async () => {
    t.sqlite.exec(`create trigger refuse_notices before insert on notifications begin select raise(abort, 'notices are down'); end`)
    const before = counts()
    const error = await trpcError(recordMiss())
    expect(error.code).toBe('INTERNAL_SERVER_ERROR')
    expect(counts()).toEqual(before)
    t.sqlite.exec('drop trigger refuse_notices')
    await recordMiss()
    expect(counts()).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 2])
  })

  test('markSeen: a parent marks her own notice seen once; the first time is kept', async () => {
    await recordMiss()
    const [notice] = await as('parent').notifications.mine({ unseen: true })
    const seen = await as('parent').notifications.markSeen({ id: notice!.id })
    expect(seen.seenAt).toBe(NOW.toISOString())
    const auditAfterFirst = countRows(t.sqlite, 'audit_log')
    const again = await as('parent', LATER).notifications.markSeen({ id: notice!.id })
    expect(again.seenAt).toBe(NOW.toISOString())
    expect(countRows(t.sqlite, 'audit_log')).toBe(auditAfterFirst)
    expect(await as('parent').notifications.mine({ unseen: true })).toEqual([])
    expect((await as('parent').notifications.mine()).map((n) => n.seenAt)).toEqual([NOW.toISOString()])
  })

  test('markSeen: anyone else’s notice is NOT_FOUND, exactly like an id that does not exist, and nothing is written', async () => {
    await recordMiss()
    const [notice] = await as('parent').notifications.mine()
    const before = counts()
    const missing = await trpcError(as('parent').notifications.markSeen({ id: 'no-such-notification' }))
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', 'That notification was not found.'])
    for (const user of ['caseManager', 'speech', 'para', 'admin'] as const) {
      const error = await trpcError(as(user).notifications.markSeen({ id: notice!.id }))
      expect([error.code, error.message]).toEqual([missing.code, missing.message])
    }
    const signedOut = await trpcError(demo.callerFor(null, NOW).notifications.markSeen({ id: notice!.id }))
    expect(signedOut.code).toBe('UNAUTHORIZED')
    const empty = await trpcError(as('parent').notifications.markSeen({ id: '  ' }))
    expect(empty.code).toBe('BAD_REQUEST')
    expect(empty.message).toContain('A notification id is required.')
    const tooLong = await trpcError(as('parent').notifications.markSeen({ id: 'x'.repeat(65) }))
    expect(tooLong.message).toContain('That notification id is not valid.')
    expect(counts()).toEqual(before)
    expect(notices()[0]!.seen_at).toBeNull()
  })

  test('staff see each notice sent to the family and when it was seen; the school can point to it', async () => {
    await recordMiss()
    const sent = await as('caseManager').notifications.forStudent({ studentId: demo.johnnyId })
    expect(sent).toEqual([
      { id: expect.any(String), recipientName: 'Laura Miller', kind: 'session_missed', text: PROVIDER_ABSENT_TEXT, relatedId: expect.any(String), since: null, createdAt: NOW.toISOString(), seenAt: null },
    ])
    await as('parent', LATER).notifications.markSeen({ id: sent[0]!.id })
    for (const user of ['caseManager', 'speech', 'ot', 'para', 'admin'] as const) {
      const list = await as(user).notifications.forStudent({ studentId: demo.johnnyId })
      expect(list.map((n) => [n.recipientName, n.seenAt])).toEqual([['Laura Miller', LATER.toISOString()]])
    }
  })

  test('outsiders are refused: the parent does not get everyone’s list, nobody off the team sees a thing, nothing is written', async () => {
    await recordMiss()
    const before = counts()
    const parent = await trpcError(as('parent').notifications.forStudent({ studentId: demo.johnnyId }))
    expect(parent.code).toBe('FORBIDDEN')
    for (const user of ['speech', 'parent', 'para'] as const) {
      const error = await trpcError(as(user).notifications.forStudent({ studentId: demo.mayaId }))
      expect([error.code, error.message]).toEqual(['NOT_FOUND', 'Student not found.'])
    }
    const signedOut = await trpcError(demo.callerFor(null, NOW).notifications.mine())
    expect(signedOut.code).toBe('UNAUTHORIZED')
    expect(await as('caseManager').notifications.mine()).toEqual([])
    expect(counts()).toEqual(before)
  })

  test('a parent removed from the team stops seeing the notices about that student', async () => {
    await recordMiss()
    expect(await as('parent').notifications.mine()).toHaveLength(1)
    await t.db
      .updateTable('team_members')
      .set({ removed_at: NOW.toISOString(), removed_by: demo.users.caseManager })
      .where('user_id', '=', demo.users.parent)
      .execute()
    expect(await as('parent').notifications.mine()).toEqual([])
    const [row] = t.sqlite.prepare('select id from notifications').all() as { id: string }[]
    expect((await trpcError(as('parent').notifications.markSeen({ id: row!.id }))).code).toBe('NOT_FOUND')
  })
})

describe('today’s accountability alerts, for parents and case managers', () => {
  const { demo, as } = useDemoDb({ now: NOW })

  test('the parent and the case manager get every alert the accountability numbers raise today; others none', async () => {
    const numbers = await demo.callerFor('caseManager', NOW).accountability.student({ studentId: demo.johnnyId })
    const expected = numbers.services.flatMap((s) =>
      s.alerts.map((alert) => ({ studentId: demo.johnnyId, studentName: 'Johnny Miller', firstName: 'Johnny', serviceKey: s.key, serviceName: s.name, alert, text: ALERT_TEXT[alert] })),
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(await demo.callerFor('parent', NOW).notifications.alerts()).toEqual(expected)
    expect(await demo.callerFor('caseManager', NOW).notifications.alerts()).toEqual(expected)
    for (const user of ['para', 'speech', 'admin'] as const) expect(await demo.callerFor(user, NOW).notifications.alerts()).toEqual([])
    expect((await trpcError(demo.callerFor(null, NOW).notifications.alerts())).code).toBe('UNAUTHORIZED')
  })

  test('an alert shows until the records clear it', async () => {
    const speechAlerts = async () => (await as('parent').notifications.alerts()).filter((a) => a.serviceKey === 'speech').map((a) => a.alert)
    expect(await speechAlerts()).not.toContain('consecutive_misses')
    // Thursday's session turns out not to have been held, and today's is missed too: two in a row.
    const thursday = (await as('parent').sessions.log({ studentId: demo.johnnyId })).find((r) => r.date === '2026-11-12' && r.kind === 'delivered')!
    await as('speech').sessions.correct({ studentId: demo.johnnyId, recordId: thursday.recordId, kind: 'missed', reason: 'provider_absent', changeReason: 'Was not held' })
    const today = await as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'missed', date: TODAY, reason: 'provider_absent' })
    expect(await speechAlerts()).toContain('consecutive_misses')
    expect(await as('caseManager').notifications.alerts()).toContainEqual(expect.objectContaining({ firstName: 'Johnny', serviceName: 'Speech-language therapy', text: ALERT_TEXT.consecutive_misses }))
    // Today's session was held after all (late in the day): the alert clears on its own.
    await as('speech').sessions.correct({ studentId: demo.johnnyId, recordId: today.recordId, kind: 'delivered', minutes: 30, changeReason: 'Held at 2 p.m.' })
    expect(await speechAlerts()).not.toContain('consecutive_misses')
  })
})
