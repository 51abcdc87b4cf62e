import { describe, expect, test } from 'vitest'
import { chooseByNoticeSettingsLink, noticeSettingsLink, openNoticeSettingsLink, pruneNoticeSettingsLinks } from '#server/services/notice-setting-links.server.ts'
import { NOTICE_SETTINGS_LINK_TTL_MS } from '#shared/account-links.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'

// Tuesday 17 November 2026, 3 p.m.: a speech day nobody has recorded yet.
const NOW = new Date('2026-11-17T15:00:00')
const LATER = (ms: number) => new Date(NOW.getTime() + ms)
const tokenOf = (url: string) => /\/notices\/([A-Za-z0-9_-]{43})$/.exec(url)?.[1] ?? ''

describe('the one-click settings link in every notice and digest (issue 16, item 4)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const cadenceRow = (userId: string, studentId: string) =>
    (t.sqlite.prepare('select cadence from notice_preferences where user_id = ? and student_id = ?').get(userId, studentId) as { cadence: string } | undefined)?.cadence ?? null

  test('an emailed notice carries a link that opens her choice for that student, and saving it changes only that', async () => {
    await as('parent').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })
    await as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'missed', date: '2026-11-17', reason: 'provider_absent' })
    const mail = t.sqlite.prepare("select text_body from mail_outbox where kind = 'notice' and user_id = ?").get(demo.users.parent) as { text_body: string }
    const url = /https?:\/\/\S+\/notices\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)?.[0]
    expect(url, mail.text_body).toBeDefined()
    const token = tokenOf(url!)
    expect(await openNoticeSettingsLink(t.db, token, NOW)).toMatchObject({ userId: demo.users.parent, studentId: demo.johnnyId, personName: 'Laura Miller', studentName: 'Johnny Miller', cadence: 'immediate' })
    // Only the hash is kept: the database alone opens nothing.
    expect(JSON.stringify(t.sqlite.prepare('select * from notice_setting_links').all())).not.toContain(token)

    expect(await chooseByNoticeSettingsLink(t.db, { token, cadence: 'app_only', now: NOW })).toBe(true)
    expect(cadenceRow(demo.users.parent, demo.johnnyId)).toBe('app_only')
    expect(t.sqlite.prepare('select count(*) as n from notice_preferences where user_id = ?').get(demo.users.parent)).toEqual({ n: 1 })
  })

  test('unknown, malformed and expired links open nothing and change nothing; expired ones are pruned', async () => {
    const token = tokenOf(await noticeSettingsLink(t.db, { userId: demo.users.parent, studentId: demo.johnnyId, now: NOW }))
    for (const bad of ['', 'x', `${token}x`, token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), "' or 1=1 --"]) {
      expect(await openNoticeSettingsLink(t.db, bad, NOW)).toBeNull()
      expect(await chooseByNoticeSettingsLink(t.db, { token: bad, cadence: 'daily', now: NOW })).toBe(false)
    }
    const expired = LATER(NOTICE_SETTINGS_LINK_TTL_MS)
    expect(await openNoticeSettingsLink(t.db, token, LATER(NOTICE_SETTINGS_LINK_TTL_MS - 1000))).not.toBeNull()
    expect(await openNoticeSettingsLink(t.db, token, expired)).toBeNull()
    expect(await chooseByNoticeSettingsLink(t.db, { token, cadence: 'daily', now: expired })).toBe(false)
    expect(cadenceRow(demo.users.parent, demo.johnnyId)).toBeNull()
    await pruneNoticeSettingsLinks(t.db, expired)
    expect(t.sqlite.prepare('select count(*) as n from notice_setting_links').get()).toEqual({ n: 0 })
  })

  test('someone removed from the team finds the link refused, like any unknown one', async () => {
    const token = tokenOf(await noticeSettingsLink(t.db, { userId: demo.users.para, studentId: demo.johnnyId, now: NOW }))
    expect(await openNoticeSettingsLink(t.db, token, NOW)).not.toBeNull()
    t.sqlite.prepare('update team_members set removed_at = ? where user_id = ? and student_id = ?').run(NOW.toISOString(), demo.users.para, demo.johnnyId)
    expect(await openNoticeSettingsLink(t.db, token, NOW)).toBeNull()
    expect(await chooseByNoticeSettingsLink(t.db, { token, cadence: 'immediate', now: NOW })).toBe(false)
    expect(cadenceRow(demo.users.para, demo.johnnyId)).toBeNull()
  })
})
