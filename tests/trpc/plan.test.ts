import { ZodError } from 'zod'
import { describe, expect, test } from 'vitest'
import { DEMO_USERS, type DemoUserKey } from '#server/demo/seed.ts'
import { MAYA_ACCOMMODATIONS, MAYA_GOALS } from '#server/demo/seed-maya.ts'
import type { AppCaller } from '#server/trpc/_app.server.ts'
import { addDays } from '#shared/school-date.ts'
import { countRows } from '#tests/setup/test-db.ts'
import type { Demo } from '#tests/fixtures/demo.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

/** A Wednesday in the demo school year (Aug 31 2025 → Jun 18 2026), at noon UTC so the local date is the same anywhere. */
const T0 = new Date('2026-03-04T12:00:00.000Z')
const TODAY = '2026-03-04'
const YEAR_START = '2025-08-31'
const YEAR_END = '2026-06-18'
/** Every table a plan write touches: a refusal must leave each one as it was. */
const TABLES = ['goals', 'goal_versions', 'profile_versions', 'accommodations', 'accommodation_versions', 'progress_points', 'audit_log']
const ALL: DemoUserKey[] = ['caseManager', 'speech', 'para', 'parent', 'admin']
/** Everyone who sees Johnny's plan but may not change it (docs/roles.md: the case manager owns the plan). */
const NOT_OWNERS: DemoUserKey[] = ['speech', 'para', 'parent', 'admin']

const PLAIN = {
  means: 'Johnny adds two numbers like 23 + 14.',
  looksLike: 'He solves the warm-up sums on his own.',
  adultsHelp: 'Give him the number line. Wait before you help.',
  measure: 'Out of 10 sums, how many he gets right.',
}
const NEW_GOAL = {
  area: 'math' as const,
  officialText: 'Johnny will add two-digit numbers without regrouping with 80% accuracy in 4 of 5 trials.',
  plain: PLAIN,
  baseline: '30%',
  target: '80%',
  unit: 'percent' as const,
  mastery: { threshold: 80, consecutive: 3, independentOnly: false },
}
const NEW_ACCOMMODATION = {
  title: 'Fidget tool',
  description: 'He may hold a fidget during carpet time.',
  category: 'regulation' as const,
  applies: { kind: 'weekdays' as const, days: ['tue' as const, 'thu' as const] },
  startDate: '2026-03-02',
}
const NEW_COMMUNICATION = {
  howTheyCommunicate: 'Johnny talks in short phrases and uses his picture cards.',
  givingInstructions: 'Say his name, then one step.',
  wordsThatMatter: '"Break" means now.',
}

describe('plan routers', () => {
  const { t, demo, as } = useDemoDb({ now: T0 })

  const cm = () => as('caseManager')
  const johnny = () => ({ studentId: demo.johnnyId })

  /** Every row of every plan table, to prove a refusal wrote nothing (not even an audit row). */
  const snapshot = () => Object.fromEntries(TABLES.map((table) => [table, t.sqlite.prepare(`select * from ${table} order by rowid`).all()]))
  const counts = () => Object.fromEntries(TABLES.map((table) => [table, countRows(t.sqlite, table)]))
  const delta = (before: Record<string, number>) => {
    const after = counts()
    return Object.fromEntries(TABLES.map((table) => [table, after[table]! - before[table]!]).filter(([, d]) => d !== 0))
  }
  const lastAudit = () =>
    t.sqlite.prepare('select actor_id, student_id, entity, entity_id, action, before, after from audit_log order by id desc limit 1').get() as {
      actor_id: string
      student_id: string
      entity: string
      entity_id: string
      action: string
      before: string | null
      after: string | null
    }
  const memberIdOf = (key: DemoUserKey) =>
    (
      t.sqlite
        .prepare('select id from team_members where student_id = ? and user_id = ? and removed_at is null')
        .get(demo.johnnyId, demo.users[key]) as { id: string }
    ).id
  const goalIdOf = async (area: string) => {
    const goal = (await cm().goals.list(johnny())).find((g) => g.area === area)
    if (!goal) throw new Error(`Johnny has no ${area} goal`)
    return goal.id
  }
  const versionsOf = (goalId: string) =>
    (t.sqlite.prepare('select version from goal_versions where goal_id = ? order by version').all(goalId) as { version: number }[]).map((r) => r.version)
  const accommodationIds = () =>
    (t.sqlite.prepare('select id from accommodations where student_id = ? order by created_at, rowid').all(demo.johnnyId) as { id: string }[]).map(
      (r) => r.id,
    )

  describe.each(ALL)('%s reads Johnny’s plan', (user) => {
    test('profiles.get: both profiles come back filled, by the case manager', async () => {
      const profiles = await as(user).profiles.get(johnny())
      for (const profile of [profiles.communication, profiles.regulation]) {
        const { updatedAt, updatedBy, ...fields } = profile
        expect(Object.keys(fields).length).toBeGreaterThanOrEqual(3)
        for (const value of Object.values(fields)) expect(value.trim()).not.toBe('')
        expect([updatedAt, updatedBy]).toEqual([T0.toISOString(), DEMO_USERS.caseManager.name])
      }
      expect(profiles.communication.wordsThatMatter).toContain('Break')
      expect(profiles.regulation.calmPlace).toContain('reading corner')
    })

    test('goals.list: his three goals in order, each with a status', async () => {
      const goals = await as(user).goals.list(johnny())
      expect(goals.map((g) => [g.area, g.version])).toEqual([
        ['behavior', 1],
        ['communication', 1],
        ['reading', 1],
      ])
      expect(goals[0]!.id).toBe(demo.sitGoalId)
      for (const g of goals) {
        expect(['met', 'on_track', 'needs_attention']).toContain(g.status.status)
        expect(g.latest?.date).toBeDefined()
      }
    })

    test('goals.get: one goal with its data points, and its versions', async () => {
      const goal = await as(user).goals.get({ ...johnny(), goalId: demo.sitGoalId })
      expect(goal.officialText).toContain('20 consecutive minutes')
      expect(goal.points.map((p) => p.value)).toEqual([9, 11, 14, 17, 20, 21, 22])
      expect(goal.points.every((p, i, all) => i === 0 || all[i - 1]!.date < p.date)).toBe(true)
      expect(goal.points.at(-1)!.date < TODAY).toBe(true)
      expect((await as(user).goals.versions({ ...johnny(), goalId: demo.sitGoalId })).map((v) => v.version)).toEqual([1])
    })

    test('accommodations.list: all seven', async () => {
      const list = await as(user).accommodations.list(johnny())
      expect(list.map((a) => a.id).sort()).toEqual(accommodationIds().sort())
      expect(list).toHaveLength(7)
      expect(new Set(list.map((a) => a.startDate))).toEqual(new Set([YEAR_START]))
    })

    test('accommodations.forDay: what applies first, then what depends on the subject or a test; weekday-only ones on their days', async () => {
      const wednesday = await as(user).accommodations.forDay(johnny()) // today, from the caller's clock
      expect(wednesday.map((a) => a.applicability)).toEqual([...Array(5).fill('applies'), 'conditional', 'conditional'])
      expect(wednesday.map((a) => a.title)).toContain('Morning check-in')
      expect(wednesday.filter((a) => a.applicability === 'conditional').map((a) => a.title).sort()).toEqual(['Extra time', 'Word problems read aloud'])
      const tuesday = await as(user).accommodations.forDay({ ...johnny(), date: addDays(TODAY, -1) })
      expect(tuesday.map((a) => a.title)).not.toContain('Morning check-in')
      expect(tuesday).toHaveLength(6)
      expect(await as(user).accommodations.forDay({ ...johnny(), date: addDays(TODAY, 3) })).toEqual([]) // Saturday
    })
  })

  describe('Maya, whose team is only the case manager', () => {
    test('the school admin reads her plan: her communication profile, an empty regulation profile, her goals and supports', async () => {
      const profiles = await as('admin').profiles.get({ studentId: demo.mayaId })
      expect(profiles.communication.howTheyCommunicate).toContain('full sentences')
      expect(profiles.regulation).toEqual({ earlySigns: '', whatHelps: '', whatToAvoid: '', calmPlace: '', updatedAt: null, updatedBy: null })
      expect((await as('admin').goals.list({ studentId: demo.mayaId })).map((g) => g.plain.means)).toEqual(MAYA_GOALS.map((g) => g.plain.means))
      expect((await as('admin').accommodations.list({ studentId: demo.mayaId })).map((a) => a.title)).toEqual(MAYA_ACCOMMODATIONS.map((a) => a.words.title))
    })

    test('the school admin may not add to her plan; her case manager may', async () => {
      const before = snapshot()
      expect((await trpcError(as('admin').goals.create({ studentId: demo.mayaId, ...NEW_GOAL }))).code).toBe('FORBIDDEN')
      expect(snapshot()).toEqual(before)
      const { goalId } = await cm().goals.create({ studentId: demo.mayaId, ...NEW_GOAL })
      expect((await as('admin').goals.list({ studentId: demo.mayaId })).map((g) => g.id).at(-1)).toBe(goalId)
      expect((await cm().goals.list(johnny())).map((g) => g.id)).not.toContain(goalId)
    })

    test('her goal and accommodation cannot be reached through Johnny', async () => {
      const { goalId } = await cm().goals.create({ studentId: demo.mayaId, ...NEW_GOAL })
      const { accommodationId } = await cm().accommodations.create({ studentId: demo.mayaId, ...NEW_ACCOMMODATION })
      const before = snapshot()
      const viaJohnny = [
        cm().goals.get({ ...johnny(), goalId }),
        cm().goals.update({ ...johnny(), goalId, ...NEW_GOAL }),
        cm().goals.updatePlain({ ...johnny(), goalId, plain: PLAIN }),
        cm().accommodations.update({ ...johnny(), accommodationId, ...NEW_ACCOMMODATION }),
      ]
      for (const call of viaJohnny) {
        const error = await trpcError(call)
        expect(error.code).toBe('NOT_FOUND')
        expect(error.message).not.toContain('Maya')
      }
      expect(snapshot()).toEqual(before)
    })
  })

  describe('changing the plan', () => {
    const writes = {
      'goals.create': (c: AppCaller, d: Demo) => c.goals.create({ studentId: d.johnnyId, ...NEW_GOAL }),
      'goals.update': (c: AppCaller, d: Demo) => c.goals.update({ studentId: d.johnnyId, goalId: d.sitGoalId, ...NEW_GOAL, area: 'behavior' }),
      'profiles.update': (c: AppCaller, d: Demo) =>
        c.profiles.update({ studentId: d.johnnyId, kind: 'communication', profile: NEW_COMMUNICATION }),
      'accommodations.create': (c: AppCaller, d: Demo) => c.accommodations.create({ studentId: d.johnnyId, ...NEW_ACCOMMODATION }),
      'accommodations.update': (c: AppCaller, d: Demo) =>
        c.accommodations.update({ studentId: d.johnnyId, accommodationId: accommodationIds()[0]!, ...NEW_ACCOMMODATION }),
    }
    type Write = keyof typeof writes
    const WRITES = Object.keys(writes) as Write[]
    /** Rows each write adds, one version and one audit row each. */
    const ADDS: Record<Write, Record<string, number>> = {
      'goals.create': { goals: 1, goal_versions: 1, audit_log: 1 },
      'goals.update': { goal_versions: 1, audit_log: 1 },
      'profiles.update': { profile_versions: 1, audit_log: 1 },
      'accommodations.create': { accommodations: 1, accommodation_versions: 1, audit_log: 1 },
      'accommodations.update': { accommodation_versions: 1, audit_log: 1 },
    }

    test.each(WRITES)('the case manager may %s: a new version and an audit row, nothing else', async (name) => {
      const before = counts()
      await writes[name](cm(), demo)
      expect(delta(before)).toEqual(ADDS[name])
      expect(lastAudit()).toMatchObject({ actor_id: demo.users.caseManager, student_id: demo.johnnyId })
    })

    describe.each(NOT_OWNERS)('%s', (user) => {
      test.each(WRITES)('is FORBIDDEN from %s, and nothing changes', async (name) => {
        const before = snapshot()
        const beforeCounts = counts()
        const error = await trpcError(writes[name](as(user), demo))
        expect(error.code).toBe('FORBIDDEN')
        expect(error.message).toBe('Your role on this student’s team cannot do that.')
        expect(counts()).toEqual(beforeCounts)
        expect(snapshot()).toEqual(before)
      })
    })

    test('a created goal is listed last, at version 1, with no data yet', async () => {
      const { goalId } = await cm().goals.create({ ...johnny(), ...NEW_GOAL })
      const goals = await as('parent').goals.list(johnny())
      expect(goals.map((g) => g.id).at(-1)).toBe(goalId)
      expect(goals.at(-1)).toMatchObject({
        area: 'math',
        version: 1,
        plain: PLAIN,
        status: { status: 'no_data' },
        metOnPaper: false,
        latest: null,
        updatedBy: DEMO_USERS.caseManager.name,
      })
      expect(lastAudit()).toMatchObject({ entity: 'goal', entity_id: goalId, action: 'create', before: null })
    })

    test('goals.update keeps the earlier version, lists both, and audits before and after', async () => {
      const original = await cm().goals.get({ ...johnny(), goalId: demo.sitGoalId })
      const officialText = 'Johnny will remain seated and calm for 20 minutes, and be calm afterwards, in 4 of 5 opportunities.'
      await cm().goals.update({ ...johnny(), goalId: demo.sitGoalId, ...NEW_GOAL, area: 'behavior', officialText, unit: 'minutes' })

      expect(versionsOf(demo.sitGoalId)).toEqual([1, 2])
      const versions = await as('parent').goals.versions({ ...johnny(), goalId: demo.sitGoalId })
      expect(versions.map((v) => [v.version, v.officialText, v.createdBy])).toEqual([
        [2, officialText, DEMO_USERS.caseManager.name],
        [1, original.officialText, DEMO_USERS.caseManager.name],
      ])
      const current = await cm().goals.get({ ...johnny(), goalId: demo.sitGoalId })
      expect([current.version, current.officialText, current.updatedAt]).toEqual([2, officialText, T0.toISOString()])
      expect(current.points).toEqual(original.points) // the data stays with the goal

      const audit = lastAudit()
      expect(audit).toMatchObject({ entity: 'goal', entity_id: demo.sitGoalId, action: 'update', actor_id: demo.users.caseManager })
      expect(JSON.parse(audit.before!)).toMatchObject({ officialText: original.officialText, plain: original.plain, unit: 'minutes' })
      expect(JSON.parse(audit.after!)).toMatchObject({ officialText, plain: PLAIN })
    })

    test('profiles.update is a new version; the earlier one stays and the audit row holds both', async () => {
      const original = await cm().profiles.get(johnny())
      await cm().profiles.update({ ...johnny(), kind: 'communication', profile: NEW_COMMUNICATION })
      const profiles = await as('para').profiles.get(johnny())
      expect(profiles.communication).toEqual({ ...NEW_COMMUNICATION, updatedAt: T0.toISOString(), updatedBy: DEMO_USERS.caseManager.name })
      expect(profiles.regulation).toEqual(original.regulation)
      const rows = t.sqlite
        .prepare("select version from profile_versions where student_id = ? and kind = 'communication' order by version")
        .all(demo.johnnyId)
      expect(rows).toEqual([{ version: 1 }, { version: 2 }])
      const audit = lastAudit()
      expect(audit).toMatchObject({ entity: 'communication_profile', action: 'update' })
      const { updatedAt: _a, updatedBy: _b, ...originalFields } = original.communication
      expect(JSON.parse(audit.before!)).toEqual(originalFields)
      expect(JSON.parse(audit.after!)).toEqual(NEW_COMMUNICATION)
    })

    test('accommodations.create and update: listed, shown on its days, versioned', async () => {
      const { accommodationId } = await cm().accommodations.create({ ...johnny(), ...NEW_ACCOMMODATION })
      expect((await as('para').accommodations.list(johnny())).map((a) => a.id)).toContain(accommodationId)
      const tuesday = addDays(TODAY, -1)
      expect((await as('para').accommodations.forDay({ ...johnny(), date: tuesday })).map((a) => a.id)).toContain(accommodationId)
      expect((await as('para').accommodations.forDay(johnny())).map((a) => a.id)).not.toContain(accommodationId) // Wednesday

      await cm().accommodations.update({ ...johnny(), accommodationId, ...NEW_ACCOMMODATION, title: 'Fidget tool at carpet', applies: { kind: 'daily' } })
      const updated = (await as('para').accommodations.list(johnny())).find((a) => a.id === accommodationId)
      expect(updated).toMatchObject({ version: 2, title: 'Fidget tool at carpet', applies: { kind: 'daily' } })
      expect((await as('para').accommodations.forDay(johnny())).map((a) => a.id)).toContain(accommodationId)
      const audit = lastAudit()
      expect(JSON.parse(audit.before!)).toMatchObject({ title: 'Fidget tool', applies: NEW_ACCOMMODATION.applies })
      expect(JSON.parse(audit.after!)).toMatchObject({ title: 'Fidget tool at carpet' })
    })

    test.each([
      ['before the school year', addDays(YEAR_START, -1)],
      ['after the school year', addDays(YEAR_END, 1)],
    ])('accommodations.create with a start date %s is a BAD_REQUEST on startDate, and writes nothing', async (_when, startDate) => {
      const before = snapshot()
      const error = await trpcError(cm().accommodations.create({ ...johnny(), ...NEW_ACCOMMODATION, startDate }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.cause).toMatchObject({ name: 'DomainError', field: 'startDate' })
      expect(error.message).toMatch(/outside the school year/)
      expect(error.message).toContain(YEAR_START.slice(0, 4))
      expect(error.message).toContain(YEAR_END.slice(0, 4))
      expect(snapshot()).toEqual(before)
    })

    test('accommodations.update with a start date outside the school year is refused too', async () => {
      const before = snapshot()
      const error = await trpcError(
        cm().accommodations.update({ ...johnny(), accommodationId: accommodationIds()[0]!, ...NEW_ACCOMMODATION, startDate: addDays(YEAR_START, -1) }),
      )
      expect([error.code, (error.cause as { field?: string }).field]).toEqual(['BAD_REQUEST', 'startDate'])
      expect(snapshot()).toEqual(before)
    })
  })

  describe('bad input is a BAD_REQUEST naming the field, never an internal error', () => {
    const zodPaths = (error: { cause?: unknown }) => {
      expect(error.cause).toBeInstanceOf(ZodError)
      return (error.cause as ZodError).issues.map((i) => [i.path.join('.'), i.message])
    }

    test.each([
      {
        name: 'a plain part of 501 characters (goals.create)',
        call: (d: Demo) => as('caseManager').goals.create({ studentId: d.johnnyId, ...NEW_GOAL, plain: { ...PLAIN, adultsHelp: 'a'.repeat(501) } }),
        issue: ['plain.adultsHelp', 'How adults help must be at most 500 characters.'],
      },
      {
        name: 'an official text of 2001 characters (goals.update)',
        call: (d: Demo) =>
          as('caseManager').goals.update({ studentId: d.johnnyId, goalId: d.sitGoalId, ...NEW_GOAL, officialText: 'a'.repeat(2001) }),
        issue: ['officialText', 'The official goal text must be at most 2000 characters.'],
      },
      {
        name: 'an empty plain "means" (goals.updatePlain)',
        call: (d: Demo) => as('caseManager').goals.updatePlain({ studentId: d.johnnyId, goalId: d.sitGoalId, plain: { ...PLAIN, means: '' } }),
        issue: ['plain.means', 'What it means is required.'],
      },
      {
        name: 'a blank plain "means" from the speech provider',
        call: (d: Demo) => as('speech').goals.updatePlain({ studentId: d.johnnyId, goalId: d.sitGoalId, plain: { ...PLAIN, means: '   ' } }),
        issue: ['plain.means', 'What it means is required.'],
      },
      {
        name: 'an unknown accommodation category',
        // Deliberately ill-typed: this is what a hand-made HTTP request can send.
        call: (d: Demo) => as('caseManager').accommodations.create({ studentId: d.johnnyId, ...NEW_ACCOMMODATION, category: 'snacks' } as never),
        issue: ['category', 'Choose a category from the list.'],
      },
      {
        name: 'a start date that is not a date',
        call: (d: Demo) => as('caseManager').accommodations.create({ studentId: d.johnnyId, ...NEW_ACCOMMODATION, startDate: '2026-02-30' }),
        issue: ['startDate', 'Enter a real date as YYYY-MM-DD.'],
      },
      {
        name: 'an unknown profile kind',
        call: (d: Demo) => as('caseManager').profiles.update({ studentId: d.johnnyId, kind: 'sleep', profile: {} } as never),
        issue: ['kind', expect.any(String)],
      },
    ])('$name', async ({ call, issue }) => {
      const before = snapshot()
      const error = await trpcError(call(demo))
      expect(error.code).toBe('BAD_REQUEST')
      expect(zodPaths(error)).toEqual([issue])
      expect(error.message).toContain(`"${issue[0]!.split('.').at(-1)}"`)
      expect(snapshot()).toEqual(before)
    })
  })

  describe('goals.updatePlain: the plain parts, by area', () => {
    const NEW_PLAIN = { ...PLAIN, means: 'Johnny asks for a break with his card or the word "break".' }

    test('the case manager may edit any goal’s plain parts: a new version, official text unchanged', async () => {
      for (const area of ['behavior', 'communication', 'reading']) {
        const goalId = await goalIdOf(area)
        const before = await cm().goals.get({ ...johnny(), goalId })
        await cm().goals.updatePlain({ ...johnny(), goalId, plain: NEW_PLAIN })
        const after = await cm().goals.get({ ...johnny(), goalId })
        expect([after.version, after.plain, after.officialText]).toEqual([2, NEW_PLAIN, before.officialText])
        const audit = lastAudit()
        expect(audit).toMatchObject({ entity: 'goal', entity_id: goalId, action: 'update_plain' })
        expect(JSON.parse(audit.before!)).toEqual({ plain: before.plain })
        expect(JSON.parse(audit.after!)).toEqual({ plain: NEW_PLAIN })
      }
    })

    test('the speech provider may edit the communication goal (their area)', async () => {
      const goalId = await goalIdOf('communication')
      const before = counts()
      await as('speech').goals.updatePlain({ ...johnny(), goalId, plain: NEW_PLAIN })
      expect(delta(before)).toEqual({ goal_versions: 1, audit_log: 1 })
      expect(versionsOf(goalId)).toEqual([1, 2])
      const [latest] = await as('parent').goals.versions({ ...johnny(), goalId })
      expect(latest).toMatchObject({ version: 2, plain: NEW_PLAIN, createdBy: DEMO_USERS.speech.name })
      expect(lastAudit().actor_id).toBe(demo.users.speech)
    })

    test('the speech provider is FORBIDDEN on the behavior goal, told their areas, and nothing is written', async () => {
      const before = snapshot()
      const error = await trpcError(as('speech').goals.updatePlain({ ...johnny(), goalId: demo.sitGoalId, plain: NEW_PLAIN }))
      expect(error.code).toBe('FORBIDDEN')
      expect(error.message).toContain('(communication)')
      expect(error.message).toContain('behavior')
      expect(snapshot()).toEqual(before)
    })

    test.each(['para', 'parent', 'admin'] as const)('%s is FORBIDDEN on every goal, and nothing is written', async (user) => {
      const before = snapshot()
      for (const goalId of [demo.sitGoalId, await goalIdOf('communication')]) {
        const error = await trpcError(as(user).goals.updatePlain({ ...johnny(), goalId, plain: NEW_PLAIN }))
        expect(error.code).toBe('FORBIDDEN')
      }
      expect(snapshot()).toEqual(before)
    })

    test('after the case manager gives the provider "behavior", the provider may edit the behavior goal', async () => {
      await cm().team.setAreas({ ...johnny(), memberId: memberIdOf('speech'), areas: ['communication', 'behavior'] })
      expect(lastAudit()).toMatchObject({ entity: 'team_member', entity_id: memberIdOf('speech'), action: 'set_areas' })
      expect((await as('speech').team.list(johnny())).find((m) => m.role === 'provider')?.areas).toEqual(['behavior', 'communication'])

      await as('speech').goals.updatePlain({ ...johnny(), goalId: demo.sitGoalId, plain: NEW_PLAIN })
      expect(versionsOf(demo.sitGoalId)).toEqual([1, 2])
      expect((await cm().goals.get({ ...johnny(), goalId: demo.sitGoalId })).plain).toEqual(NEW_PLAIN)
      // Still only the plain parts: the official text stays the case manager's.
      const error = await trpcError(as('speech').goals.update({ ...johnny(), goalId: demo.sitGoalId, ...NEW_GOAL, area: 'behavior' }))
      expect(error.code).toBe('FORBIDDEN')
    })

    test('with no areas left, the provider is told to ask the case manager', async () => {
      await cm().team.setAreas({ ...johnny(), memberId: memberIdOf('speech'), areas: [] })
      const before = snapshot()
      const error = await trpcError(as('speech').goals.updatePlain({ ...johnny(), goalId: await goalIdOf('communication'), plain: NEW_PLAIN }))
      expect(error.code).toBe('FORBIDDEN')
      expect(error.message).toMatch(/no area is set for you yet/)
      expect(snapshot()).toEqual(before)
    })

    test('setAreas is refused for a member who is not a provider, and writes nothing', async () => {
      const areasBefore = t.sqlite.prepare('select id, areas from team_members order by rowid').all()
      const before = snapshot()
      const error = await trpcError(cm().team.setAreas({ ...johnny(), memberId: memberIdOf('para'), areas: ['behavior'] }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toBe('Areas are set for service providers only.')
      expect(t.sqlite.prepare('select id, areas from team_members order by rowid').all()).toEqual(areasBefore)
      expect(snapshot()).toEqual(before)
    })

    test.each(NOT_OWNERS)('setAreas is FORBIDDEN for %s, and writes nothing', async (user) => {
      const areasBefore = t.sqlite.prepare('select id, areas from team_members order by rowid').all()
      const before = snapshot()
      const error = await trpcError(as(user).team.setAreas({ ...johnny(), memberId: memberIdOf('speech'), areas: ['behavior'] }))
      expect(error.code).toBe('FORBIDDEN')
      expect(t.sqlite.prepare('select id, areas from team_members order by rowid').all()).toEqual(areasBefore)
      expect(snapshot()).toEqual(before)
    })
  })

  describe('progress data', () => {
    type PointInput = Parameters<AppCaller['progress']['add']>[0]
    const point = (over: Partial<PointInput> = {}): PointInput => ({
      ...johnny(),
      goalId: demo.sitGoalId,
      date: TODAY,
      value: 18,
      promptLevel: 'verbal' as const,
      regulation: 'calm' as const,
      note: 'Sat through math; calm at recess.',
      ...over,
    })
    const pointRow = (id: string) =>
      t.sqlite.prepare('select goal_id, student_id, date, value, trials, prompt_level, regulation, note, recorded_by, voided_at, voided_by, void_reason from progress_points where id = ?').get(id) as
        | Record<string, unknown>
        | undefined

    test.each(['caseManager', 'speech', 'para'] as const)('%s may add a data point, which is audited', async (user) => {
      const before = counts()
      const { pointId, value } = await as(user).progress.add(point())
      expect(value).toBe(18)
      expect(delta(before)).toEqual({ progress_points: 1, audit_log: 1 })
      expect(pointRow(pointId)).toMatchObject({ date: TODAY, value: 18, trials: null, recorded_by: demo.users[user], voided_at: null })
      expect(lastAudit()).toMatchObject({ actor_id: demo.users[user], entity: 'progress_point', entity_id: pointId, action: 'create' })
      const goal = await as('parent').goals.get({ ...johnny(), goalId: demo.sitGoalId })
      expect(goal.latest).toMatchObject({ id: pointId, value: 18, recordedBy: DEMO_USERS[user].name })
    })

    test.each(['parent', 'admin'] as const)('%s is FORBIDDEN from adding or voiding, and nothing changes', async (user) => {
      const { pointId } = await cm().progress.add(point())
      const before = snapshot()
      expect((await trpcError(as(user).progress.add(point()))).code).toBe('FORBIDDEN')
      expect((await trpcError(as(user).progress.void({ ...johnny(), pointId, reason: 'Wrong day.' }))).code).toBe('FORBIDDEN')
      expect(snapshot()).toEqual(before)
    })

    test('trials [independent, independent, prompted] store the value 67 and the trials', async () => {
      const trials = ['independent', 'independent', 'prompted'] as const
      const { pointId, value } = await as('speech').progress.add(point({ goalId: await goalIdOf('communication'), value: undefined, trials: [...trials] }))
      expect(value).toBe(67)
      expect(pointRow(pointId)).toMatchObject({ value: 67, trials: JSON.stringify(trials) })
      const goal = await cm().goals.get({ ...johnny(), goalId: await goalIdOf('communication') })
      expect(goal.points.find((p) => p.id === pointId)).toMatchObject({ value: 67, trials: [...trials] })
    })

    test('a future date is a BAD_REQUEST naming the date, and writes nothing', async () => {
      const before = snapshot()
      const error = await trpcError(as('para').progress.add(point({ date: addDays(TODAY, 1) })))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.cause).toMatchObject({ name: 'DomainError', field: 'date' })
      expect(error.message).toMatch(/future date/)
      expect(snapshot()).toEqual(before)
    })

    test('a date before the school year is a BAD_REQUEST on date, and writes nothing', async () => {
      const before = snapshot()
      const error = await trpcError(as('para').progress.add(point({ date: addDays(YEAR_START, -1) })))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.cause).toMatchObject({ name: 'DomainError', field: 'date' })
      expect(error.message).toMatch(/outside the school year/)
      expect(snapshot()).toEqual(before)
      // The control: the first day of the year is accepted.
      await as('para').progress.add(point({ date: YEAR_START }))
    })

    test('neither a value nor trials is a BAD_REQUEST on value, and writes nothing', async () => {
      const before = snapshot()
      for (const input of [point({ value: undefined }), point({ value: undefined, trials: undefined, note: '' })]) {
        const error = await trpcError(as('para').progress.add(input))
        expect(error.code).toBe('BAD_REQUEST')
        expect((error.cause as ZodError).issues.map((i) => i.path.join('.'))).toEqual(['value'])
      }
      expect(snapshot()).toEqual(before)
    })

    test('a goal of Maya’s used with Johnny’s student id is NOT_FOUND, and nothing is written', async () => {
      const { goalId } = await cm().goals.create({ studentId: demo.mayaId, ...NEW_GOAL })
      const before = snapshot()
      const error = await trpcError(cm().progress.add(point({ goalId })))
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).not.toContain('Maya')
      expect(snapshot()).toEqual(before)
      // The same goal with Maya's id is fine for her case manager.
      await cm().progress.add(point({ studentId: demo.mayaId, goalId }))
    })

    test('a data point of Maya’s cannot be voided through Johnny', async () => {
      const { goalId } = await cm().goals.create({ studentId: demo.mayaId, ...NEW_GOAL })
      const { pointId } = await cm().progress.add(point({ studentId: demo.mayaId, goalId }))
      const before = snapshot()
      const error = await trpcError(cm().progress.void({ ...johnny(), pointId, reason: 'Wrong student.' }))
      expect(error.code).toBe('NOT_FOUND')
      expect(snapshot()).toEqual(before)
    })

    test('void needs a reason, stamps the row and keeps it, and cannot be done twice', async () => {
      const { pointId } = await as('para').progress.add(point({ value: 25, regulation: 'dysregulated' }))
      const before = snapshot()
      for (const reason of ['', '   ']) {
        const error = await trpcError(as('para').progress.void({ ...johnny(), pointId, reason }))
        expect(error.code).toBe('BAD_REQUEST')
        expect((error.cause as ZodError).issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reason', 'Say why this data point is wrong.']])
      }
      expect(snapshot()).toEqual(before)

      const rowsBefore = countRows(t.sqlite, 'progress_points')
      const voidAt = new Date(T0.getTime() + 60_000)
      await demo.callerFor('caseManager', voidAt).progress.void({ ...johnny(), pointId, reason: 'Recorded for the wrong goal.' })
      expect(countRows(t.sqlite, 'progress_points')).toBe(rowsBefore)
      expect(pointRow(pointId)).toMatchObject({
        value: 25,
        voided_at: voidAt.toISOString(),
        voided_by: demo.users.caseManager,
        void_reason: 'Recorded for the wrong goal.',
      })
      const audit = lastAudit()
      expect(audit).toMatchObject({ entity: 'progress_point', entity_id: pointId, action: 'void' })
      expect(JSON.parse(audit.after!)).toMatchObject({ voidedAt: voidAt.toISOString(), reason: 'Recorded for the wrong goal.' })

      // Still shown, struck through: in the goal's points, but no longer its latest.
      const goal = await as('parent').goals.get({ ...johnny(), goalId: demo.sitGoalId })
      expect(goal.points.find((p) => p.id === pointId)).toMatchObject({ voidedAt: voidAt.toISOString(), voidReason: 'Recorded for the wrong goal.' })
      expect(goal.latest?.id).not.toBe(pointId)

      const afterVoid = snapshot()
      const again = await trpcError(as('para').progress.void({ ...johnny(), pointId, reason: 'Again.' }))
      expect(again.code).toBe('CONFLICT')
      expect(again.message).toMatch(/already voided/)
      expect(snapshot()).toEqual(afterVoid)
    })
  })

  describe('the "met on paper" goal', () => {
    test('getGoal on Johnny’s sit goal: met, and flagged as met on paper', async () => {
      const goal = await as('parent').goals.get({ ...johnny(), goalId: demo.sitGoalId })
      expect(goal.status).toEqual({ status: 'met', reason: 'The last 3 sessions reach the goal.' })
      expect(goal.metOnPaper).toBe(true)
      const last3 = goal.points.slice(-3)
      expect(last3.every((p) => p.value >= goal.mastery.threshold)).toBe(true)
      expect(last3.map((p) => p.regulation)).toContain('dysregulated')
    })

    test('voiding the dysregulated points clears the flag; a new calm point below the goal ends "met"', async () => {
      const goal = await cm().goals.get({ ...johnny(), goalId: demo.sitGoalId })
      for (const p of goal.points.filter((p) => p.regulation === 'dysregulated')) {
        await cm().progress.void({ ...johnny(), pointId: p.id, reason: 'Test: not representative.' })
      }
      const cleared = await cm().goals.get({ ...johnny(), goalId: demo.sitGoalId })
      expect(cleared.metOnPaper).toBe(false)
      expect(cleared.status.status).not.toBe('met') // only one valid point of 20+ remains

      await as('para').progress.add({ ...johnny(), goalId: demo.sitGoalId, date: TODAY, value: 12, promptLevel: 'verbal', regulation: 'calm', note: '' })
      const listed = (await as('parent').goals.list(johnny())).find((g) => g.id === demo.sitGoalId)
      expect(listed).toMatchObject({ metOnPaper: false, latest: { value: 12, date: TODAY } })
    })
  })
})
