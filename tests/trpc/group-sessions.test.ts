import { describe, expect, test } from 'vitest'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Wednesday 18 November 2026, 3 p.m.: a day of Priya's social skills group (Leo and Ava, Mon/Wed), not yet recorded.
const NOW = new Date('2026-11-18T15:00:00')
const TODAY = '2026-11-18'

describe('group sessions (issue 15)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })

  const counts = () => [countRows(t.sqlite, 'session_records'), countRows(t.sqlite, 'audit_log')]
  const groupService = async (studentId: string) => (await as('caseManager').services.list({ studentId })).find((s) => s.key === 'social-skills')!
  const today = async (studentId: string) => {
    // Leo also has a monthly counseling service: the group's rows are the social skills service's.
    const sessions = await as('caseManager').services.sessions({ studentId, from: TODAY, to: TODAY })
    return sessions.find((s) => s.service.key === 'social-skills')!.rows[0]!
  }
  const recordToday = async (user: Parameters<typeof as>[0], extra: { studentId: string; present: boolean }[] = []) => {
    const leo = await groupService(demo.leoId)
    return as(user).sessions.recordGroup({
      studentId: demo.leoId,
      serviceId: leo.id,
      date: TODAY,
      minutes: 25,
      students: [{ studentId: demo.leoId, present: true }, { studentId: demo.avaId, present: false }, ...extra],
    })
  }

  test('the demo group: Priya’s social skills services for Leo and Ava, recorded once for both up to yesterday', async () => {
    const [leo, ava] = [await groupService(demo.leoId), await groupService(demo.avaId)]
    expect([leo.groupName, ava.groupName, leo.grouping, leo.providerName]).toEqual(['Social skills group', 'Social skills group', 'group', 'Priya Shah'])
    const monday = async (studentId: string) =>
      (await as('speech').services.sessions({ studentId, from: '2026-11-16', to: '2026-11-16' })).find((s) => s.service.key === 'social-skills')
    const [leoMonday, avaMonday] = [await monday(demo.leoId), await monday(demo.avaId)]
    expect(leoMonday!.rows[0]!.record?.groupSessionId).toBeTruthy()
    expect(leoMonday!.rows[0]!.record?.groupSessionId).toBe(avaMonday!.rows[0]!.record?.groupSessionId)
  })

  test('the provider records it once: each student gets their own record, in their own numbers, with its audit row', async () => {
    const before = counts()
    const saved = await recordToday('speech')
    expect(saved.written.map((r) => [r.kind, r.minutes, r.reason])).toEqual([
      ['delivered', 25, null],
      ['missed', null, 'student_absent'],
    ])
    expect(new Set(saved.written.map((r) => r.groupSessionId))).toEqual(new Set([saved.groupSessionId]))
    expect(saved.skipped).toEqual([])
    expect(counts()).toEqual([before[0]! + 2, before[1]! + 2])
    expect(await today(demo.leoId)).toMatchObject({ status: 'delivered', record: { minutes: 25, recordedBy: 'Priya Shah' } })
    expect(await today(demo.avaId)).toMatchObject({ status: 'missed', record: { reason: 'student_absent' } })
    // A correction keeps the record in its group.
    const ava = saved.written.find((r) => r.kind === 'missed')!
    const corrected = await as('speech').sessions.correct({ studentId: demo.avaId, recordId: ava.recordId, reason: 'student_declined', changeReason: 'She came but would not join.' })
    expect(corrected).toMatchObject({ version: 2, reason: 'student_declined', groupSessionId: saved.groupSessionId })
  })

  test('a double submit writes nothing more: every student already recorded is listed and left alone', async () => {
    await recordToday('speech')
    const before = counts()
    const again = await recordToday('speech')
    expect(again.written).toEqual([])
    expect(again.groupSessionId).toBeNull()
    expect(again.skipped.map((s) => s.studentId).sort()).toEqual([demo.avaId, demo.leoId].sort())
    expect(counts()).toEqual(before)
  })

  test('the case manager records it as today; a para, a parent, the school admin and another provider are refused', async () => {
    const before = counts()
    // The para and the school admin see Leo but may not record; the parent and the OT are not on his team.
    const refusals = { para: 'FORBIDDEN', admin: 'FORBIDDEN', parent: 'NOT_FOUND', ot: 'NOT_FOUND' } as const
    for (const [user, code] of Object.entries(refusals)) expect([user, (await trpcError(recordToday(user as keyof typeof refusals))).code]).toEqual([user, code])
    expect(counts()).toEqual(before)
    expect((await recordToday('caseManager')).written).toHaveLength(2)
  })

  test('a student outside the group is refused with nothing written, naming no one: another team or another service', async () => {
    const before = counts()
    for (const studentId of [demo.mayaId, demo.johnnyId]) {
      const error = await trpcError(recordToday('speech', [{ studentId, present: true }]))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('not in the Social skills group')
      for (const word of ['Maya', 'Johnny', studentId]) expect(error.message).not.toContain(word)
    }
    expect(counts()).toEqual(before)
  })

  test('a group member whose team the provider has left is refused as if asked alone; nothing is written', async () => {
    t.sqlite.prepare('update team_members set removed_at = ? where student_id = ? and user_id = ?').run(NOW.toISOString(), demo.avaId, demo.users.speech)
    const before = counts()
    expect((await trpcError(recordToday('speech'))).code).toBe('NOT_FOUND')
    expect(counts()).toEqual(before)
  })

  test('an individual service is no group; a day the group does not meet or in the future is refused', async () => {
    const before = counts()
    const individual = await trpcError(as('speech').sessions.recordGroup({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, date: '2026-11-17', minutes: 30, students: [{ studentId: demo.johnnyId, present: true }] }))
    expect([individual.code, individual.message]).toEqual(['BAD_REQUEST', 'Speech-language therapy is not delivered in a group: record its sessions one by one.'])
    const leo = await groupService(demo.leoId)
    const students = [{ studentId: demo.leoId, present: true }]
    expect((await trpcError(as('speech').sessions.recordGroup({ studentId: demo.leoId, serviceId: leo.id, date: '2026-11-17', minutes: 30, students }))).message).toContain('not in the Social skills group on')
    expect((await trpcError(as('speech').sessions.recordGroup({ studentId: demo.leoId, serviceId: leo.id, date: '2026-11-23', minutes: 30, students }))).message).toMatch(/future/)
    expect((await trpcError(as('speech').sessions.recordGroup({ studentId: demo.leoId, serviceId: leo.id, date: TODAY, minutes: 0, students }))).code).toBe('BAD_REQUEST')
    expect(counts()).toEqual(before)
  })

  test('a service keeps its group name only when delivered in a group, written in its audit row', async () => {
    const base = { studentId: demo.mayaId, providerId: demo.users.caseManager, minutesPerSession: 20, weekdays: ['wed' as const], setting: 'pull-out' as const, startDate: '2026-10-01', endDate: '2027-06-11' }
    await as('caseManager').services.create({ ...base, name: 'Reading group', grouping: 'group', groupName: '  Wednesday readers ' })
    await as('caseManager').services.create({ ...base, name: 'Reading', grouping: 'individual', groupName: 'Wednesday readers' })
    const services = await as('caseManager').services.list({ studentId: demo.mayaId })
    expect(services.map((s) => [s.name, s.groupName])).toEqual([
      ['Reading', null],
      ['Reading group', 'Wednesday readers'],
    ])
    const audit = t.sqlite.prepare("select json_extract(after, '$.groupName') as g from audit_log where entity = 'service' and entity_id = ?").get(services[1]!.id)
    expect(audit).toEqual({ g: 'Wednesday readers' })
    const long = await trpcError(as('caseManager').services.create({ ...base, name: 'Reading', grouping: 'group', groupName: 'x'.repeat(81) }))
    expect([long.code, long.message]).toEqual(['BAD_REQUEST', expect.stringContaining('80 characters')])
  })
})
