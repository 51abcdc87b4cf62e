import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { appRouter } from '#server/trpc/_app.server.ts'
import type { ReportingPeriod } from '#shared/reporting-periods.ts'
import { addDays } from '#shared/school-date.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a school day of the demo year (31 August 2026 to 18 June 2027).
const NOW = new Date('2026-11-17T15:00:00')
const TODAY = '2026-11-17'
const YEAR = { start: '2026-08-31', end: '2027-06-18' }
const ROLES: DemoUserKey[] = ['caseManager', 'speech', 'ot', 'para', 'parent', 'admin']
const TABLES = ['reporting_periods', 'progress_reports', 'progress_report_parts', 'progress_report_versions', 'progress_report_acks', 'notifications', 'audit_log']

/** Every procedure of the per-student router: a new one (an edit or a delete of a version, say) fails this list. */
const REPORTS_PROCEDURES = ['acknowledge', 'draft', 'issue', 'list', 'pdf', 'version', 'writePart']
const REPORTING_PROCEDURES = ['addPeriod', 'codes', 'periods', 'removePeriod', 'setCodes', 'updatePeriod']

type Code = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT'

async function outcome(call: Promise<unknown>): Promise<Code> {
  try {
    await call
    return 'OK'
  } catch (error) {
    return (error as { code: Code }).code
  }
}

describe('progress reports over tRPC (issue 18)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const johnny = () => ({ studentId: demo.johnnyId })
  const school = () => ({ schoolId: demo.schoolId })
  const snapshot = () => Object.fromEntries(TABLES.map((table) => [table, countRows(t.sqlite, table)]))
  const goalIdOf = (area: string) =>
    (t.sqlite.prepare('select g.id from goals g join goal_versions v on v.goal_id = g.id where g.student_id = ? and v.area = ?').get(demo.johnnyId, area) as { id: string }).id
  const johnnyGoalIds = () => (t.sqlite.prepare('select id from goals where student_id = ? order by position').all(demo.johnnyId) as { id: string }[]).map((g) => g.id)
  const memberIdOf = (user: DemoUserKey) =>
    (t.sqlite.prepare('select id from team_members where student_id = ? and user_id = ? and removed_at is null').get(demo.johnnyId, demo.users[user]) as { id: string }).id

  // Oak Middle: another school of the installation, with its own student; nobody of Maple is anything there.
  beforeEach(() => {
    const at = NOW.toISOString()
    t.sqlite.exec(`
      insert into schools (id, name, created_at, year_start, year_end) values ('oak', 'Oak Middle', '${at}', '${YEAR.start}', '${YEAR.end}');
      insert into students (id, school_id, name, created_at) values ('oak-kid', 'oak', 'Olive Park', '${at}');
    `)
    // The demo's own reports (an issued quarter, a draft) would pin its periods: each test starts from none.
    t.sqlite.exec(`
      delete from progress_report_acks; delete from progress_report_versions; delete from progress_report_parts; delete from progress_reports;
      delete from notifications where kind = 'progress_report';
    `)
  })

  /**
   * The demo school's periods may come from the seed (four quarters, say) or not at all. Clears the way for a
   * period of our own over [start, end] by removing the periods it would overlap: in a fresh database none has a
   * report yet.
   */
  async function clearWay(start: string, end: string): Promise<void> {
    for (const p of await as('admin').reporting.periods(school())) {
      if (p.start <= end && start <= p.end) await as('admin').reporting.removePeriod({ ...school(), periodId: p.id })
    }
  }

  /**
   * A period that has started by today and holds `need` (reused from the seed when one covers it, with a day of
   * the year before it for a point outside it), else our own "Fall check-in", Mon Oct 26 to Fri Nov 27.
   */
  async function currentPeriod(need = { start: '2026-11-02', end: TODAY }): Promise<ReportingPeriod> {
    const periods = await as('admin').reporting.periods(school())
    const covering = periods.find((p) => p.start <= need.start && need.end <= p.end && p.start > YEAR.start)
    if (covering) return covering
    await clearWay('2026-10-26', '2026-11-27')
    const { periodId } = await as('admin').reporting.addPeriod({ ...school(), name: 'Fall check-in', start: '2026-10-26', end: '2026-11-27' })
    return (await as('admin').reporting.periods(school())).find((p) => p.id === periodId)!
  }

  /** A period of our own after today (nothing to report yet), for the period settings. */
  async function springPeriod(name = 'Spring check-in'): Promise<ReportingPeriod> {
    await clearWay('2027-03-01', '2027-03-26')
    const { periodId } = await as('admin').reporting.addPeriod({ ...school(), name, start: '2027-03-01', end: '2027-03-26' })
    return (await as('admin').reporting.periods(school())).find((p) => p.id === periodId)!
  }

  const codeKeys = async () => (await as('admin').reporting.codes(school())).codes.map((c) => c.key)

  /** Codes every goal of Johnny's draft, as the case manager. */
  async function codeEveryGoal(periodId: string, narrative = 'Steady progress.') {
    const [key] = await codeKeys()
    for (const goalId of johnnyGoalIds()) await as('caseManager').reports.writePart({ ...johnny(), periodId, goalId, code: key, narrative })
  }

  async function issued(): Promise<ReportingPeriod> {
    const period = await currentPeriod()
    await codeEveryGoal(period.id)
    expect(await as('caseManager').reports.issue({ ...johnny(), periodId: period.id })).toEqual({ version: 1 })
    return period
  }

  describe('the routers’ procedures', () => {
    test('reports has exactly the expected procedures: nothing edits or deletes an issued version', () => {
      const paths = Object.keys(appRouter._def.procedures)
      expect(paths.filter((p) => p.startsWith('reports.')).map((p) => p.slice('reports.'.length)).sort()).toEqual(REPORTS_PROCEDURES)
      expect(paths.filter((p) => p.startsWith('reporting.')).map((p) => p.slice('reporting.'.length)).sort()).toEqual(REPORTING_PROCEDURES)
    })
  })

  describe('permissions: the school’s periods and codes (reporting.*)', () => {
    const calls: Record<string, (user: DemoUserKey, schoolId: string, periodId: string) => Promise<unknown>> = {
      periods: (u, schoolId) => as(u).reporting.periods({ schoolId }),
      codes: (u, schoolId) => as(u).reporting.codes({ schoolId }),
      addPeriod: (u, schoolId) => as(u).reporting.addPeriod({ schoolId, name: 'Winter check-in', start: '2027-01-11', end: '2027-01-22' }),
      updatePeriod: (u, schoolId, periodId) => as(u).reporting.updatePeriod({ schoolId, periodId, name: 'Spring review', start: '2027-03-01', end: '2027-03-26' }),
      removePeriod: (u, schoolId, periodId) => as(u).reporting.removePeriod({ schoolId, periodId }),
      setCodes: (u, schoolId) => as(u).reporting.setCodes({ schoolId, labels: ['Mastered', 'Emerging'] }),
    }
    const MAPLE: Record<DemoUserKey, Record<string, Code>> = {
      admin: { periods: 'OK', codes: 'OK', addPeriod: 'OK', updatePeriod: 'OK', removePeriod: 'OK', setCodes: 'OK' },
      caseManager: { periods: 'OK', codes: 'OK', addPeriod: 'FORBIDDEN', updatePeriod: 'FORBIDDEN', removePeriod: 'FORBIDDEN', setCodes: 'FORBIDDEN' },
      speech: Object.fromEntries(REPORTING_PROCEDURES.map((p) => [p, 'NOT_FOUND'])),
      ot: Object.fromEntries(REPORTING_PROCEDURES.map((p) => [p, 'NOT_FOUND'])),
      para: Object.fromEntries(REPORTING_PROCEDURES.map((p) => [p, 'NOT_FOUND'])),
      parent: Object.fromEntries(REPORTING_PROCEDURES.map((p) => [p, 'NOT_FOUND'])),
      mayaParent: Object.fromEntries(REPORTING_PROCEDURES.map((p) => [p, 'NOT_FOUND'])),
    }

    test.each(ROLES)('%s at Maple: the admin sets, the case manager reads, the rest are nobody to the school', async (user) => {
      for (const name of REPORTING_PROCEDURES) {
        await clearWay('2027-01-11', '2027-01-22')
        const period = await springPeriod()
        const before = snapshot()
        const code = await outcome(calls[name]!(user, demo.schoolId, period.id))
        expect(code, `${user} reporting.${name}`).toBe(MAPLE[user][name])
        if (code !== 'OK') expect(snapshot(), `${user} reporting.${name} wrote nothing`).toEqual(before)
      }
    })

    test.each(ROLES)('%s at another school: NOT_FOUND from every procedure, naming nothing of it', async (user) => {
      for (const name of REPORTING_PROCEDURES) {
        const before = snapshot()
        const error = await trpcError(calls[name]!(user, 'oak', 'no-such-period'))
        expect(error.code, `${user} reporting.${name}`).toBe('NOT_FOUND')
        expect(error.message).not.toContain('Oak')
        expect(snapshot()).toEqual(before)
      }
    })
  })

  describe('permissions: one student’s reports (reports.*)', () => {
    type Fixture = { periodId: string; sitGoalId: string; communicationGoalId: string }
    const calls: Record<string, (user: DemoUserKey, studentId: string, f: Fixture) => Promise<unknown>> = {
      list: (u, studentId) => as(u).reports.list({ studentId }),
      draft: (u, studentId, f) => as(u).reports.draft({ studentId, periodId: f.periodId }),
      writePart: (u, studentId, f) => as(u).reports.writePart({ studentId, periodId: f.periodId, goalId: f.communicationGoalId, code: 'sufficient', narrative: 'Asks for breaks more often.' }),
      issue: (u, studentId, f) => as(u).reports.issue({ studentId, periodId: f.periodId, reason: 'A late point was added.' }),
      version: (u, studentId, f) => as(u).reports.version({ studentId, periodId: f.periodId, version: 1 }),
      pdf: (u, studentId, f) => as(u).reports.pdf({ studentId, periodId: f.periodId, version: 1 }),
      acknowledge: (u, studentId, f) => as(u).reports.acknowledge({ studentId, periodId: f.periodId, version: 1, comment: 'Thank you.' }),
    }
    const everyone = (code: Code) => Object.fromEntries(ROLES.map((r) => [r, code])) as Record<DemoUserKey, Code>
    const JOHNNY: Record<string, Record<DemoUserKey, Code>> = {
      list: everyone('OK'),
      draft: { ...everyone('OK'), parent: 'FORBIDDEN' },
      // The communication goal: the case manager, and the speech provider whose area it is.
      writePart: { ...everyone('FORBIDDEN'), caseManager: 'OK', speech: 'OK' },
      issue: { ...everyone('FORBIDDEN'), caseManager: 'OK' },
      version: everyone('OK'),
      pdf: everyone('OK'),
      acknowledge: { ...everyone('FORBIDDEN'), parent: 'OK' },
    }
    const fixture = async (): Promise<Fixture> => {
      const period = await issued()
      return { periodId: period.id, sitGoalId: demo.sitGoalId, communicationGoalId: goalIdOf('communication') }
    }

    test('every procedure of reports.* is in this table', () => {
      expect(Object.keys(calls).sort()).toEqual(REPORTS_PROCEDURES)
      expect(Object.keys(JOHNNY).sort()).toEqual(REPORTS_PROCEDURES)
    })

    test.each(ROLES)('%s on Johnny, whose team they are on (the admin: at whose school he is)', async (user) => {
      const f = await fixture()
      for (const name of REPORTS_PROCEDURES) {
        const before = snapshot()
        const code = await outcome(calls[name]!(user, demo.johnnyId, f))
        expect(code, `${user} reports.${name}`).toBe(JOHNNY[name]![user])
        if (code !== 'OK') expect(snapshot(), `${user} reports.${name} wrote nothing`).toEqual(before)
      }
    })

    test.each(ROLES)('%s on a student of another school: NOT_FOUND from every procedure', async (user) => {
      const f = await fixture()
      for (const name of REPORTS_PROCEDURES) {
        const before = snapshot()
        const error = await trpcError(calls[name]!(user, 'oak-kid', f))
        expect(error.code, `${user} reports.${name}`).toBe('NOT_FOUND')
        expect(error.message).not.toContain('Olive')
        expect(snapshot()).toEqual(before)
      }
    })

    test.each(['speech', 'ot', 'para', 'parent'] as const)('%s on Maya, whose team they are not on: NOT_FOUND from every procedure', async (user) => {
      const f = await fixture()
      for (const name of REPORTS_PROCEDURES) {
        const error = await trpcError(calls[name]!(user, demo.mayaId, f))
        expect(error.code, `${user} reports.${name}`).toBe('NOT_FOUND')
      }
    })
  })

  describe('reporting periods', () => {
    test('the admin adds periods; they list in date order', async () => {
      await clearWay('2027-01-04', '2027-03-26')
      await as('admin').reporting.addPeriod({ ...school(), name: 'Spring check-in', start: '2027-03-01', end: '2027-03-26' })
      await as('admin').reporting.addPeriod({ ...school(), name: 'Winter check-in', start: '2027-01-04', end: '2027-01-29' })
      const mine = (await as('caseManager').reporting.periods(school())).filter((p) => p.name.endsWith('check-in'))
      expect(mine.map((p) => [p.name, p.start, p.end])).toEqual([
        ['Winter check-in', '2027-01-04', '2027-01-29'],
        ['Spring check-in', '2027-03-01', '2027-03-26'],
      ])
      const audit = t.sqlite.prepare("select actor_id, after from audit_log where entity = 'reporting_period' and action = 'create' order by id desc limit 1").get() as { actor_id: string; after: string }
      expect(audit.actor_id).toBe(demo.users.admin)
      expect(JSON.parse(audit.after)).toEqual({ name: 'Winter check-in', start: '2027-01-04', end: '2027-01-29' })
    })

    test.each([
      ['an overlapping period', { name: 'Late spring', start: '2027-03-20', end: '2027-04-16' }, 'This overlaps “Spring check-in” (Mon, Mar 1 to Fri, Mar 26). A day can belong to one period only.'],
      ['a period sharing one day', { name: 'Late spring', start: '2027-03-26', end: '2027-04-16' }, 'This overlaps “Spring check-in”'],
      ['a period before the school year', { name: 'Summer', start: '2026-08-17', end: '2026-09-04' }, 'A reporting period must fall inside the school year (Mon, Aug 31 to Fri, Jun 18).'],
      ['a period after the school year', { name: 'Summer', start: '2027-06-14', end: '2027-06-25' }, 'A reporting period must fall inside the school year'],
      ['a period without a name', { name: '   ', start: '2027-04-05', end: '2027-04-16' }, 'Give the period a name'],
      ['a period that ends before it starts', { name: 'Backwards', start: '2027-04-16', end: '2027-04-05' }, 'The last day must be on or after the first day.'],
      ['a period with the name of another', { name: 'SPRING CHECK-IN', start: '2027-04-05', end: '2027-04-16' }, 'Another period is already called “Spring check-in”.'],
    ])('%s is refused with a clear message, and nothing changes', async (_, period, message) => {
      await clearWay('2027-04-05', '2027-04-16')
      await springPeriod()
      const before = snapshot()
      const list = await as('admin').reporting.periods(school())
      const error = await trpcError(as('admin').reporting.addPeriod({ ...school(), ...period }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain(message)
      expect(snapshot()).toEqual(before)
      expect(await as('admin').reporting.periods(school())).toEqual(list)
    })

    test('the case manager may read the periods but not add one (FORBIDDEN)', async () => {
      await clearWay('2027-03-01', '2027-03-26')
      const before = snapshot()
      const error = await trpcError(as('caseManager').reporting.addPeriod({ ...school(), name: 'Spring check-in', start: '2027-03-01', end: '2027-03-26' }))
      expect(error.code).toBe('FORBIDDEN')
      expect(snapshot()).toEqual(before)
    })

    test('a period nobody started a report for may be removed; one with a report started may not', async () => {
      const spring = await springPeriod()
      await as('admin').reporting.removePeriod({ ...school(), periodId: spring.id })
      expect((await as('admin').reporting.periods(school())).map((p) => p.id)).not.toContain(spring.id)

      const period = await currentPeriod()
      await as('caseManager').reports.writePart({ ...johnny(), periodId: period.id, goalId: demo.sitGoalId, narrative: 'Started.' })
      const before = snapshot()
      const error = await trpcError(as('admin').reporting.removePeriod({ ...school(), periodId: period.id }))
      expect(error.code).toBe('CONFLICT')
      expect(error.message).toBe(`Reports for “${period.name}” have been started, so it cannot be removed.`)
      expect(snapshot()).toEqual(before)
    })

    test('a period with an issued report keeps its dates; it may still be renamed', async () => {
      const period = await issued()
      const before = snapshot()
      for (const dates of [
        { start: addDays(period.start, 1), end: period.end },
        { start: period.start, end: addDays(period.end, -1) },
      ]) {
        const error = await trpcError(as('admin').reporting.updatePeriod({ ...school(), periodId: period.id, name: period.name, ...dates }))
        expect(error.code).toBe('CONFLICT')
        expect(error.message).toBe(`A report for “${period.name}” was already issued, so its dates stay as they were. You can still rename it.`)
      }
      expect(snapshot()).toEqual(before)
      await as('admin').reporting.updatePeriod({ ...school(), periodId: period.id, name: 'Autumn report', start: period.start, end: period.end })
      expect((await as('admin').reporting.periods(school())).find((p) => p.id === period.id)).toEqual({ ...period, name: 'Autumn report' })
      // The issued version keeps the name it was issued under.
      expect((await as('parent').reports.version({ ...johnny(), periodId: period.id, version: 1 })).doc.period.name).toBe(period.name)
    })

    test('a period without an issued report may move, within the rules', async () => {
      const spring = await springPeriod()
      await as('admin').reporting.updatePeriod({ ...school(), periodId: spring.id, name: spring.name, start: '2027-03-08', end: '2027-03-26' })
      expect((await as('admin').reporting.periods(school())).find((p) => p.id === spring.id)).toMatchObject({ start: '2027-03-08', end: '2027-03-26' })
      const error = await trpcError(as('admin').reporting.updatePeriod({ ...school(), periodId: spring.id, name: spring.name, start: '2027-03-08', end: '2027-06-30' }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('inside the school year')
    })

    test('a period of another school is not found through this school', async () => {
      t.sqlite.prepare("insert into reporting_periods (id, school_id, name, start_date, end_date, created_at) values ('oak-q1', 'oak', 'Oak Q1', '2026-09-01', '2026-10-30', ?)").run(NOW.toISOString())
      const before = snapshot()
      for (const call of [
        as('admin').reporting.removePeriod({ ...school(), periodId: 'oak-q1' }),
        as('admin').reporting.updatePeriod({ ...school(), periodId: 'oak-q1', name: 'Mine now', start: '2027-05-03', end: '2027-05-14' }),
        as('caseManager').reports.draft({ ...johnny(), periodId: 'oak-q1' }),
      ]) {
        const error = await trpcError(call)
        expect(error.code).toBe('NOT_FOUND')
        expect(error.message).toBe('That reporting period was not found at this school.')
      }
      expect(snapshot()).toEqual(before)
    })
  })

  describe('progress codes', () => {
    test('until the school sets its own, the law’s usual four', async () => {
      const { codes, isDefault } = await as('caseManager').reporting.codes(school())
      if (isDefault) expect(codes.map((c) => c.key)).toEqual(['mastered', 'sufficient', 'insufficient', 'not_introduced'])
      expect(codes.length).toBeGreaterThanOrEqual(2)
    })

    test('setting the codes keeps the key of every label that stays (whatever its case); a new label gets a new key', async () => {
      const first = await as('admin').reporting.setCodes({ ...school(), labels: ['Mastered', 'Emerging', 'Not yet introduced'] })
      const before = await as('admin').reporting.codes(school())
      expect(before.isDefault).toBe(false)
      expect(before.codes).toEqual(first)
      const emerging = first.find((c) => c.label === 'Emerging')!.key
      const second = await as('admin').reporting.setCodes({ ...school(), labels: ['emerging', 'Mastered', 'Almost there'] })
      expect(second.map((c) => c.label)).toEqual(['emerging', 'Mastered', 'Almost there'])
      expect(second[0]!.key).toBe(emerging)
      expect(second[1]!.key).toBe(first[0]!.key)
      expect(first.map((c) => c.key)).not.toContain(second[2]!.key)
    })

    test('a label twice is refused, and the codes stay as they were', async () => {
      const before = await as('admin').reporting.codes(school())
      const rows = snapshot()
      const error = await trpcError(as('admin').reporting.setCodes({ ...school(), labels: ['Mastered', 'Emerging', 'mastered'] }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toBe('“mastered” is in the list twice.')
      expect(await as('admin').reporting.codes(school())).toEqual(before)
      expect(snapshot()).toEqual(rows)
    })
  })

  describe('the draft', () => {
    test('is built from the records: a point of the period is in it, one before it is not', async () => {
      const period = await currentPeriod()
      const inside = '2026-11-09'
      const outside = addDays(period.start, -1)
      await as('para').progress.add({ ...johnny(), goalId: demo.sitGoalId, date: inside, value: 77, promptLevel: 'verbal', regulation: 'uneasy' })
      await as('para').progress.add({ ...johnny(), goalId: demo.sitGoalId, date: outside, value: 66, promptLevel: 'verbal', regulation: 'calm' })
      const { doc, versions } = await as('caseManager').reports.draft({ ...johnny(), periodId: period.id })
      expect(versions).toEqual([])
      expect(doc.period).toEqual({ name: period.name, start: period.start, end: period.end })
      expect(doc.asOf).toBe(TODAY)
      expect(doc.student.name).toBe('Johnny Miller')
      expect(doc.goals.map((g) => g.goalId)).toEqual(johnnyGoalIds())
      const sit = doc.goals.find((g) => g.goalId === demo.sitGoalId)!
      expect(sit.points).toContainEqual({ date: inside, value: 77, regulation: 'uneasy', promptLevel: 'verbal' })
      expect(sit.points.map((p) => p.value)).not.toContain(66)
      for (const p of sit.points) expect(p.date >= period.start && p.date <= TODAY).toBe(true)
      expect(sit.code).toBeNull()
    })

    test('carries the team’s words with who wrote them', async () => {
      const period = await currentPeriod()
      await as('speech').reports.writePart({ ...johnny(), periodId: period.id, goalId: goalIdOf('communication'), code: 'sufficient', narrative: 'He asks for breaks.' })
      const { doc } = await as('para').reports.draft({ ...johnny(), periodId: period.id })
      expect(doc.goals.find((g) => g.area === 'communication')).toMatchObject({ code: 'sufficient', narrative: 'He asks for breaks.', writtenBy: 'Priya Shah' })
    })

    test('says which goals the reader may write: every goal for the case manager, a provider’s in her areas, none for a para', async () => {
      const period = await currentPeriod()
      const ref = { ...johnny(), periodId: period.id }
      expect((await as('caseManager').reports.draft(ref)).writable).toEqual(johnnyGoalIds())
      expect((await as('speech').reports.draft(ref)).writable).toEqual([goalIdOf('communication')])
      expect((await as('para').reports.draft(ref)).writable).toEqual([])
    })

    test('a parent may not read the draft (FORBIDDEN), and the list shows a parent only periods with an issued version', async () => {
      const period = await currentPeriod()
      await as('caseManager').reports.writePart({ ...johnny(), periodId: period.id, goalId: demo.sitGoalId, code: 'sufficient', narrative: 'A draft the family must not see yet.' })
      expect((await trpcError(as('parent').reports.draft({ ...johnny(), periodId: period.id }))).code).toBe('FORBIDDEN')
      expect(await as('parent').reports.list(johnny())).toEqual([])
      const staff = await as('caseManager').reports.list(johnny())
      expect(staff.find((s) => s.period.id === period.id)).toMatchObject({ drafted: true, versions: [] })

      await codeEveryGoal(period.id)
      await as('caseManager').reports.issue({ ...johnny(), periodId: period.id })
      const family = await as('parent').reports.list(johnny())
      expect(family.map((s) => s.period.id)).toEqual([period.id])
      expect(family[0]!.drafted).toBe(false)
      expect(family[0]!.versions.map((v) => v.version)).toEqual([1])
    })
  })

  describe('writing a goal’s part', () => {
    test('the case manager writes any goal’s part; a rewrite replaces it', async () => {
      const period = await currentPeriod()
      for (const goalId of johnnyGoalIds()) await as('caseManager').reports.writePart({ ...johnny(), periodId: period.id, goalId, code: 'insufficient', narrative: 'First words.' })
      await as('caseManager').reports.writePart({ ...johnny(), periodId: period.id, goalId: demo.sitGoalId, code: 'mastered', narrative: 'Second words.' })
      const { doc } = await as('caseManager').reports.draft({ ...johnny(), periodId: period.id })
      expect(doc.goals.map((g) => [g.code, g.narrative])).toEqual(johnnyGoalIds().map((id) => (id === demo.sitGoalId ? ['mastered', 'Second words.'] : ['insufficient', 'First words.'])))
      expect(countRows(t.sqlite, 'progress_report_parts')).toBe(3)
      expect(countRows(t.sqlite, 'progress_reports')).toBe(1)
    })

    test('a provider writes only the goals in her areas; once given the area, that goal too', async () => {
      const period = await currentPeriod()
      await as('speech').reports.writePart({ ...johnny(), periodId: period.id, goalId: goalIdOf('communication'), code: 'sufficient', narrative: 'Mine.' })
      const before = snapshot()
      for (const [user, goalId] of [
        ['speech', demo.sitGoalId],
        ['speech', goalIdOf('reading')],
        ['ot', goalIdOf('communication')],
      ] as const) {
        const error = await trpcError(as(user).reports.writePart({ ...johnny(), periodId: period.id, goalId, code: 'sufficient', narrative: 'Not mine.' }))
        expect(error.code, `${user} on ${goalId}`).toBe('FORBIDDEN')
        expect(error.message).toMatch(/^You can write the report for goals in your areas \((communication|motor)\); this goal is in (behavior|reading|communication)\.$/)
      }
      expect(snapshot()).toEqual(before)

      await as('caseManager').team.setAreas({ ...johnny(), memberId: memberIdOf('speech'), areas: ['communication', 'behavior'] })
      await as('speech').reports.writePart({ ...johnny(), periodId: period.id, goalId: demo.sitGoalId, code: 'sufficient', narrative: 'Now mine.' })
      const { doc } = await as('caseManager').reports.draft({ ...johnny(), periodId: period.id })
      expect(doc.goals.find((g) => g.goalId === demo.sitGoalId)).toMatchObject({ narrative: 'Now mine.', writtenBy: 'Priya Shah' })
    })

    test.each(['para', 'parent', 'admin'] as const)('%s may not write any goal’s part (FORBIDDEN)', async (user) => {
      const period = await currentPeriod()
      const before = snapshot()
      for (const goalId of johnnyGoalIds()) {
        const error = await trpcError(as(user).reports.writePart({ ...johnny(), periodId: period.id, goalId, code: 'sufficient', narrative: 'Words.' }))
        expect(error.code).toBe('FORBIDDEN')
      }
      expect(snapshot()).toEqual(before)
    })

    test('a code that is not in the school’s list is refused, and nothing is written', async () => {
      const period = await currentPeriod()
      await as('admin').reporting.setCodes({ ...school(), labels: ['Emerging', 'Developing'] })
      const before = snapshot()
      for (const code of ['sufficient', 'made-up']) {
        const error = await trpcError(as('caseManager').reports.writePart({ ...johnny(), periodId: period.id, goalId: demo.sitGoalId, code, narrative: 'Words.' }))
        expect(error.code).toBe('BAD_REQUEST')
        expect(error.message).toBe('Choose a progress code from the school’s list.')
      }
      expect(snapshot()).toEqual(before)
    })

    test('a goal of another student is not found', async () => {
      const period = await currentPeriod()
      const error = await trpcError(as('caseManager').reports.writePart({ studentId: demo.mayaId, periodId: period.id, goalId: demo.sitGoalId, code: 'sufficient', narrative: 'Words.' }))
      expect(error.code).toBe('NOT_FOUND')
    })
  })

  describe('issuing', () => {
    test('is refused while a goal has no code, and nothing is issued', async () => {
      const period = await currentPeriod()
      await as('caseManager').reports.writePart({ ...johnny(), periodId: period.id, goalId: demo.sitGoalId, code: 'sufficient', narrative: 'Only one.' })
      const before = snapshot()
      const error = await trpcError(as('caseManager').reports.issue({ ...johnny(), periodId: period.id }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toBe('Choose a progress code for every goal first: 2 goals have none.')
      expect(snapshot()).toEqual(before)
    })

    test('is refused for a period that has not started', async () => {
      const spring = await springPeriod()
      await codeEveryGoal(spring.id)
      const error = await trpcError(as('caseManager').reports.issue({ ...johnny(), periodId: spring.id }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toBe('This period starts on Mon, Mar 1: there is nothing to report yet.')
      expect(countRows(t.sqlite, 'progress_report_versions')).toBe(0)
    })

    test('the first issue is version 1 and tells the parents', async () => {
      const period = await issued()
      const [summary] = (await as('caseManager').reports.list(johnny())).filter((s) => s.period.id === period.id)
      expect(summary!.versions).toEqual([
        { version: 1, issuedAt: NOW.toISOString(), issuedBy: 'Dana Rivera', correctionReason: null, pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/), acknowledgments: [] },
      ])
      const notices = t.sqlite.prepare("select user_id, student_id, text from notifications where kind = 'progress_report'").all() as { user_id: string; student_id: string; text: string }[]
      expect(notices).toEqual([
        { user_id: demo.users.parent, student_id: demo.johnnyId, text: `The ${period.name} progress report was issued. Read it and acknowledge it; you can add a comment.` },
      ])
    })

    test('issuing again needs a reason; with one it is version 2, and version 1 reads exactly as it was issued', async () => {
      const period = await issued()
      const v1 = await as('parent').reports.version({ ...johnny(), periodId: period.id, version: 1 })
      const v1Pdf = await as('parent').reports.pdf({ ...johnny(), periodId: period.id, version: 1 })

      const before = snapshot()
      for (const reason of [undefined, '   ']) {
        const error = await trpcError(as('caseManager').reports.issue({ ...johnny(), periodId: period.id, reason }))
        expect(error.code).toBe('BAD_REQUEST')
        expect(error.message).toBe('Say why this correction is issued: the family reads it beside the old version.')
      }
      expect(snapshot()).toEqual(before)

      // The team's words change, and a late point arrives; the correction carries both.
      await as('caseManager').reports.writePart({ ...johnny(), periodId: period.id, goalId: demo.sitGoalId, code: 'mastered', narrative: 'Corrected words.' })
      await as('para').progress.add({ ...johnny(), goalId: demo.sitGoalId, date: '2026-11-16', value: 55, promptLevel: 'independent', regulation: 'calm' })
      const later = new Date('2026-11-17T16:00:00')
      expect(await as('caseManager', later).reports.issue({ ...johnny(), periodId: period.id, reason: 'The narrative for sitting was wrong.' })).toEqual({ version: 2 })

      const v2 = await as('parent').reports.version({ ...johnny(), periodId: period.id, version: 2 })
      expect(v2.versions.map((v) => [v.version, v.correctionReason, v.issuedAt])).toEqual([
        [1, null, NOW.toISOString()],
        [2, 'The narrative for sitting was wrong.', later.toISOString()],
      ])
      expect(v2.doc.goals.find((g) => g.goalId === demo.sitGoalId)).toMatchObject({ code: 'mastered', narrative: 'Corrected words.' })
      expect(v2.doc.goals.find((g) => g.goalId === demo.sitGoalId)!.points.map((p) => p.value)).toContain(55)

      const v1Again = await as('parent').reports.version({ ...johnny(), periodId: period.id, version: 1 })
      expect(v1Again.doc).toEqual(v1.doc)
      expect(v1Again.doc.goals.find((g) => g.goalId === demo.sitGoalId)!.points.map((p) => p.value)).not.toContain(55)
      expect(Buffer.from((await as('parent').reports.pdf({ ...johnny(), periodId: period.id, version: 1 })).pdf).equals(Buffer.from(v1Pdf.pdf))).toBe(true)

      const notices = t.sqlite.prepare("select text from notifications where kind = 'progress_report' and user_id = ? order by created_at").all(demo.users.parent) as { text: string }[]
      expect(notices.map((n) => n.text)).toContain(`The ${period.name} progress report was corrected (version 2): The narrative for sitting was wrong.`)
    })

    test('the stored PDF is the same bytes on every read, and its sha256 is the version’s', async () => {
      const period = await issued()
      const first = await as('parent').reports.pdf({ ...johnny(), periodId: period.id, version: 1 })
      const second = await as('caseManager').reports.pdf({ ...johnny(), periodId: period.id, version: 1 })
      expect(Buffer.from(first.pdf).subarray(0, 5).toString()).toBe('%PDF-')
      expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true)
      expect(first.fileName).toBe(second.fileName)
      expect(first.fileName).toMatch(/^progress-report-Johnny-Miller-.+-v1\.pdf$/)
      const { versions } = await as('parent').reports.version({ ...johnny(), periodId: period.id, version: 1 })
      expect(createHash('sha256').update(first.pdf).digest('hex')).toBe(versions[0]!.pdfSha256)
    })

    test('a version that was never issued is not found', async () => {
      const period = await issued()
      for (const call of [as('parent').reports.version({ ...johnny(), periodId: period.id, version: 2 }), as('parent').reports.pdf({ ...johnny(), periodId: period.id, version: 2 })]) {
        const error = await trpcError(call)
        expect(error.code).toBe('NOT_FOUND')
        expect(error.message).toBe('That version of the report was not found.')
      }
    })

    test.each(['speech', 'ot', 'para', 'parent', 'admin'] as const)('only the case manager issues: %s is FORBIDDEN, and nothing is issued', async (user) => {
      const period = await currentPeriod()
      await codeEveryGoal(period.id)
      const before = snapshot()
      expect((await trpcError(as(user).reports.issue({ ...johnny(), periodId: period.id }))).code).toBe('FORBIDDEN')
      expect(snapshot()).toEqual(before)
    })
  })

  describe('acknowledging', () => {
    test('the parent acknowledges the latest version with a comment; it shows beside the version', async () => {
      const period = await issued()
      const later = new Date('2026-11-18T19:30:00')
      await as('parent', later).reports.acknowledge({ ...johnny(), periodId: period.id, version: 1, comment: '  We see the same at home.  ' })
      const { versions } = await as('caseManager').reports.version({ ...johnny(), periodId: period.id, version: 1 })
      expect(versions[0]!.acknowledgments).toEqual([{ userId: demo.users.parent, name: 'Laura Miller', at: later.toISOString(), comment: 'We see the same at home.' }])
    })

    test('a second acknowledgment of the same version is refused, and the first stays', async () => {
      const period = await issued()
      await as('parent').reports.acknowledge({ ...johnny(), periodId: period.id, version: 1 })
      const before = snapshot()
      const error = await trpcError(as('parent', new Date('2026-11-19T09:00:00')).reports.acknowledge({ ...johnny(), periodId: period.id, version: 1, comment: 'Again.' }))
      expect(error.code).toBe('CONFLICT')
      expect(error.message).toBe('You already acknowledged this version.')
      expect(snapshot()).toEqual(before)
      const { versions } = await as('parent').reports.version({ ...johnny(), periodId: period.id, version: 1 })
      expect(versions[0]!.acknowledgments).toEqual([{ userId: demo.users.parent, name: 'Laura Miller', at: NOW.toISOString(), comment: null }])
    })

    test('a version replaced by a correction is not acknowledged; the latest is', async () => {
      const period = await issued()
      await as('caseManager').reports.issue({ ...johnny(), periodId: period.id, reason: 'A typo in the narrative.' })
      const before = snapshot()
      const error = await trpcError(as('parent').reports.acknowledge({ ...johnny(), periodId: period.id, version: 1 }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toBe('This version was replaced by a correction: acknowledge the latest version.')
      expect(snapshot()).toEqual(before)
      await as('parent').reports.acknowledge({ ...johnny(), periodId: period.id, version: 2, comment: 'Thanks for fixing it.' })
      const { versions } = await as('parent').reports.version({ ...johnny(), periodId: period.id, version: 2 })
      expect(versions.map((v) => v.acknowledgments.map((a) => a.comment))).toEqual([[], ['Thanks for fixing it.']])
    })

    test('a version that does not exist yet is refused', async () => {
      const period = await issued()
      expect((await trpcError(as('parent').reports.acknowledge({ ...johnny(), periodId: period.id, version: 2 }))).code).toBe('BAD_REQUEST')
      const spring = await springPeriod()
      expect((await trpcError(as('parent').reports.acknowledge({ ...johnny(), periodId: spring.id, version: 1 }))).code).toBe('BAD_REQUEST')
      expect(countRows(t.sqlite, 'progress_report_acks')).toBe(0)
    })

    test.each(['caseManager', 'speech', 'ot', 'para', 'admin'] as const)('%s may not acknowledge (FORBIDDEN), and nothing is written', async (user) => {
      const period = await issued()
      const before = snapshot()
      expect((await trpcError(as(user).reports.acknowledge({ ...johnny(), periodId: period.id, version: 1, comment: 'Staff.' }))).code).toBe('FORBIDDEN')
      expect(snapshot()).toEqual(before)
    })
  })
})
