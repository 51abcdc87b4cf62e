import { describe, expect, test } from 'vitest'
import { DEMO_CONCERN_ISSUES } from '#server/demo/seed-concerns.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { concernLogCsv } from '#shared/concern-log-csv.ts'
import { buildConcernLetter } from '#shared/concern-letter.ts'
import { formatDay } from '#shared/i18n/format.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a school day (seed and callers share it, so dates are deterministic).
const NOW = new Date('2026-11-17T15:00:00')
const STAFF: DemoUserKey[] = ['caseManager', 'para', 'speech', 'ot', 'admin']
const TABLES = ['concerns', 'concern_versions', 'concern_links', 'concern_updates', 'concern_steps', 'record_disputes', 'audit_log']

describe('the concern log (issue #8)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })

  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))
  const johnny = () => ({ studentId: demo.johnnyId })
  const missedSpeech = async () => (await as('parent').concerns.linkable(johnny())).sessions.filter((s) => s.label.includes('missed'))
  /** A record of another student (Leo, on the para's and case manager's caseload): an accommodation check. */
  const leoCheckId = () => {
    const accommodation = t.sqlite.prepare('select id from accommodations where student_id = ? limit 1').get(demo.leoId) as { id: string }
    t.sqlite
      .prepare("insert or ignore into accommodation_checks (id, client_id, accommodation_id, student_id, date, status, reason, recorded_by, recorded_at, late) values ('leo-check', 'leo-check', ?, ?, '2026-11-16', 'used', null, ?, '2026-11-16T15:00:00.000Z', 0)")
      .run(accommodation.id, demo.leoId, demo.users.para)
    return 'leo-check'
  }

  describe('the demo', () => {
    test('linkable sessions say which were missed by a field, not by their words', async () => {
      const { sessions } = await as('parent').concerns.linkable(johnny())
      const missed = sessions.filter((s) => s.missed)
      expect(missed.length).toBeGreaterThan(0)
      expect(sessions.length).toBeGreaterThan(missed.length)
      for (const s of sessions) expect(s.missed).toBe(/: missed \(/.test(s.label))
    })

    test('Laura has two concerns about missed speech sessions, one at step 2, linked to real missed records', async () => {
      const list = await as('parent').concerns.list(johnny())
      expect(list.map((c) => c.issue).sort()).toEqual([DEMO_CONCERN_ISSUES.familyOnly, DEMO_CONCERN_ISSUES.shared].sort())
      const shared = list.find((c) => c.issue === DEMO_CONCERN_ISSUES.shared)!
      expect([shared.step, shared.visibility, shared.status, shared.linkCount]).toEqual([2, 'team', 'waiting', 2])
      const detail = await as('parent').concerns.get({ ...johnny(), concernId: shared.id })
      expect(detail.links.map((l) => l.label)).toEqual([expect.stringMatching(/Speech-language therapy: missed \(provider absent\)/), expect.stringMatching(/missed \(provider absent\)/)])
      expect(detail.steps.map((s) => s.step)).toEqual([1, 2])
      expect(detail.updates.map((u) => [u.kind, u.authorName])).toEqual([
        ['contact', 'Laura Miller'],
        ['response', 'Dana Rivera'],
      ])
    })
  })

  describe('visibility: a family-only concern exists only for the family', () => {
    test('the list: parents see both; every staff role and the school admin see only the shared one', async () => {
      expect(await as('parent').concerns.list(johnny())).toHaveLength(2)
      for (const user of STAFF) {
        const list = await as(user).concerns.list(johnny())
        expect(list.map((c) => c.issue), user).toEqual([DEMO_CONCERN_ISSUES.shared])
      }
    })

    test('get, letter and link: NOT_FOUND for staff, as for a concern that does not exist', async () => {
      const ref = { ...johnny(), concernId: demo.familyConcernId! }
      expect((await as('parent').concerns.get(ref)).issue).toBe(DEMO_CONCERN_ISSUES.familyOnly)
      for (const user of STAFF) {
        const hidden = await trpcError(as(user).concerns.get(ref))
        const missing = await trpcError(as(user).concerns.get({ ...johnny(), concernId: 'no-such-concern' }))
        expect([hidden.code, hidden.message]).toEqual([missing.code, missing.message])
        expect(hidden.code).toBe('NOT_FOUND')
        expect((await trpcError(as(user).concerns.letter(ref))).code).toBe('NOT_FOUND')
      }
      const before = counts()
      expect((await trpcError(as('para').concerns.addUpdate({ ...ref, kind: 'response', date: '2026-11-17', person: '', text: 'Seen.' }))).code).toBe('NOT_FOUND')
      expect((await trpcError(as('caseManager').concerns.edit({ ...ref, date: '2026-11-17', issue: 'x', personContacted: '', response: '', followUp: '', status: 'resolved' }))).code).toBe('NOT_FOUND')
      expect((await trpcError(as('caseManager').concerns.escalate({ ...ref, step: 2, date: '2026-11-17', note: '' }))).code).toBe('NOT_FOUND')
      expect(counts()).toEqual(before)
    })

    test('the CSV export: family-only rows only in a parent’s download', async () => {
      const parentCsv = concernLogCsv(await as('parent').concerns.log(johnny()))
      expect(parentCsv).toContain(DEMO_CONCERN_ISSUES.familyOnly)
      for (const user of STAFF) {
        const csv = concernLogCsv(await as(user).concerns.log(johnny()))
        expect(csv).toContain(DEMO_CONCERN_ISSUES.shared)
        expect(csv).not.toContain(DEMO_CONCERN_ISSUES.familyOnly)
        expect(csv).not.toContain('Call the school office on Friday')
      }
    })

    test('the meeting brief: a staff member’s open concerns leave the family-only one out', async () => {
      const parentBrief = await as('parent').brief.get(johnny())
      expect(parentBrief.concerns.items.map((c) => c.text).join(' ')).toContain(DEMO_CONCERN_ISSUES.familyOnly)
      expect((await as('parent').concerns.open(johnny())).map((c) => c.issue)).toContain(DEMO_CONCERN_ISSUES.familyOnly)
      for (const user of STAFF) {
        expect((await as(user).concerns.open(johnny())).map((c) => c.issue), user).toEqual([DEMO_CONCERN_ISSUES.shared])
        const brief = await as(user).brief.get(johnny())
        const text = JSON.stringify(brief)
        expect(text).toContain(DEMO_CONCERN_ISSUES.shared)
        expect(text, user).not.toContain(DEMO_CONCERN_ISSUES.familyOnly)
      }
    })

    test('a resolved concern leaves the brief’s open concerns', async () => {
      const ref = { ...johnny(), concernId: demo.sharedConcernId! }
      const c = await as('parent').concerns.get(ref)
      await as('parent').concerns.edit({ ...ref, date: c.date, issue: c.issue, personContacted: c.personContacted, response: c.response, followUp: c.followUp, status: 'resolved' })
      expect(JSON.stringify(await as('caseManager').brief.get(johnny()))).not.toContain(DEMO_CONCERN_ISSUES.shared)
      expect((await as('caseManager').concerns.list(johnny()))[0]).toMatchObject({ status: 'resolved', suggestion: null })
    })

    test('the history: a family-only concern’s entries are hidden from staff', async () => {
      await as('parent').concerns.create({ ...johnny(), date: '2026-11-16', issue: 'Private worry about the bus', status: 'open', visibility: 'family', links: [] })
      await as('parent').concerns.create({ ...johnny(), date: '2026-11-16', issue: 'Shared worry about lunch', status: 'open', visibility: 'team', links: [] })
      expect(JSON.stringify(await as('parent').team.history(johnny()))).toContain('Private worry about the bus')
      for (const user of STAFF) {
        const history = JSON.stringify(await as(user).team.history(johnny()))
        expect(history).toContain('Shared worry about lunch')
        expect(history, user).not.toContain('Private worry about the bus')
      }
    })

    test('the accountability numbers say nothing of concerns, to anyone', async () => {
      for (const user of ['parent', ...STAFF] as DemoUserKey[]) {
        const text = JSON.stringify(await as(user).accountability.student(johnny()))
        expect(text).not.toContain(DEMO_CONCERN_ISSUES.familyOnly)
      }
    })
  })

  describe('who may do what', () => {
    test('parents and the case manager log concerns; paras, providers and the school admin are refused', async () => {
      const parent = await as('parent').concerns.create({ ...johnny(), date: '2026-11-17', issue: 'Picture schedule not used', status: 'open', visibility: 'family', links: [] })
      const cm = await as('caseManager').concerns.create({ ...johnny(), date: '2026-11-17', issue: 'Bus arrives late', status: 'open', visibility: 'team', links: [] })
      expect(parent.concernId).not.toBe(cm.concernId)
      const before = counts()
      for (const user of ['para', 'speech', 'ot', 'admin'] as DemoUserKey[]) {
        expect((await trpcError(as(user).concerns.create({ ...johnny(), date: '2026-11-17', issue: 'x', status: 'open', visibility: 'team', links: [] }))).code).toBe('FORBIDDEN')
      }
      expect(counts()).toEqual(before)
    })

    test('the case manager cannot log a family-only concern (she could not read it)', async () => {
      const before = counts()
      const error = await trpcError(as('caseManager').concerns.create({ ...johnny(), date: '2026-11-17', issue: 'x', status: 'open', visibility: 'family', links: [] }))
      expect([error.code, error.message]).toEqual(['BAD_REQUEST', 'Only a parent can log a family-only concern.'])
      expect(counts()).toEqual(before)
    })

    test('someone else’s student is NOT_FOUND; signed out is UNAUTHORIZED', async () => {
      expect((await trpcError(as('parent').concerns.list({ studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
      expect((await trpcError(as('parent').concerns.create({ studentId: demo.mayaId, date: '2026-11-17', issue: 'x', status: 'open', visibility: 'family', links: [] }))).code).toBe(
        'NOT_FOUND',
      )
      expect((await trpcError(as(null).concerns.list(johnny()))).code).toBe('UNAUTHORIZED')
      expect((await trpcError(as(null).concerns.get({ ...johnny(), concernId: demo.sharedConcernId! }))).code).toBe('UNAUTHORIZED')
    })

    test('staff on the team add responses to a shared concern: appended with author and date', async () => {
      const ref = { ...johnny(), concernId: demo.sharedConcernId! }
      for (const user of ['para', 'speech', 'caseManager'] as DemoUserKey[]) {
        await as(user).concerns.addUpdate({ ...ref, kind: 'response', date: '2026-11-17', person: '', text: `Answer from ${user}` })
      }
      const detail = await as('parent').concerns.get(ref)
      expect(detail.updates.slice(-3).map((u) => [u.authorName, u.date, u.text])).toEqual([
        ['Sam Ortiz', '2026-11-17', 'Answer from para'],
        ['Priya Shah', '2026-11-17', 'Answer from speech'],
        ['Dana Rivera', '2026-11-17', 'Answer from caseManager'],
      ])
      expect((await trpcError(as('admin').concerns.addUpdate({ ...ref, kind: 'response', date: '2026-11-17', person: '', text: 'x' }))).code).toBe('FORBIDDEN')
    })

    test('only the side that logged a concern edits it or moves it up; the others may respond', async () => {
      const ref = { ...johnny(), concernId: demo.sharedConcernId! }
      const before = counts()
      const edit = await trpcError(
        as('caseManager').concerns.edit({ ...ref, date: '2026-11-01', issue: 'Rewritten', personContacted: '', response: '', followUp: '', status: 'resolved' }),
      )
      expect(edit.code).toBe('FORBIDDEN')
      expect(edit.message).toContain('logged by the family')
      expect((await trpcError(as('caseManager').concerns.escalate({ ...ref, step: 3, date: '2026-11-17', note: '' }))).code).toBe('FORBIDDEN')
      expect((await trpcError(as('para').concerns.escalate({ ...ref, step: 3, date: '2026-11-17', note: '' }))).code).toBe('FORBIDDEN')
      expect(counts()).toEqual(before)
    })
  })

  describe('bad input is refused with a clear message, and nothing changes', () => {
    test('empty issue text', async () => {
      const before = counts()
      const error = await trpcError(as('parent').concerns.create({ ...johnny(), date: '2026-11-17', issue: '   ', status: 'open', visibility: 'team', links: [] }))
      expect(error.code).toBe('BAD_REQUEST')
      expect(error.message).toContain('Describe the issue.')
      expect(counts()).toEqual(before)
    })

    test('a date in the future', async () => {
      const before = counts()
      const error = await trpcError(as('parent').concerns.create({ ...johnny(), date: '2026-11-18', issue: 'Tomorrow', status: 'open', visibility: 'team', links: [] }))
      expect([error.code, error.message]).toEqual(['BAD_REQUEST', 'The date can’t be in the future.'])
      const update = await trpcError(as('parent').concerns.addUpdate({ ...johnny(), concernId: demo.sharedConcernId!, kind: 'contact', date: '2026-12-01', person: '', text: 'x' }))
      expect(update.code).toBe('BAD_REQUEST')
      expect(counts()).toEqual(before)
    })

    test('a link to another student’s record, by the case manager', async () => {
      const before = counts()
      const error = await trpcError(
        as('caseManager').concerns.create({ ...johnny(), date: '2026-11-17', issue: 'Headphones', status: 'open', visibility: 'team', links: [{ kind: 'check', recordId: leoCheckId() }] }),
      )
      expect([error.code, error.message]).toEqual(['BAD_REQUEST', 'A linked record is not one of this student’s records. Choose records from the lists.'])
      const cm = await as('caseManager').concerns.create({ ...johnny(), date: '2026-11-17', issue: 'Headphones', status: 'open', visibility: 'team', links: [] })
      const after = counts()
      const link = await trpcError(as('caseManager').concerns.link({ ...johnny(), concernId: cm.concernId, links: [{ kind: 'check', recordId: leoCheckId() }] }))
      expect(link.code).toBe('BAD_REQUEST')
      expect(counts()).toEqual(after)
      expect(after).not.toEqual(before)
    })
  })

  describe('edits keep versions; the ladder keeps its history', () => {
    test('an edit adds a version; the first wording stays', async () => {
      const { concernId } = await as('parent').concerns.create({ ...johnny(), date: '2026-11-10', issue: 'First wording', status: 'open', visibility: 'team', links: [] })
      await as('parent').concerns.edit({ ...johnny(), concernId, date: '2026-11-10', issue: 'Second wording', personContacted: 'Dana', response: '', followUp: '', status: 'waiting' })
      const detail = await as('caseManager').concerns.get({ ...johnny(), concernId })
      expect(detail.issue).toBe('Second wording')
      expect(detail.versions.map((v) => [v.version, v.issue, v.status])).toEqual([
        [2, 'Second wording', 'waiting'],
        [1, 'First wording', 'open'],
      ])
      const same = await trpcError(as('parent').concerns.edit({ ...johnny(), concernId, date: '2026-11-10', issue: 'Second wording', personContacted: 'Dana', response: '', followUp: '', status: 'waiting' }))
      expect(same.code).toBe('BAD_REQUEST')
    })

    test('moving up records the date; down or sideways is refused; a state complaint tracks its 60 days', async () => {
      const ref = { ...johnny(), concernId: demo.sharedConcernId! }
      const before = counts()
      expect((await trpcError(as('parent').concerns.escalate({ ...ref, step: 2, date: '2026-11-17', note: '' }))).message).toContain('above the current one')
      const noFiling = await trpcError(as('parent').concerns.escalate({ ...ref, step: 5, date: '2026-11-17', note: '' }))
      expect(noFiling.message).toContain('date the state complaint was filed')
      expect(counts()).toEqual(before)
      await as('parent').concerns.escalate({ ...ref, step: 3, date: '2026-11-16', note: 'Asked for a facilitator.' })
      await as('parent').concerns.escalate({ ...ref, step: 5, date: '2026-11-17', filedOn: '2026-11-02', note: '' })
      const detail = await as('parent').concerns.get(ref)
      expect(detail.steps.map((s) => [s.step, s.date])).toEqual([
        [1, expect.any(String)],
        [2, expect.any(String)],
        [3, '2026-11-16'],
        [5, '2026-11-17'],
      ])
      expect(detail.complaint).toMatchObject({ filedOn: '2026-11-02', decisionDue: '2027-01-01', daysLeft: 45, overdue: false })
    })
  })

  describe('the suggestion and the letter', () => {
    test('the step-2 demo concern suggests step 3: its linked speech service shows a pattern', async () => {
      const shared = (await as('parent').concerns.list(johnny())).find((c) => c.id === demo.sharedConcernId)!
      expect(shared.suggestion?.step.step).toBe(3)
      expect(shared.suggestion?.reasons.join(' ')).toContain('Speech-language therapy: Less than 90% of the mandated minutes have been delivered.')
    })

    test('a concern with no links suggests nothing until two documented efforts at its step', async () => {
      const { concernId } = await as('parent').concerns.create({ ...johnny(), date: '2026-11-10', issue: 'Homework folder', status: 'open', visibility: 'team', links: [] })
      const ref = { ...johnny(), concernId }
      expect((await as('parent').concerns.get(ref)).suggestion).toBeNull()
      await as('parent').concerns.addUpdate({ ...ref, kind: 'response', date: '2026-11-11', person: 'Dana', text: 'Will look into it.' })
      expect((await as('parent').concerns.get(ref)).suggestion).toBeNull()
      await as('parent').concerns.addUpdate({ ...ref, kind: 'contact', date: '2026-11-13', person: 'Dana', text: 'Emailed again.' })
      const detail = await as('parent').concerns.get(ref)
      expect(detail.efforts).toBe(2)
      expect(detail.suggestion?.step.title).toBe('IEP meeting requested')
      // Never taken automatically: the concern is still at step 1.
      expect(detail.step).toBe(1)
    })

    test('the letter facts of a concern linked to two missed sessions: dates, reason, minutes and ledger', async () => {
      const [a, b] = await missedSpeech()
      const { concernId } = await as('parent').concerns.create({
        ...johnny(),
        date: '2026-11-16',
        issue: 'Speech missed twice',
        status: 'open',
        visibility: 'team',
        links: [
          { kind: 'session', recordId: a!.recordId },
          { kind: 'session', recordId: b!.recordId },
        ],
      })
      const facts = await as('parent').concerns.letter({ ...johnny(), concernId })
      expect(facts.sessions.map((s) => [s.date, s.kind, s.reason])).toEqual([
        [a!.date, 'missed', 'provider_absent'],
        [b!.date, 'missed', 'provider_absent'],
      ])
      const letter = buildConcernLetter({ ...facts, today: '2026-11-17', includeFamilyOnly: [], senderName: 'Laura Miller' })
      expect(letter.body).toContain('The IEP states that speech-language therapy is provided for 30 minutes a session, 2 sessions a week (Tuesday and Thursday).')
      expect(letter.body).toContain('missed (reason recorded: provider absent)')
      expect(letter.body).toContain('a balance of 150 minutes (5 sessions) still owed')
    })

    test('the letter says which linked misses have been made up since, and what is still owed for the others', async () => {
      const [a, b] = await missedSpeech()
      const { concernId } = await as('parent').concerns.create({
        ...johnny(),
        date: '2026-11-16',
        issue: 'Speech missed twice',
        status: 'open',
        visibility: 'team',
        links: [
          { kind: 'session', recordId: a!.recordId },
          { kind: 'session', recordId: b!.recordId },
        ],
      })
      const letterBody = async () =>
        buildConcernLetter({ ...(await as('parent').concerns.letter({ ...johnny(), concernId })), today: '2026-11-17', includeFamilyOnly: [], senderName: 'Laura Miller' }).body
      const lineOf = (body: string, date: string) => body.split('\n').find((l) => l.startsWith(`- ${formatDay(date as IsoDate)}:`))!
      // The demo made up the first of them already; the other is still owed.
      const before = await letterBody()
      expect(lineOf(before, a!.date)).toMatch(/\. Made up on Fri, Oct 9 \(30 minutes\)\.$/)
      expect(lineOf(before, b!.date)).toMatch(/\)\. 30 minutes still owed\.$/)

      await as('speech').sessions.record({ ...johnny(), serviceId: demo.speechServiceId, kind: 'make_up', date: '2026-11-17', minutes: 30, repaysDate: b!.date })
      expect(lineOf(await letterBody(), b!.date)).toMatch(/\)\. Made up on Tue, Nov 17 \(30 minutes\)\.$/)
    })
  })

  describe('disputed records', () => {
    test('a parent flags a session record; it shows in the list, the CSV column and the accountability count; withdrawing adds a row', async () => {
      const [miss] = await missedSpeech()
      const ref = { ...johnny(), kind: 'session' as const, recordId: miss!.recordId }
      await as('parent').disputes.flag({ ...ref, comment: 'The provider was in the building that day.' })
      expect(await as('caseManager').disputes.list(johnny())).toEqual([expect.objectContaining({ recordId: miss!.recordId, comment: 'The provider was in the building that day.', byName: 'Laura Miller' })])
      const log = await as('caseManager').sessions.log(johnny())
      expect(log.filter((r) => r.disputed).map((r) => r.recordId)).toEqual([miss!.recordId])
      const speech = (await as('speech').accountability.student(johnny())).services.find((s) => s.key === 'speech')!
      expect(speech.disputedRecords).toBe(1)
      expect((await trpcError(as('parent').disputes.flag({ ...ref, comment: 'Again' }))).code).toBe('CONFLICT')
      await as('parent').disputes.withdraw({ ...ref, comment: 'Sorted out with Dana.' })
      expect(await as('caseManager').disputes.list(johnny())).toEqual([])
      expect((await as('caseManager').disputes.history({ ...johnny(), kind: 'session', recordId: miss!.recordId })).map((d) => d.action)).toEqual(['dispute', 'withdraw'])
      expect(countRows(t.sqlite, 'record_disputes')).toBe(2)
    })

    test('an accommodation check can be disputed; staff cannot flag; another student’s record is not found', async () => {
      // The latest check of its accommodation on its day: the one the Today screen shows for that day.
      const latest = t.sqlite
        .prepare('select id, date, accommodation_id from accommodation_checks where student_id = ? order by date desc, recorded_at desc limit 1')
        .get(demo.johnnyId) as { id: string; date: string; accommodation_id: string }
      const check = latest.id
      await as('parent').disputes.flag({ ...johnny(), kind: 'check', recordId: check, comment: 'He says nobody offered it.' })
      const fidelity = (await as('para').accountability.student(johnny())).accommodations
      expect(fidelity.reduce((n, a) => n + a.disputedChecks, 0)).toBe(1)
      const today = await as('para').today.forMe({ date: latest.date })
      const row = today.students.find((x) => x.id === demo.johnnyId)!.accommodations.find((a) => a.id === latest.accommodation_id)!
      expect(row.dispute).toEqual({ comment: 'He says nobody offered it.', byName: 'Laura Miller' })
      expect((await as('parent').checks.log(johnny())).find((c) => c.id === check)).toMatchObject({ current: true })
      const before = counts()
      for (const user of STAFF) expect((await trpcError(as(user).disputes.flag({ ...johnny(), kind: 'check', recordId: check, comment: 'x' }))).code).toBe('FORBIDDEN')
      expect((await trpcError(as('parent').disputes.flag({ ...johnny(), kind: 'check', recordId: leoCheckId(), comment: 'x' }))).code).toBe('NOT_FOUND')
      expect((await trpcError(as('parent').disputes.flag({ ...johnny(), kind: 'check', recordId: check, comment: '  ' }))).code).toBe('BAD_REQUEST')
      expect((await trpcError(as('parent').disputes.withdraw({ ...johnny(), kind: 'session', recordId: 'nothing', comment: '' }))).code).toBe('NOT_FOUND')
      expect(counts()).toEqual(before)
    })
  })
})
