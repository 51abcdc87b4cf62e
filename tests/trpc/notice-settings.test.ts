import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { runDigestPass } from '#server/services/digests.server.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Friday 11 December 2026: before and after the weekly digest is due at 15:00.
const FRIDAY_NOON = new Date('2026-12-11T12:00:00')
const FRIDAY_LATE = new Date('2026-12-11T15:30:00')
const NEXT_MONDAY = new Date('2026-12-14T09:00:00')
const TWO_WEEKS_ON = new Date('2026-12-21T09:00:00')

const ROLES: DemoUserKey[] = ['caseManager', 'para', 'speech', 'parent', 'admin']

describe('noticeSettings: each person chooses for the students whose team they are on', () => {
  const { t, demo, as } = useDemoDb({ now: FRIDAY_NOON })
  const otherStudent = () => {
    const id = randomUUID()
    const school = t.sqlite.prepare('select school_id from students where id = ?').get(demo.johnnyId) as { school_id: string }
    t.sqlite.prepare('insert into students (id, school_id, name, created_at) values (?, ?, ?, ?)').run(id, school.school_id, 'Other Child', FRIDAY_NOON.toISOString())
    return id
  }

  test('mine lists each team member’s own students with the role’s default', async () => {
    expect((await as('parent').noticeSettings.mine()).find((r) => r.studentId === demo.johnnyId)?.cadence).toBe('weekly')
    expect((await as('caseManager').noticeSettings.mine()).find((r) => r.studentId === demo.johnnyId)?.cadence).toBe('daily')
    expect((await as('para').noticeSettings.mine()).find((r) => r.studentId === demo.johnnyId)?.cadence).toBe('app_only')
  })

  test.each(ROLES)('%s: sets a choice for their own student; someone else’s student is refused', async (role) => {
    const onTeam = (await as(role).noticeSettings.mine()).some((r) => r.studentId === demo.johnnyId)
    if (onTeam) {
      await as(role).noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })
      expect((await as(role).noticeSettings.mine()).find((r) => r.studentId === demo.johnnyId)?.cadence).toBe('immediate')
    } else {
      expect(await trpcError(as(role).noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' }))).toMatchObject({ code: 'NOT_FOUND' })
    }
    const other = otherStudent()
    expect(await trpcError(as(role).noticeSettings.set({ studentId: other, cadence: 'daily' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await trpcError(as(role).noticeSettings.preview({ studentId: other }))).toMatchObject({ code: 'NOT_FOUND' })
  })

  test('signed out is refused; a bad cadence changes nothing', async () => {
    expect(await trpcError(as(null).noticeSettings.mine())).toMatchObject({ code: 'UNAUTHORIZED' })
    expect(await trpcError(as('parent').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'hourly' as never }))).toMatchObject({ code: 'BAD_REQUEST' })
    expect(t.sqlite.prepare('select count(*) as n from notice_preferences').get()).toEqual({ n: 0 })
  })

  test('a removed member is refused', async () => {
    t.sqlite.prepare("update team_members set removed_at = ? where user_id = ? and student_id = ?").run(FRIDAY_NOON.toISOString(), demo.users.para, demo.johnnyId)
    expect(await trpcError(as('para').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'daily' }))).toMatchObject({ code: 'NOT_FOUND' })
  })

  test('Laura previews Johnny’s weekly email: per-service numbers, nothing sent', async () => {
    const preview = await as('parent').noticeSettings.preview({ studentId: demo.johnnyId })
    expect(preview.text).toContain('This school year')
    expect(preview.text).toContain('Change how you hear about Johnny Miller')
    expect(preview.table?.rows.length).toBeGreaterThan(0)
    expect(t.sqlite.prepare("select count(*) as n from mail_outbox where kind = 'digest'").get()).toEqual({ n: 0 })
  })
})

describe('digest passes: due once, caught up, never twice', () => {
  const { t, demo } = useDemoDb({ now: FRIDAY_NOON })
  const digests = () =>
    t.sqlite.prepare("select user_id, student_id, dedupe_key, text_body from mail_outbox where kind = 'digest' order by dedupe_key").all() as {
      user_id: string
      student_id: string | null
      dedupe_key: string
      text_body: string
    }[]

  test('before Friday 15:00 last week’s is due; after, this week’s, once', async () => {
    await runDigestPass(t.db, FRIDAY_LATE)
    const first = digests().filter((d) => d.user_id === demo.users.parent)
    expect(first.map((d) => d.dedupe_key)).toEqual([`digest:weekly:${demo.users.parent}:${demo.johnnyId}:week-2026-12-07`])
    expect(await runDigestPass(t.db, new Date(FRIDAY_LATE.getTime() + 60_000))).toMatchObject({ weekly: 0 })
    expect(digests().filter((d) => d.user_id === demo.users.parent)).toHaveLength(1)
  })

  test('a pass lets waiting requests in between students: a whole school never holds the pages', async () => {
    const order: string[] = []
    const pass = runDigestPass(t.db, FRIDAY_LATE).then(() => order.push('pass done'))
    // Queued after the pass started, as a request arriving mid-pass would be.
    setImmediate(() => order.push('request answered'))
    await pass
    expect(order).toEqual(['request answered', 'pass done'])
  })

  test('a server down over Friday sends only the latest week when it returns', async () => {
    await runDigestPass(t.db, TWO_WEEKS_ON)
    const parents = digests().filter((d) => d.user_id === demo.users.parent)
    expect(parents.map((d) => d.dedupe_key)).toEqual([`digest:weekly:${demo.users.parent}:${demo.johnnyId}:week-2026-12-14`])
  })

  test('only the parent’s own notices; staff on app-only get nothing; a removed member nothing more', async () => {
    t.sqlite.prepare("update team_members set removed_at = ? where user_id = ? and student_id = ?").run(FRIDAY_NOON.toISOString(), demo.users.parent, demo.johnnyId)
    await runDigestPass(t.db, NEXT_MONDAY)
    expect(digests().filter((d) => d.user_id === demo.users.parent)).toHaveLength(0)
    expect(digests().filter((d) => d.user_id === demo.users.para || d.user_id === demo.users.speech)).toHaveLength(0)
  })

  test('the weekly digest carries the parent’s notices of the week and no one else’s', async () => {
    const insert = t.sqlite.prepare("insert into notifications (id, user_id, student_id, kind, text, related_id, created_at) values (?, ?, ?, 'session_missed', ?, null, ?)")
    insert.run(randomUUID(), demo.users.parent, demo.johnnyId, 'Laura’s own notice', new Date('2026-12-09T10:00:00').toISOString())
    insert.run(randomUUID(), demo.users.caseManager, demo.johnnyId, 'Staff-only notice', new Date('2026-12-09T10:00:00').toISOString())
    await runDigestPass(t.db, FRIDAY_LATE)
    const laura = digests().find((d) => d.user_id === demo.users.parent)!
    expect(laura.text_body).toContain('Laura’s own notice')
    expect(laura.text_body).not.toContain('Staff-only notice')
    // The case manager's daily digest for Friday is not due until 17:00; Wednesday's was, with their notice, once.
    const cm = digests().filter((d) => d.user_id === demo.users.caseManager)
    expect(cm.every((d) => !d.text_body.includes('Laura’s own notice'))).toBe(true)
  })
})
