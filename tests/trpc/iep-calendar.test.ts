import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { studentAccountability } from '#server/services/accountability.server.ts'
import { runNoticePass } from '#server/services/notice-pass.server.ts'
import { runDigestPass } from '#server/services/digests.server.ts'
import { addDays } from '#shared/school-date.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { callByPath, trpcError } from './call.ts'

// Wednesday 18 November 2026, 10 a.m., the day the browser journeys' demo is seeded.
const NOW = new Date('2026-11-18T10:00:00')
const TODAY = '2026-11-18'
const ROLES: DemoUserKey[] = ['caseManager', 'speech', 'para', 'parent', 'admin']

describe('the IEP calendar: dates, what is due, the next plan', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })

  /** A student of another school, on nobody's demo team: "someone else's student" for every demo role. */
  const otherStudent = () => {
    const schoolId = randomUUID()
    const studentId = randomUUID()
    t.sqlite.prepare("insert into schools (id, name, created_at) values (?, 'Oak Elementary', ?)").run(schoolId, NOW.toISOString())
    t.sqlite.prepare("insert into students (id, school_id, name, created_at) values (?, ?, 'Olive Other', ?)").run(studentId, schoolId, NOW.toISOString())
    return studentId
  }
  const dates = { startDate: '2026-12-01', endDate: '2027-11-30', annualReviewDate: '2027-11-01', reevaluationDate: '2028-10-01' }
  const goalIds = () => (t.sqlite.prepare('select id from goals where student_id = ? and ended_at is null order by position').all(demo.johnnyId) as { id: string }[]).map((g) => g.id)

  describe('permissions, every role, own student and someone else’s', () => {
    test.each(ROLES)('%s reads Johnny’s dates; a student not theirs is NOT_FOUND', async (role) => {
      const view = await as(role).iepCalendar.get({ studentId: demo.johnnyId })
      expect(view.plan?.annualReviewDate).toBe(addDays(TODAY, 14))
      expect((await trpcError(as(role).iepCalendar.get({ studentId: otherStudent() }))).code).toBe('NOT_FOUND')
    })

    test.each(ROLES)('%s: only the case manager sets the dates and starts the next plan', async (role) => {
      const before = t.sqlite.prepare('select count(*) as n from audit_log').get()
      const set = as(role).iepCalendar.setDates({ studentId: demo.johnnyId, ...dates })
      const next = as(role).iepCalendar.startNext({ studentId: demo.johnnyId, ...dates, startDate: '2027-12-01', endDate: '2028-11-30', annualReviewDate: null, reevaluationDate: null, goals: goalIds().map((goalId) => ({ goalId, choice: 'carry' as const })) })
      if (role === 'caseManager') {
        await expect(set).resolves.toMatchObject({ startDate: '2026-12-01' })
        await expect(next).resolves.toMatchObject({ changeGoalIds: [] })
      } else {
        expect((await trpcError(set)).code).toBe('FORBIDDEN')
        expect((await trpcError(next)).code).toBe('FORBIDDEN')
        expect(t.sqlite.prepare('select count(*) as n from audit_log').get()).toEqual(before)
      }
      const other = otherStudent()
      expect((await trpcError(as(role).iepCalendar.setDates({ studentId: other, ...dates }))).code).toBe('NOT_FOUND')
      expect((await trpcError(as(role).iepCalendar.startNext({ studentId: other, ...dates, goals: [] }))).code).toBe('NOT_FOUND')
      // Leaving a date out is refused, never read as clearing it.
      if (role === 'caseManager') expect((await trpcError(callByPath(as(role), 'iepCalendar.setDates', { studentId: demo.johnnyId }))).code).toBe('BAD_REQUEST')
    })

    test.each(ROLES)('%s: the due list holds only the students whose calendar they keep', async (role) => {
      const items = await as(role).iepCalendar.dueForMe()
      if (role === 'caseManager') expect(items.some((i) => i.kind === 'annual_review' && i.studentId === demo.johnnyId && i.state === 'due')).toBe(true)
      else expect(items).toEqual([])
    })
  })

  test('bad dates are refused with a clear message, and nothing changes', async () => {
    const before = await as('caseManager').iepCalendar.get({ studentId: demo.johnnyId })
    const cases = [
      { ...dates, endDate: '2026-11-01' },
      { ...dates, annualReviewDate: '2028-03-01' },
      { ...dates, startDate: '1999-12-31' },
      { ...dates, reevaluationDate: '2101-01-01' },
    ]
    for (const input of cases) {
      const error = await trpcError(as('caseManager').iepCalendar.setDates({ studentId: demo.johnnyId, ...input }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message.length).toBeGreaterThan(10)
    }
    expect(await as('caseManager').iepCalendar.get({ studentId: demo.johnnyId })).toEqual(before)
  })

  test('setting the dates is in the history', async () => {
    await as('caseManager').iepCalendar.setDates({ studentId: demo.johnnyId, ...dates })
    const history = await as('parent').team.history({ studentId: demo.johnnyId })
    expect(history.some((h) => h.entity === 'iep_plan' && h.action === 'set_dates')).toBe(true)
  })

  test('starting the next plan: an ended goal leaves the current plan and Today, keeps its data and history; the old numbers stay', async () => {
    const cm = as('caseManager')
    const oldEnd = (await cm.iepCalendar.get({ studentId: demo.johnnyId })).plan!.endDate!
    const numbersBefore = await studentAccountability(t.db, demo.johnnyId, oldEnd)
    const ids = goalIds()
    expect(ids).toContain(demo.sitGoalId)
    const pointsBefore = (await cm.goals.get({ studentId: demo.johnnyId, goalId: demo.sitGoalId })).points.length
    const result = await cm.iepCalendar.startNext({
      studentId: demo.johnnyId,
      startDate: addDays(oldEnd, 1),
      endDate: addDays(oldEnd, 365),
      annualReviewDate: null,
      reevaluationDate: null,
      goals: ids.map((goalId) => (goalId === demo.sitGoalId ? { goalId, choice: 'end' as const, reason: 'Met' } : { goalId, choice: 'change' as const })),
    })
    expect(result.changeGoalIds).toHaveLength(ids.length - 1)
    const goals = await cm.goals.list({ studentId: demo.johnnyId })
    expect(goals.map((g) => g.id)).not.toContain(demo.sitGoalId)
    const ended = await cm.goals.get({ studentId: demo.johnnyId, goalId: demo.sitGoalId })
    expect(ended.ended?.reason).toBe('Met')
    expect(ended.points).toHaveLength(pointsBefore)
    const today = await as('para').today.forMe({})
    expect(JSON.stringify(today)).not.toContain(demo.sitGoalId)
    const view = await cm.iepCalendar.get({ studentId: demo.johnnyId })
    expect(view.years).toHaveLength(2)
    expect(view.plan?.startDate).toBe(addDays(oldEnd, 1))
    expect(view.endedGoals.map((g) => g.id)).toEqual([demo.sitGoalId])
    expect(await studentAccountability(t.db, demo.johnnyId, oldEnd)).toEqual(numbersBefore)
    const history = await cm.team.history({ studentId: demo.johnnyId })
    expect(history.filter((h) => h.entity === 'goal' && h.action === 'end').length).toBe(1)
    expect(history.some((h) => h.entity === 'iep_plan' && h.action === 'start_next')).toBe(true)
    // An ended goal takes no new data.
    const add = cm.progress.add({ studentId: demo.johnnyId, goalId: demo.sitGoalId, date: TODAY, value: 5, promptLevel: 'independent', regulation: 'calm', note: '' })
    expect((await trpcError(add)).code).toBe('BAD_REQUEST')
  })

  test('the next plan needs every goal decided once, and an ended goal’s reason', async () => {
    const cm = as('caseManager')
    const ids = goalIds()
    const base = { studentId: demo.johnnyId, startDate: '2027-11-01', endDate: '2028-10-31', annualReviewDate: null, reevaluationDate: null }
    expect((await trpcError(cm.iepCalendar.startNext({ ...base, goals: ids.slice(1).map((goalId) => ({ goalId, choice: 'carry' as const })) }))).code).toBe('BAD_REQUEST')
    expect((await trpcError(cm.iepCalendar.startNext({ ...base, goals: ids.map((goalId) => ({ goalId, choice: 'end' as const })) }))).code).toBe('BAD_REQUEST')
    expect(goalIds()).toEqual(ids)
    expect((await cm.iepCalendar.get({ studentId: demo.johnnyId })).years).toHaveLength(1)
  })

  describe('reminders', () => {
    const calendarNotices = () =>
      t.sqlite.prepare("select user_id, related_id, text from notifications where kind = 'iep_due' order by related_id").all() as { user_id: string; related_id: string; text: string }[]

    test('the case manager is told once a day per item; nobody else is', async () => {
      const first = await runNoticePass(t.db, NOW)
      expect(first.calendarNotices).toBeGreaterThan(0)
      const rows = calendarNotices()
      expect(new Set(rows.map((r) => r.user_id))).toEqual(new Set([demo.users.caseManager]))
      expect(rows.some((r) => r.text.startsWith('Johnny: annual review due'))).toBe(true)
      expect((await runNoticePass(t.db, new Date('2026-11-18T16:00:00'))).calendarNotices).toBe(0)
      const nextDay = await runNoticePass(t.db, new Date('2026-11-19T10:00:00'))
      expect(nextDay.calendarNotices).toBe(first.calendarNotices)
    })

    test('a report not issued by its period’s end is reminded, until it is issued', async () => {
      const periodId = randomUUID()
      t.sqlite
        .prepare("insert into reporting_periods (id, school_id, name, start_date, end_date, created_at) values (?, ?, 'Quarter 1', '2026-09-01', '2026-11-13', ?)")
        .run(periodId, demo.schoolId, NOW.toISOString())
      const items = await as('caseManager').iepCalendar.dueForMe()
      const report = items.filter((i) => i.kind === 'progress_report')
      expect(report.map((i) => [i.studentName, i.state, i.href])).toContainEqual(['Maya', 'late', `/students/${demo.mayaId}/reports`])
      const reportId = randomUUID()
      t.sqlite.prepare('insert into progress_reports (id, student_id, period_id, created_at) values (?, ?, ?, ?)').run(reportId, demo.mayaId, periodId, NOW.toISOString())
      t.sqlite
        .prepare("insert into progress_report_versions (id, report_id, version, content, pdf, pdf_sha256, issued_at) values (?, ?, 1, '{}', x'00', 'x', ?)")
        .run(randomUUID(), reportId, NOW.toISOString())
      const after = (await as('caseManager').iepCalendar.dueForMe()).filter((i) => i.kind === 'progress_report')
      expect(after.map((i) => i.studentId)).not.toContain(demo.mayaId)
    })

    test('the preference is respected: at once mails the reminder; a deactivated account is mailed nothing', async () => {
      await as('caseManager').noticeSettings.set({ studentId: demo.johnnyId, cadence: 'immediate' })
      await runNoticePass(t.db, NOW)
      const mails = t.sqlite.prepare("select subject from mail_outbox where kind = 'notice' and user_id = ?").all(demo.users.caseManager) as { subject: string }[]
      expect(mails.some((m) => m.subject.startsWith('Johnny: due on'))).toBe(true)
      t.sqlite.prepare("delete from mail_outbox where kind = 'notice'").run()
      t.sqlite.prepare('update users set deactivated_at = ? where id = ?').run(NOW.toISOString(), demo.users.caseManager)
      await runNoticePass(t.db, new Date('2026-11-19T10:00:00'))
      expect(t.sqlite.prepare("select count(*) as n from mail_outbox where user_id = ?").get(demo.users.caseManager)).toEqual({ n: 0 })
    })

    test('the daily digest carries the day’s reminders; app only mails nothing', async () => {
      await runNoticePass(t.db, NOW)
      await runDigestPass(t.db, new Date('2026-11-18T17:30:00'))
      const digest = t.sqlite.prepare("select text_body from mail_outbox where kind = 'digest' and user_id = ?").all(demo.users.caseManager) as { text_body: string }[]
      expect(digest.some((d) => d.text_body.includes('annual review due'))).toBe(true)
      t.sqlite.prepare('delete from mail_outbox').run()
      for (const studentId of [demo.johnnyId, demo.mayaId, demo.leoId, demo.avaId]) await as('caseManager').noticeSettings.set({ studentId, cadence: 'app_only' })
      await runNoticePass(t.db, new Date('2026-11-19T10:00:00'))
      await runDigestPass(t.db, new Date('2026-11-19T17:30:00'))
      expect(t.sqlite.prepare('select count(*) as n from mail_outbox where user_id = ?').get(demo.users.caseManager)).toEqual({ n: 0 })
    })
  })
})
