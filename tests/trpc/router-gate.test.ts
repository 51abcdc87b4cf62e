import { beforeEach, describe, expect, test } from 'vitest'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { type Action, ACTIONS, can, canOwned, OWNED_ACTIONS, type OwnedAction, type OwnedFacts, ownedRefusal, SCHOOL_ACTIONS } from '#shared/permissions.ts'
import type { StudentRole } from '#shared/roles.ts'
import { appRouter } from '#server/trpc/_app.server.ts'
import type { Meta } from '#server/trpc/trpc.server.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { callByPath, trpcError } from './call.ts'

/**
 * docs/decisions/003-one-permission-gate.md: walk every procedure of the router. The only procedures allowed
 * without a student gate are listed here by hand, so a new one that forgets studentProcedure fails this test.
 */
const USER_SCOPED = ['students.mine', 'today.forMe', 'sessions.week', 'sessions.weekPlan', 'sessions.recordWeek', 'schools.mine', 'accountability.caseload', 'notifications.mine', 'notifications.markSeen', 'notifications.alerts', 'noticeSettings.mine', 'noticeSettings.set', 'noticeSettings.preview', 'twoStep.status', 'twoStep.beginSetUp', 'twoStep.confirmSetUp', 'twoStep.turnOff', 'twoStep.renewRecoveryCodes', 'iepCalendar.dueForMe', 'advocates.endedForMe']

const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => ({
  path,
  meta: (procedure as unknown as { _def: { meta?: Partial<Meta> } })._def.meta,
}))
const studentScoped = procedures.filter((p) => p.meta?.scope === 'student').map((p) => p.path)
const schoolScoped = procedures.filter((p) => p.meta?.scope === 'school').map((p) => p.path)
const OUTSIDERS: DemoUserKey[] = ['para', 'parent', 'speech']
const TABLES = ['users', 'team_members', 'invites', 'audit_log', 'auth_sessions']

describe('every tRPC procedure is behind the gate', () => {
  const { t, demo } = useDemoDb()

  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))

  test('the router has procedures to walk, and student procedures among them', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(USER_SCOPED.length + 1)
    expect(studentScoped.length).toBeGreaterThan(0)
  })

  test.each(procedures)('$path declares its scope (and a known action when student-scoped)', ({ path, meta }) => {
    expect(meta?.scope).toMatch(/^(user|student|school)$/)
    if (meta?.scope === 'student') expect(ACTIONS).toContain(meta.action)
    else if (meta?.scope === 'school') expect(SCHOOL_ACTIONS).toContain(meta.action)
    else expect(USER_SCOPED, `${path} is user-scoped but not in the allowlist`).toContain(path)
  })

  test('every allowlisted user-scoped procedure still exists and is user-scoped', () => {
    for (const path of USER_SCOPED) expect(procedures.find((p) => p.path === path)?.meta?.scope).toBe('user')
  })

  test.each(procedures)('$path refuses a signed-out caller with UNAUTHORIZED', async ({ path }) => {
    const before = counts()
    const input = studentScoped.includes(path) ? { studentId: demo.johnnyId } : schoolScoped.includes(path) ? { schoolId: demo.schoolId } : undefined
    const error = await trpcError(callByPath(demo.callerFor(null), path, input))
    expect(error.code).toBe('UNAUTHORIZED')
    expect(counts()).toEqual(before)
  })

  describe.each(OUTSIDERS)('%s, who is not on Maya’s team', (outsider) => {
    test.each(studentScoped)('gets NOT_FOUND from %s for Maya, naming nothing of her', async (path) => {
      const before = counts()
      const error = await trpcError(callByPath(demo.callerFor(outsider), path, { studentId: demo.mayaId }))
      expect(error.code).toBe('NOT_FOUND')
      for (const word of ['Maya', 'Thompson', 'MAPLE-0207', demo.mayaId]) expect(error.message).not.toContain(word)
      expect(counts()).toEqual(before)
    })

    test.each(studentScoped)('gets the same NOT_FOUND from %s for a student that does not exist', async (path) => {
      const hidden = await trpcError(callByPath(demo.callerFor(outsider), path, { studentId: demo.mayaId }))
      const missing = await trpcError(callByPath(demo.callerFor(outsider), path, { studentId: 'no-such-student' }))
      expect([missing.code, missing.message]).toEqual([hidden.code, hidden.message])
    })
  })

  // Paras, providers and parents are nobody to the school itself: every school procedure refuses them.
  describe.each(OUTSIDERS)('%s, who is neither school admin nor case manager', (outsider) => {
    test.each(schoolScoped)('gets NOT_FOUND from %s for the school', async (path) => {
      const before = counts()
      const error = await trpcError(callByPath(demo.callerFor(outsider), path, { schoolId: demo.schoolId }))
      expect(error.code).toBe('NOT_FOUND')
      expect(error.message).not.toContain('Maple')
      expect(counts()).toEqual(before)
    })
  })

  test('there are school procedures to walk', () => {
    expect(schoolScoped.length).toBeGreaterThan(0)
  })

  // The control: Maya's case manager passes the gate on every student procedure, so the refusals above come
  // from membership and not from something else (at most the procedure's own input check, with nothing written).
  // An action her role may not take (a parent's dispute flag) is FORBIDDEN, not NOT_FOUND: the gate found her.
  test.each(studentScoped)('Maya’s case manager passes the gate of %s', async (path) => {
    const before = counts()
    const outcome = await callByPath(demo.callerFor('caseManager'), path, { studentId: demo.mayaId }).then(
      () => 'ok',
      (error: { code?: string }) => error.code,
    )
    const action = procedures.find((p) => p.path === path)?.meta?.action as Action
    expect(can('case_manager', action) ? ['ok', 'BAD_REQUEST'] : ['FORBIDDEN']).toContain(outcome)
    expect(counts()).toEqual(before)
  })
})

/**
 * docs/decisions/010-owned-actions.md: every procedure that checks an owned action, for every role on Johnny's
 * team, on a record that is the caller's own and on one that is not. The expected answer is the shared rule's
 * for the facts written here by hand; refusals write nothing.
 */
describe('owned actions: every procedure × role × own and other record', () => {
  const NOW = new Date('2026-11-17T15:00:00')
  const TODAY = '2026-11-17'
  const { t, demo } = useDemoDb({ now: NOW })
  let records: Record<RecordKey, { id: string }>
  beforeEach(async () => {
    const cm = demo.callerFor('caseManager', NOW)
    const log = await cm.sessions.log({ studentId: demo.johnnyId })
    const firstOf = (serviceId: string) => log.find((r) => r.serviceId === serviceId && !r.voided)!.recordId
    const goals = await cm.goals.list({ studentId: demo.johnnyId })
    const parentConcern = await demo.callerFor('parent', NOW).concerns.create({ studentId: demo.johnnyId, date: TODAY, issue: 'Private worry', status: 'open', visibility: 'family', links: [] })
    const sharedParentConcern = await demo.callerFor('parent', NOW).concerns.create({ studentId: demo.johnnyId, date: TODAY, issue: 'Shared worry', status: 'open', visibility: 'team', links: [] })
    const cmConcern = await cm.concerns.create({ studentId: demo.johnnyId, date: TODAY, issue: 'Bus arrives late', status: 'open', visibility: 'team', links: [] })
    // Each concern ended with an agreement holding one item (written straight to the tables: cheap, and no step changes).
    for (const { concernId } of [parentConcern, sharedParentConcern, cmConcern]) {
      t.sqlite.prepare('insert into concern_agreements (concern_id, agreed_on, created_by, created_at) values (?, ?, ?, ?)').run(concernId, TODAY, demo.users.parent, NOW.toISOString())
      t.sqlite
        .prepare(`insert into agreement_items (id, concern_id, kind, what, who_user_id, who_text, due_on, created_by, created_at) values (?, ?, 'tutoring', 'Tutoring', null, 'Us', '2026-12-01', ?, ?)`)
        .run(`item-${concernId}`, concernId, demo.users.parent, NOW.toISOString())
    }
    // An effect at home recorded by the parent, and one by the case manager.
    const parentEffect = await demo.callerFor('parent', NOW).effects.record({ studentId: demo.johnnyId, date: TODAY, kind: 'meltdown', note: '' })
    const staffEffect = await cm.effects.record({ studentId: demo.johnnyId, date: TODAY, kind: 'shutdown', note: '' })
    // A make-up planned for an owed speech session, and one for OT written straight to the table (OT owes none).
    const owedSpeech = (await cm.services.sessions({ studentId: demo.johnnyId, from: TODAY, to: TODAY })).find((s) => s.service.id === demo.speechServiceId)!.owed[0]!.date
    const speechPlan = await cm.sessions.planMakeUp({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, repaysDate: owedSpeech, plannedDate: '2026-11-20' })
    const otPlan = { planId: 'ot-plan' }
    t.sqlite
      .prepare(`insert into make_up_plans (id, plan_id, version, service_id, student_id, repays_date, planned_date, status, created_at) values ('ot-plan-1', ?, 1, ?, ?, '2026-11-11', '2026-11-20', 'planned', ?)`)
      .run(otPlan.planId, demo.otServiceId, demo.johnnyId, NOW.toISOString())
    // A reporting period for the report's parts, written straight to the table (the demo may or may not seed some).
    t.sqlite
      .prepare(`insert into reporting_periods (id, school_id, name, start_date, end_date, created_at) values ('gate-period', ?, 'Router gate check-in', '2026-11-02', '2026-11-27', ?)`)
      .run(demo.schoolId, NOW.toISOString())
    records = {
      speechPlan: { id: speechPlan.planId },
      otPlan: { id: otPlan.planId },
      speechService: { id: demo.speechServiceId },
      otService: { id: demo.otServiceId },
      speechSession: { id: firstOf(demo.speechServiceId) },
      otSession: { id: firstOf(demo.otServiceId) },
      communicationGoal: { id: goals.find((g) => g.area === 'communication')!.id },
      otherGoal: { id: goals.find((g) => g.area !== 'communication')!.id },
      familyConcern: { id: parentConcern.concernId },
      familySharedConcern: { id: sharedParentConcern.concernId },
      schoolConcern: { id: cmConcern.concernId },
      parentEffect: { id: parentEffect.effectId },
      staffEffect: { id: staffEffect.effectId },
    }
  })
  type RecordKey =
    | 'speechPlan'
    | 'otPlan'
    | 'speechService'
    | 'otService'
    | 'speechSession'
    | 'otSession'
    | 'communicationGoal'
    | 'otherGoal'
    | 'familyConcern'
    | 'familySharedConcern'
    | 'schoolConcern'
    | 'parentEffect'
    | 'staffEffect'

  // The callers on Johnny's team (and his school's admin), and whose each record is: Priya provides speech, and
  // communication is her area; Laura (the parent) logged the family's concerns, Dana the school's.
  const CALLERS = [
    ['caseManager', 'case_manager'],
    ['speech', 'provider'],
    ['para', 'para'],
    ['parent', 'parent'],
    ['admin', 'school_admin'],
  ] as const satisfies readonly (readonly [DemoUserKey, StudentRole])[]
  const SPEECH = (user: DemoUserKey) => user === 'speech'
  const FACTS: Record<RecordKey, (user: DemoUserKey) => Partial<OwnedFacts[OwnedAction]> & Record<string, unknown>> = {
    speechService: (u) => ({ providesService: SPEECH(u) }),
    otService: () => ({ providesService: false }),
    speechPlan: (u) => ({ providesService: SPEECH(u) }),
    otPlan: () => ({ providesService: false }),
    speechSession: (u) => ({ providesService: SPEECH(u) }),
    otSession: () => ({ providesService: false }),
    communicationGoal: (u) => ({ goalInMyAreas: SPEECH(u) }),
    otherGoal: () => ({ goalInMyAreas: false }),
    familyConcern: () => ({ sharedWithTeam: false, loggedBy: 'parent' }),
    familySharedConcern: () => ({ sharedWithTeam: true, loggedBy: 'parent' }),
    schoolConcern: () => ({ sharedWithTeam: true, loggedBy: 'case_manager' }),
    parentEffect: (u) => ({ recordedByMe: u === 'parent' }),
    staffEffect: (u) => ({ recordedByMe: u === 'caseManager' }),
  }

  const plain = { means: 'Johnny talks about his day.', looksLike: 'He tells two things.', adultsHelp: 'We ask him.', measure: 'Weekly.' }
  const CASES: Record<string, { records: RecordKey[]; input: (id: string) => Record<string, unknown> }> = {
    'sessions.record': { records: ['speechService', 'otService'], input: (serviceId) => ({ serviceId, kind: 'delivered', date: TODAY, minutes: 30 }) },
    // Johnny's services are individual: the owned check comes first, then the group rule refuses (BAD_REQUEST).
    'sessions.recordGroup': {
      records: ['speechService', 'otService'],
      input: (serviceId) => ({ serviceId, date: TODAY, minutes: 30, students: [{ studentId: demo.johnnyId, present: true }] }),
    },
    'sessions.correct': { records: ['speechSession', 'otSession'], input: (recordId) => ({ recordId, note: 'Checked.', changeReason: 'A note was missing.' }) },
    'sessions.void': { records: ['speechSession', 'otSession'], input: (recordId) => ({ recordId, changeReason: 'Recorded twice.' }) },
    'sessions.planMakeUp': { records: ['speechService', 'otService'], input: (serviceId) => ({ serviceId, repaysDate: '2026-11-10', plannedDate: '2026-11-20' }) },
    'sessions.moveMakeUpPlan': { records: ['speechPlan', 'otPlan'], input: (planId) => ({ planId, plannedDate: '2026-11-23', changeReason: 'Room taken.' }) },
    'sessions.cancelMakeUpPlan': { records: ['speechPlan', 'otPlan'], input: (planId) => ({ planId, changeReason: 'Not needed.' }) },
    'goals.updatePlain': { records: ['communicationGoal', 'otherGoal'], input: (goalId) => ({ goalId, plain }) },
    'goals.translatePlain': { records: ['communicationGoal', 'otherGoal'], input: (goalId) => ({ goalId, language: 'es', plain }) },
    'reports.writePart': { records: ['communicationGoal', 'otherGoal'], input: (goalId) => ({ goalId, periodId: 'gate-period', code: 'sufficient', narrative: 'Steady.' }) },
    'concerns.get': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId }) },
    'concerns.letter': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId }) },
    'concerns.letters': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId }) },
    'concerns.sendLetter': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId, subject: 'Speech', body: 'Please answer.', otherEmails: ['advocate@example.org'] }) },
    'concerns.markLetterSent': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId, sentOn: TODAY, channel: 'paper', body: 'Please answer.' }) },
    // No such letter: an allowed caller is refused as bad input (BAD_REQUEST), after the owned check.
    'concerns.recordLetterResponse': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId, letterId: 'no-such-letter', receivedOn: TODAY, note: '' }) },
    'concerns.addUpdate': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId, kind: 'response', date: TODAY, person: '', text: 'Seen.' }) },
    'concerns.edit': {
      records: ['familySharedConcern', 'schoolConcern', 'familyConcern'],
      input: (concernId) => ({ concernId, date: TODAY, issue: 'Reworded', personContacted: '', response: '', followUp: '', status: 'open' }),
    },
    'concerns.link': {
      records: ['familySharedConcern', 'schoolConcern', 'familyConcern'],
      input: (concernId) => ({ concernId, links: [{ kind: 'session', recordId: records.speechSession.id }] }),
    },
    'concerns.escalate': { records: ['familySharedConcern', 'schoolConcern', 'familyConcern'], input: (concernId) => ({ concernId, step: 2, date: TODAY, note: '' }) },
    'concerns.takeBackStep': { records: ['familySharedConcern', 'schoolConcern', 'familyConcern'], input: (concernId) => ({ concernId, step: 2, note: '' }) },
    // Each concern already has its agreement: an allowed caller is refused as a repeat (CONFLICT), after the owned check.
    'concerns.recordAgreement': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId, agreedOn: TODAY }) },
    'concerns.addAgreementItem': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId, kind: 'tutoring', what: 'Tutoring', whoText: 'Us', dueOn: TODAY }) },
    'concerns.markItemDone': { records: ['familyConcern', 'schoolConcern'], input: (concernId) => ({ concernId, itemId: `item-${concernId}` }) },
    'concerns.share': { records: ['familyConcern', 'familySharedConcern', 'schoolConcern'], input: (concernId) => ({ concernId }) },
    'effects.correct': { records: ['parentEffect', 'staffEffect'], input: (effectId) => ({ effectId, date: TODAY, kind: 'sleep', note: 'Corrected.' }) },
    'effects.remove': { records: ['parentEffect', 'staffEffect'], input: (effectId) => ({ effectId, reason: '' }) },
  }

  const owned = procedures.filter((p) => p.meta?.owned)

  test('every procedure that checks an owned action has its cases here, and every owned action is checked somewhere', () => {
    expect(owned.map((p) => p.path).sort()).toEqual(Object.keys(CASES).sort())
    expect([...new Set(owned.map((p) => p.meta!.owned))].sort()).toEqual([...OWNED_ACTIONS].sort())
  })

  const GATE_REFUSAL = 'Your role on this student’s team cannot do that.'
  const walk = owned.flatMap(({ path, meta }) =>
    CALLERS.flatMap(([user, role]) => (CASES[path]?.records ?? []).map((record) => ({ path, action: meta!.action as Action, ownedAction: meta!.owned!, user, role, record }))),
  )

  test.each(walk)('$path as $user ($role) on $record', async ({ path, action, ownedAction, user, role, record }) => {
    const before = TABLES.map((table) => countRows(t.sqlite, table))
    const concernRows = () =>
      ['concern_versions', 'concern_updates', 'concern_steps', 'session_records', 'goal_versions', 'make_up_plans', 'effects', 'concern_agreements', 'agreement_items'].map((table) =>
        countRows(t.sqlite, table),
      )
    const writesBefore = concernRows()
    const input = { studentId: demo.johnnyId, ...CASES[path]!.input(records[record].id) }
    const outcome = await callByPath(demo.callerFor(user, NOW), path, input).then(
      () => ({ code: 'ok', message: '' }),
      (error: { code?: string; message: string }) => ({ code: error.code, message: error.message }),
    )
    const facts = FACTS[record](user) as OwnedFacts[typeof ownedAction]
    // A record that cannot be read is not found before anything else is asked of it.
    const readable = !('sharedWithTeam' in facts) || canOwned(role, 'concern.read', { sharedWithTeam: facts.sharedWithTeam as boolean })
    if (!can(role, action)) {
      expect(outcome).toEqual({ code: 'FORBIDDEN', message: GATE_REFUSAL })
    } else if (!readable) {
      expect(outcome).toEqual({ code: 'NOT_FOUND', message: 'That concern was not found for this student.' })
    } else if (!canOwned(role, ownedAction, facts)) {
      expect(outcome.code).toBe(ownedRefusal(ownedAction))
      expect(outcome.message).not.toBe(GATE_REFUSAL)
    } else {
      // Allowed: past the owned check; the procedure's own input rules may still refuse (never FORBIDDEN or NOT_FOUND).
      expect(['ok', 'BAD_REQUEST', 'CONFLICT']).toContain(outcome.code)
    }
    if (outcome.code !== 'ok') {
      expect(TABLES.map((table) => countRows(t.sqlite, table))).toEqual(before)
      expect(concernRows()).toEqual(writesBefore)
    }
  })

  test('the walk holds both answers for each owned action: some caller allowed, some refused', () => {
    for (const action of OWNED_ACTIONS) {
      const rows = walk.filter((w) => w.ownedAction === action && can(w.role, w.action))
      const answers = new Set(rows.map((w) => canOwned(w.role, action, FACTS[w.record](w.user) as never)))
      expect([...answers].sort(), action).toEqual([false, true])
    }
  })
})
