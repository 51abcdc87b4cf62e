import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a speech day nobody has recorded yet.
const NOW = new Date('2026-11-17T15:00:00')
const TODAY = '2026-11-17'

describe('notices: each person chooses how they hear, and an "at once" choice sends one email per notice', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  beforeEach(() => {
    t.sqlite.prepare('delete from notifications').run()
    t.sqlite.prepare('delete from mail_outbox').run()
  })

  const mails = () =>
    t.sqlite.prepare('select user_id, student_id, school_id, kind, to_email, subject, text_body, dedupe_key from mail_outbox order by to_email').all() as {
      user_id: string
      student_id: string
      school_id: string
      kind: string
      to_email: string
      subject: string
      text_body: string
      dedupe_key: string
    }[]
  const notices = () => t.sqlite.prepare('select id, user_id, kind, text, related_id from notifications order by user_id').all() as { id: string; user_id: string; kind: string; text: string; related_id: string }[]
  const recordMiss = () => as('speech').sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'missed', date: TODAY, reason: 'provider_absent' })

  describe('noticeSettings.set and noticeSettings.mine', () => {
    test.each<DemoUserKey>(['parent', 'caseManager', 'para', 'speech'])('%s may choose for Johnny, and reads the choice back', async (who) => {
      const before = (await as(who).noticeSettings.mine()).find((c) => c.studentId === demo.johnnyId)!
      expect(before.chosen).toBe(false)
      expect(await as(who).noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })).toEqual({ studentId: demo.johnnyId, cadence: 'immediate' })
      const after = (await as(who).noticeSettings.mine()).find((c) => c.studentId === demo.johnnyId)!
      expect(after).toMatchObject({ cadence: 'immediate', chosen: true })
    })

    test('defaults by role: the parent weekly, the case manager daily, the para only in the app', async () => {
      const of = async (who: DemoUserKey) => (await as(who).noticeSettings.mine()).find((c) => c.studentId === demo.johnnyId)!.cadence
      expect([await of('parent'), await of('caseManager'), await of('para')]).toEqual(['weekly', 'daily', 'app_only'])
    })

    test.each<DemoUserKey>(['parent', 'para', 'speech'])('%s is not on Maya’s team: not found, nothing stored, Maya not listed', async (who) => {
      expect((await trpcError(as(who).noticeSettings.set({ studentId: demo.mayaId, cadence: 'immediate' }))).code).toBe('NOT_FOUND')
      expect((await as(who).noticeSettings.mine()).map((c) => c.studentId)).not.toContain(demo.mayaId)
      expect(t.sqlite.prepare('select count(*) as n from notice_preferences where student_id = ?').get(demo.mayaId)).toEqual({ n: 0 })
    })

    test('the school admin, who is on no team, has nothing to choose', async () => {
      const error = await trpcError(as('admin').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' }))
      expect(error.code).toBe('NOT_FOUND')
      expect(await as('admin').noticeSettings.mine()).toEqual([])
    })

    test('signed out: refused', async () => {
      expect((await trpcError(demo.callerFor(null).noticeSettings.mine())).code).toBe('UNAUTHORIZED')
      expect((await trpcError(demo.callerFor(null).noticeSettings.set({ studentId: demo.johnnyId, cadence: 'daily' }))).code).toBe('UNAUTHORIZED')
    })

    test('an unknown cadence is refused in words, and nothing changes', async () => {
      const error = await trpcError(as('parent').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'hourly' as 'daily' }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('weekly')
      expect(t.sqlite.prepare('select count(*) as n from notice_preferences').get()).toEqual({ n: 0 })
    })
  })

  describe('a missed session', () => {
    test('a parent who chose "at once" gets one email naming the service, the day and the reason, with the settings link', async () => {
      await as('parent').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })
      const saved = await recordMiss()
      const [notice] = notices()
      expect(notice).toMatchObject({ user_id: demo.users.parent, kind: 'session_missed', related_id: saved.recordId })
      const [mail, ...others] = mails()
      expect(others).toEqual([])
      expect(mail).toMatchObject({ user_id: demo.users.parent, student_id: demo.johnnyId, school_id: demo.schoolId, kind: 'notice', to_email: 'parent@maple.example', dedupe_key: `notice:${notice!.id}` })
      expect(mail!.subject).toBe('Johnny: Speech-language therapy missed on Tue, Nov 17')
      expect(mail!.text_body).toContain('Speech-language therapy on Tue, Nov 17 was missed: provider absent. A make-up is owed.')
      expect(mail!.text_body).toContain(`/students/${demo.johnnyId}/sessions`)
      expect(mail!.text_body).toContain('Change how you hear about Johnny')
      expect(mail!.text_body).toMatch(/Change how you hear about Johnny: http:\/\/\S+\/notices\/[A-Za-z0-9_-]{43}/)
    })

    test('the weekly default, daily or app only: the in-app notice, no email', async () => {
      await recordMiss()
      expect(notices()).toHaveLength(1)
      expect(mails()).toEqual([])
    })

    test('a parent removed from the team gets nothing, even having chosen "at once"', async () => {
      await as('parent').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })
      t.sqlite.prepare("update team_members set removed_at = ?, removed_by = ? where user_id = ? and student_id = ?").run(NOW.toISOString(), demo.users.caseManager, demo.users.parent, demo.johnnyId)
      await recordMiss()
      expect(notices()).toEqual([])
      expect(mails()).toEqual([])
    })

    test('staff who chose "at once" are not sent a parent’s notice', async () => {
      await as('caseManager').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })
      await recordMiss()
      expect(mails()).toEqual([])
    })
  })

  describe('a support recorded "not provided"', () => {
    const breakCard = () => (t.sqlite.prepare("select a.id from accommodations a join accommodation_versions v on v.accommodation_id = a.id where v.title = 'Break card' and a.student_id = ?").get(demo.johnnyId) as { id: string }).id
    let minute = 0
    // Each tap a minute after the last, as a para taps through the day: the latest choice is the one that stands.
    const tap = (status: 'not_provided' | 'declined' | 'used', reason?: string) =>
      as('para', new Date(NOW.getTime() + ++minute * 60_000)).checks.record({ studentId: demo.johnnyId, accommodationId: breakCard(), date: TODAY, status, reason, clientId: `tap-${randomUUID()}` })

    test('tells each parent in the app, and mails the one who chose "at once"', async () => {
      await as('parent').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })
      const saved = await tap('not_provided', 'Substitute did not know.')
      expect(notices()).toEqual([{ id: expect.any(String), user_id: demo.users.parent, kind: 'support_not_provided', text: 'Break card was not provided on Tue, Nov 17: Substitute did not know.', related_id: saved.id }])
      const [mail] = mails()
      expect(mail!.subject).toBe('Johnny: a support was not provided on Tue, Nov 17')
      expect(mail!.text_body).toContain(`/students/${demo.johnnyId}/checks`)
    })

    test('"declined" or "used" tells no one; recording "not provided" again says nothing new', async () => {
      await tap('declined')
      await tap('used')
      expect(notices()).toEqual([])
      await tap('not_provided', 'Forgot.')
      await tap('not_provided', 'Forgot, again.')
      expect(notices()).toHaveLength(1)
    })
  })
})
