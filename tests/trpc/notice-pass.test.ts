import { describe, expect, test } from 'vitest'
import { runNoticePass } from '#server/services/notice-pass.server.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'

// Tuesday 17 November 2026, 3 p.m., the demo's seed day.
const NOW = new Date('2026-11-17T15:00:00')
const LATER = new Date('2026-11-17T15:05:00')

describe('the notice pass: alerts that start or clear, sessions left unrecorded', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const rows = (kind: string) =>
    t.sqlite.prepare('select user_id, student_id, kind, text, related_id from notifications where kind = ? order by user_id, related_id').all(kind) as {
      user_id: string
      student_id: string
      kind: string
      text: string
      related_id: string
    }[]
  const mails = () => t.sqlite.prepare("select user_id, subject, text_body from mail_outbox where kind = 'notice'").all() as { user_id: string; subject: string; text_body: string }[]
  const johnnyState = () => JSON.parse((t.sqlite.prepare('select alerts from notice_alert_state where student_id = ?').get(demo.johnnyId) as { alerts: string }).alerts) as string[]

  test('the first look is a baseline; a second pass repeats nothing', async () => {
    const first = await runNoticePass(t.db, NOW)
    expect(first.alertNotices).toBe(0)
    expect(rows('alert_started')).toEqual([])
    const second = await runNoticePass(t.db, LATER)
    expect(second).toMatchObject({ alertNotices: 0, unrecordedNotices: 0 })
  })

  test('an alert that starts tells Johnny’s parent and case manager (never the para or the provider), once', async () => {
    await runNoticePass(t.db, NOW)
    const on = johnnyState()
    expect(on.length).toBeGreaterThan(0)
    // As if the last look had seen none of today's alerts: each is new.
    t.sqlite.prepare("update notice_alert_state set alerts = '[]' where student_id = ?").run(demo.johnnyId)
    await as('parent').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })
    const result = await runNoticePass(t.db, LATER)
    expect(result.alertNotices).toBe(on.length * 2)
    const started = rows('alert_started')
    expect(new Set(started.map((r) => r.user_id))).toEqual(new Set([demo.users.parent, demo.users.caseManager]))
    expect(started.every((r) => r.student_id === demo.johnnyId && r.text.startsWith('New alert for '))).toBe(true)
    expect(started.map((r) => r.related_id).sort()).toEqual([...on, ...on].sort())
    // The parent chose "at once": one email per alert; the case manager's daily default: none.
    expect(mails().filter((m) => m.user_id === demo.users.parent)).toHaveLength(on.length)
    expect(mails().filter((m) => m.user_id !== demo.users.parent)).toEqual([])
    expect(mails()[0]!.subject).toMatch(/^Johnny: new alert for /)
    expect(mails()[0]!.text_body).toContain(`/students/${demo.johnnyId}/accountability`)
    expect((await runNoticePass(t.db, LATER)).alertNotices).toBe(0)
  })

  test('an alert that clears says so, in plain words', async () => {
    await runNoticePass(t.db, NOW)
    const on = johnnyState()
    t.sqlite.prepare('update notice_alert_state set alerts = ? where student_id = ?').run(JSON.stringify([...on, 'speech:low_delivery_rate', 'ot:low_delivery_rate']), demo.johnnyId)
    await runNoticePass(t.db, LATER)
    const cleared = rows('alert_cleared').filter((r) => r.user_id === demo.users.parent)
    const gone = ['speech:low_delivery_rate', 'ot:low_delivery_rate'].filter((k) => !on.includes(k))
    expect(cleared.map((r) => r.related_id).sort()).toEqual(gone.sort())
    expect(cleared.every((r) => r.text.startsWith('Alert cleared for ') && r.text.includes('Less than 90% of the mandated minutes'))).toBe(true)
  })

  test('a removed parent hears of no alert', async () => {
    await runNoticePass(t.db, NOW)
    t.sqlite.prepare("update notice_alert_state set alerts = '[]' where student_id = ?").run(demo.johnnyId)
    t.sqlite.prepare('update team_members set removed_at = ?, removed_by = ? where user_id = ? and student_id = ?').run(NOW.toISOString(), demo.users.caseManager, demo.users.parent, demo.johnnyId)
    await runNoticePass(t.db, LATER)
    expect(rows('alert_started').map((r) => r.user_id)).not.toContain(demo.users.parent)
  })

  test('a switched-off account is mailed nothing more', async () => {
    await runNoticePass(t.db, NOW)
    t.sqlite.prepare("update notice_alert_state set alerts = '[]' where student_id = ?").run(demo.johnnyId)
    await as('parent').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })
    t.sqlite.prepare('update users set deactivated_at = ?, deactivated_by = ? where id = ?').run(NOW.toISOString(), demo.users.admin, demo.users.parent)
    await runNoticePass(t.db, LATER)
    expect(mails()).toEqual([])
  })

  test('each session left unrecorded past the window is told to the case manager only, once ever', async () => {
    // A session two weeks back turns out never to have been recorded: its record was entered by mistake.
    const log = await as('caseManager').sessions.log({ studentId: demo.johnnyId })
    const wrong = log.find((r) => r.kind === 'delivered' && !r.voided && r.date >= '2026-11-02' && r.date <= '2026-11-06')!
    await as('caseManager').sessions.void({ studentId: demo.johnnyId, recordId: wrong.recordId, changeReason: 'Entered by mistake' })
    const first = await runNoticePass(t.db, NOW)
    const gaps = rows('session_unrecorded')
    expect(first.unrecordedNotices).toBe(gaps.length)
    expect(gaps.map((r) => r.related_id)).toContain(`${wrong.serviceId}:${wrong.date}`)
    expect(new Set(gaps.map((r) => r.user_id))).toEqual(new Set([demo.users.caseManager]))
    expect(gaps[0]!.text).toMatch(/ is still not recorded, and the 5-school-day recording window has closed\.$/)
    // A week later the same gaps are not told again; only newly closed ones would be.
    const weekLater = new Date('2026-11-24T15:00:00')
    await runNoticePass(t.db, weekLater)
    const again = rows('session_unrecorded')
    expect(again.length).toBeGreaterThanOrEqual(gaps.length)
    expect(new Set(again.map((r) => r.related_id)).size).toBe(again.length)
  })
})

describe('family notifications list the family’s notices only', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  test('a case manager’s own unrecorded-session notice is not listed as sent to the family', async () => {
    const log = await as('caseManager').sessions.log({ studentId: demo.johnnyId })
    const wrong = log.find((r) => r.kind === 'delivered' && !r.voided && r.date >= '2026-11-02' && r.date <= '2026-11-06')!
    await as('caseManager').sessions.void({ studentId: demo.johnnyId, recordId: wrong.recordId, changeReason: 'Entered by mistake' })
    const before = await as('caseManager').notifications.forStudent({ studentId: demo.johnnyId })
    await runNoticePass(t.db, NOW)
    expect(t.sqlite.prepare("select count(*) as n from notifications where kind = 'session_unrecorded'").get()).not.toEqual({ n: 0 })
    expect(await as('caseManager').notifications.forStudent({ studentId: demo.johnnyId })).toEqual(before)
  })
})
