import { describe, expect, test } from 'vitest'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

const NOW = new Date('2026-12-07T15:00:00.000Z')

describe('mail.outbox', () => {
  const { t, demo } = useDemoDb({ now: NOW })

  test('the school admin reads every message of the school, newest first, and whether mail leaves the machine', async () => {
    await demo.callerFor('caseManager', NOW).team.invite({ studentId: demo.johnnyId, email: 'first@maple.example', role: 'para' })
    await demo.callerFor('caseManager', new Date(NOW.getTime() + 60_000)).team.invite({ studentId: demo.johnnyId, email: 'second@maple.example', role: 'para' })
    const outbox = await demo.callerFor('admin', NOW).mail.outbox({ schoolId: demo.schoolId })
    expect(outbox.sending).toBe(false)
    expect(outbox.messages.map((m) => [m.to, m.kind, m.status])).toEqual([
      ['second@maple.example', 'invite', 'queued'],
      ['first@maple.example', 'invite', 'queued'],
    ])
    expect(outbox.messages[0]!.text).toContain('/invite/')
  })

  test('a case manager of the school is refused; team members, parents and the signed-out find no such school', async () => {
    expect((await trpcError(demo.callerFor('caseManager', NOW).mail.outbox({ schoolId: demo.schoolId }))).code).toBe('FORBIDDEN')
    for (const user of ['para', 'speech', 'ot', 'parent'] as const) {
      expect((await trpcError(demo.callerFor(user, NOW).mail.outbox({ schoolId: demo.schoolId }))).code, user).toBe('NOT_FOUND')
    }
    expect((await trpcError(demo.callerFor(null, NOW).mail.outbox({ schoolId: demo.schoolId }))).code).toBe('UNAUTHORIZED')
  })

  test('another school’s outbox is not found even for Maple’s admin', async () => {
    t.sqlite.prepare("insert into schools (id, name, created_at) values ('oak', 'Oak Middle', '2026-08-01T00:00:00.000Z')").run()
    expect((await trpcError(demo.callerFor('admin', NOW).mail.outbox({ schoolId: 'oak' }))).code).toBe('NOT_FOUND')
  })
})
