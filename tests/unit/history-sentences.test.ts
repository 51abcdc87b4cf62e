import { describe, expect, test } from 'vitest'
import { describeHistoryEntry } from '#shared/history-text.ts'
import type { AuditEventKey } from '#shared/audit-events.ts'

const who = 'Priya Shah'
const say = (key: AuditEventKey, before: unknown, after: unknown, actorName: string | null = who) => {
  const [entity, ...action] = key.split('.')
  return describeHistoryEntry({ actorName, entity: entity!, action: action.join('.'), before, after })
}

// One worked example per audit event the history can hold (shared/audit-events.ts), as each service writes it.
const EXAMPLES: Record<AuditEventKey, { before?: unknown; after?: unknown; actor?: string | null; reads: string }> = {
  'accommodation.create': { after: { title: 'Break card', applies: { kind: 'daily' } }, reads: 'Priya Shah added the accommodation “Break card” (every school day).' },
  'accommodation.update': { before: { title: 'Old' }, after: { title: 'Break card' }, reads: 'Priya Shah changed the accommodation “Break card”.' },
  'accommodation.translate': {
    after: { language: 'es', englishTitle: 'Break card', title: 'Tarjeta de descanso' },
    reads: 'Priya Shah wrote the accommodation “Break card” in Spanish.',
  },
  'accommodation_check.create': { after: { title: 'Break card', status: 'used', date: '2026-12-01' }, reads: 'Priya Shah recorded “Break card” as used on Tue, Dec 1.' },
  'accommodation_check.update': {
    before: { status: 'used' },
    after: { title: 'Break card', status: 'not_provided', date: '2026-12-01' },
    reads: 'Priya Shah changed “Break card” from used to not provided on Tue, Dec 1.',
  },
  'advocate_grant.create': { after: { email: 'aunt@example.org', lastDay: '2026-12-18' }, reads: 'Priya Shah gave aunt@example.org read-only access until the end of Fri, Dec 18.' },
  'advocate_grant.accept': { after: { email: 'aunt@example.org', lastDay: '2026-12-18' }, reads: 'Priya Shah accepted read-only access, until the end of Fri, Dec 18.' },
  'advocate_grant.revoke': { after: { email: 'aunt@example.org', lastDay: '2026-12-18' }, reads: 'Priya Shah ended aunt@example.org’s read-only access.' },
  'attachment.add': { after: { ownerKind: 'concern', fileName: 'speech-log.pdf' }, reads: 'Priya Shah attached the file “speech-log.pdf” to a concern.' },
  'attachment.remove': {
    after: { ownerKind: 'session_record', fileName: 'note.txt' },
    reads: 'Priya Shah removed the file “note.txt” from a session record; it is kept in the record.',
  },
  'auth.sign_in': { after: { client: '10.0.0.1' }, reads: 'Priya Shah signed in.' },
  'auth.sign_in.failed': { actor: null, after: { email: 'ava@example.org', client: '10.0.0.1' }, reads: 'Someone tried to sign in as ava@example.org with a wrong password.' },
  'auth.sign_in.spray_alert': {
    actor: null,
    after: { client: '10.0.0.1', accounts: 12, windowMinutes: 15 },
    reads: 'Failed sign-ins to 12 accounts came from one address within 15 minutes.',
  },
  'auth.sign_out': { after: { client: '10.0.0.1' }, reads: 'Priya Shah signed out.' },
  'auth.password_reset': { after: { sessionsEnded: 2 }, reads: 'Priya Shah set a new password from a reset link; every session of the account was ended.' },
  'auth.password_change': { after: { sessionsEnded: 1 }, reads: 'Priya Shah changed their password; their other sessions were ended.' },
  'auth.email_change': { before: { email: 'a@example.org' }, after: { email: 'b@example.org' }, reads: 'Priya Shah changed the email they sign in with.' },
  'auth.session_expired': { after: { reason: 'idle' }, reads: 'Priya Shah was signed out after a time without activity.' },
  'auth.device_signed_out': { after: { client: '10.0.0.1' }, reads: 'Priya Shah signed out one of their devices.' },
  'auth.name_change': { before: { name: 'Priya' }, after: { name: 'Priya Shah' }, reads: 'Priya Shah changed the name shown to their teams.' },
  'auth.sign_in.code_failed': {
    actor: null,
    after: { email: 'ava@example.org', client: '10.0.0.1', reason: 'replayed' },
    reads: 'Someone signing in as ava@example.org typed a wrong, expired or already used two-step code.',
  },
  'auth.two_step.set_up': { after: { recoveryCodes: 10 }, reads: 'Priya Shah turned on two-step sign-in.' },
  'auth.two_step.turn_off': { after: { with: 'code' }, reads: 'Priya Shah turned off two-step sign-in.' },
  'auth.two_step.new_codes': { after: { recoveryCodes: 10 }, reads: 'Priya Shah made new two-step recovery codes; the old ones stopped working.' },
  'auth.two_step.recovery_used': { after: { left: 9 }, reads: 'Priya Shah signed in with a two-step recovery code.' },
  'auth.two_step.school_required': { before: { required: false }, after: { required: true }, reads: 'Priya Shah changed whether the school requires two-step sign-in.' },
  'check_dispute.dispute': { after: { comment: 'Not offered' }, reads: 'Priya Shah flagged an accommodation record as disputed: “Not offered”.' },
  'check_dispute.withdraw': { reads: 'Priya Shah withdrew a dispute on an accommodation record.' },
  'communication_profile.create': { after: {}, reads: 'Priya Shah wrote the communication profile.' },
  'communication_profile.update': { before: {}, after: {}, reads: 'Priya Shah updated the communication profile.' },
  'concern.create': { after: { issue: 'Speech missed twice' }, reads: 'Priya Shah logged a concern: “Speech missed twice”.' },
  'concern.update': { before: {}, after: {}, reads: 'Priya Shah edited a concern (the earlier wording is kept as a version).' },
  'concern.add_contact': { after: {}, reads: 'Priya Shah added a contact to a concern.' },
  'concern.add_response': { after: {}, reads: 'Priya Shah added a response to a concern.' },
  'concern.link': { after: { links: [] }, reads: 'Priya Shah linked records to a concern.' },
  'concern.escalate': { before: { step: 2 }, after: { step: 3 }, reads: 'Priya Shah moved a concern up the escalation ladder to step 3.' },
  'concern.take_back_step': { before: { step: 5 }, after: { step: 2, note: '' }, reads: 'Priya Shah took back step 5 of a concern, recorded by mistake; it is back at step 2.' },
  'concern.send_letter': { after: { recipients: 1 }, reads: 'Priya Shah sent a letter about a concern by email.' },
  'concern.mark_letter_sent': { after: { channel: 'paper' }, reads: 'Priya Shah recorded a letter about a concern as sent by hand.' },
  'concern.letter_answered': { after: { receivedOn: '2026-11-17' }, reads: 'Priya Shah recorded the answer to a letter about a concern.' },
  'concern.agree': { after: { agreedOn: '2026-11-02' }, reads: 'Priya Shah recorded that a concern ended with an agreement on Mon, Nov 2.' },
  'concern.add_item': {
    after: { what: '6 speech sessions', dueOn: '2026-12-18' },
    reads: 'Priya Shah recorded a promised item of an agreement: “6 speech sessions”, due Fri, Dec 18.',
  },
  'concern.item_done': { after: { what: '6 speech sessions' }, reads: 'Priya Shah marked a promised item done: “6 speech sessions”.' },
  'concern.reopen': { actor: null, after: { service: 'Speech-language therapy' }, reads: 'A new alert for Speech-language therapy reopened a concern that ended with an agreement.' },
  'concern.share': { after: {}, reads: 'Priya Shah shared a family-only concern with the team.' },
  'effect.record': { after: { date: '2026-11-17', kind: 'meltdown' }, reads: 'Priya Shah recorded what happened next on Tue, Nov 17: meltdown at home.' },
  'effect.correct': { before: {}, after: { date: '2026-11-17' }, reads: 'Priya Shah corrected what happened next on Tue, Nov 17 (the earlier entry is kept).' },
  'effect.remove': { after: { reason: '' }, reads: 'Priya Shah removed an entry of what happened next (it is kept in the record).' },
  'goal.create': { after: { area: 'reading' }, reads: 'Priya Shah added a reading goal.' },
  'goal.end': {
    after: { area: 'reading', reason: 'Met', planId: 'p1' },
    reads: 'Priya Shah ended the reading goal when the next plan started: “Met”. Its versions and data are kept.',
  },
  'iep_plan.set_dates': {
    after: { startDate: '2026-09-01', endDate: '2027-06-30', annualReviewDate: '2027-06-01', reevaluationDate: null },
    reads: 'Priya Shah set the IEP dates: the plan runs Tue, Sep 1 to Wed, Jun 30, annual review Tue, Jun 1, re-evaluation not set.',
  },
  'iep_plan.start_next': {
    after: { startDate: '2027-07-01', endDate: '2028-06-30', annualReviewDate: null, reevaluationDate: null, carried: 2, ended: 1 },
    reads: 'Priya Shah started the next plan, running Thu, Jul 1 to Fri, Jun 30: 2 goals carried over, 1 ended.',
  },
  'goal.update': { before: { area: 'reading' }, after: { area: 'reading' }, reads: 'Priya Shah changed the reading goal.' },
  'goal.update_plain': { before: { plain: {} }, after: { plain: {} }, reads: 'Priya Shah rewrote the plain-language summary of a goal.' },
  'goal.translate_plain': { after: { language: 'es', plain: {} }, reads: 'Priya Shah wrote the plain-language summary of a goal in Spanish.' },
  'invite.create': { after: { email: 'dad@example.org', role: 'parent' }, reads: 'Priya Shah invited dad@example.org as parent or guardian.' },
  'invite.revoke': { before: { email: 'dad@example.org', revokedAt: null }, after: { email: 'dad@example.org' }, reads: 'Priya Shah cancelled the invite for dad@example.org.' },
  'notebook.create': { after: { title: 'Bus rides' }, reads: 'Priya Shah started the notebook “Bus rides”.' },
  'notebook.rename': { before: { title: 'A' }, after: { title: 'B' }, reads: 'Priya Shah renamed the notebook “A” to “B”.' },
  'notebook.archive': { after: { title: 'Bus rides' }, reads: 'Priya Shah archived the notebook “Bus rides”.' },
  'notebook.restore': { after: { title: 'Bus rides', restoredDay: '2026-12-01' }, reads: 'Priya Shah restored the notebook “Bus rides” to how it was on Tue, Dec 1.' },
  'notification.create': {
    after: { text: 'Speech on Tue, Dec 1 was missed: provider absent. A make-up is owed.' },
    reads: 'A notice was sent to the family: “Speech on Tue, Dec 1 was missed: provider absent. A make-up is owed.”',
  },
  'notification.seen': { before: { seenAt: null }, after: { seenAt: '2026-12-01T10:00:00Z' }, reads: 'Priya Shah saw a notice.' },
  'plan_change.acknowledge': { after: { acknowledgedAt: '2026-12-01T10:00:00Z' }, reads: 'Priya Shah acknowledged a change to the plan.' },
  'progress_codes.update': { after: { codes: [{ key: 'a', label: 'On track' }, { key: 'b', label: 'Not yet' }] }, reads: 'Priya Shah set the school’s progress codes: On track, Not yet.' },
  'progress_report.write_part': { after: { period: 'Quarter 2' }, reads: 'Priya Shah wrote the Quarter 2 progress report’s part for a goal.' },
  'progress_report.issue': { after: { period: 'Quarter 1', version: 1 }, reads: 'Priya Shah issued the Quarter 1 progress report.' },
  'progress_report.correct': {
    after: { period: 'Quarter 1', version: 2, reason: 'Wrong minutes for speech' },
    reads: 'Priya Shah issued a correction of the Quarter 1 progress report (version 2): “Wrong minutes for speech”.',
  },
  'progress_report.acknowledge': {
    after: { period: 'Quarter 1', version: 1, comment: 'He still shuts down after lunch.' },
    reads: 'Priya Shah acknowledged the Quarter 1 progress report (version 1). Their comment: “He still shuts down after lunch.”',
  },
  'record_export.make': { after: { side: 'family', files: 23, size: 1000, sha256: 'ab' }, reads: 'Priya Shah made a copy of the whole record as one file (the family’s copy, 23 files).' },
  'records_request.log': {
    after: { requestedBy: 'Laura Ortiz', receivedOn: '2026-11-02', dueOn: '2026-12-17' },
    reads: 'Priya Shah logged a request for records from Laura Ortiz, received on Mon, Nov 2, due on Thu, Dec 17.',
  },
  'records_request.set_days': { after: { days: 30 }, reads: 'Priya Shah set the days to answer a request for records to 30.' },
  'records_request.fulfil': {
    after: { requestedBy: 'Laura Ortiz', fulfilledOn: '2026-11-20', files: 30, sha256: '0123456789abcdef' },
    reads: 'Priya Shah answered the request for records from Laura Ortiz on Fri, Nov 20: one file of 30 files (SHA-256 0123456789ab).',
  },
  'reporting_period.create': { after: { name: 'Quarter 1', start: '2026-09-01', end: '2026-11-06' }, reads: 'Priya Shah added the reporting period Quarter 1 (Tue, Sep 1 to Fri, Nov 6).' },
  'reporting_period.update': { after: { name: 'Quarter 1', start: '2026-09-01', end: '2026-11-13' }, reads: 'Priya Shah changed the reporting period Quarter 1 to Tue, Sep 1 to Fri, Nov 13.' },
  'reporting_period.remove': { before: { name: 'Quarter 1', start: '2026-09-01', end: '2026-11-06' }, reads: 'Priya Shah removed the reporting period Quarter 1.' },
  'progress_point.create': { after: { value: 4, date: '2026-12-01' }, reads: 'Priya Shah recorded 4 for a goal on Tue, Dec 1.' },
  'progress_point.void': { before: { value: 4, date: '2026-12-01' }, after: { reason: 'Wrong goal' }, reads: 'Priya Shah voided the data point of 4 from Tue, Dec 1: “Wrong goal”.' },
  'regulation_profile.create': { after: {}, reads: 'Priya Shah wrote the regulation profile.' },
  'regulation_profile.update': { before: {}, after: {}, reads: 'Priya Shah updated the regulation profile.' },
  'school_closure.create': { after: { date: '2026-12-01', label: 'Snow day' }, reads: 'Priya Shah marked Tue, Dec 1 as a day the school is closed (Snow day).' },
  'school_closure.remove': { before: { date: '2026-12-01', label: 'Snow day' }, reads: 'Priya Shah removed the school closure on Tue, Dec 1 (Snow day).' },
  'school_sessions.update': {
    after: { staffIdleMinutes: 20, familySessionDays: 14 },
    reads: 'Priya Shah set how long people stay signed in: staff 20 minutes without activity, families 14 days.',
  },
  'school_policy.update': {
    before: { makeUpReasons: [] },
    after: { makeUpReasons: ['provider_absent', 'unrecorded'] },
    reads: 'Priya Shah set which missed sessions are owed a make-up: provider absent, not recorded.',
  },
  'service.create': {
    after: { name: 'Speech-language therapy', minutesPerSession: 30, startDate: '2026-08-31' },
    reads: 'Priya Shah added the service speech-language therapy, 30 min a session from Mon, Aug 31.',
  },
  'service.amend': {
    after: { service: 'Speech-language therapy', effectiveFrom: '2026-12-01', minutesPerSession: 45, note: 'IEP amendment' },
    reads: 'Priya Shah amended speech-language therapy: 45 min a session from Tue, Dec 1: “IEP amendment”.',
  },
  'session_dispute.dispute': { after: { comment: 'Not held' }, reads: 'Priya Shah flagged a session record as disputed: “Not held”.' },
  'session_dispute.withdraw': { reads: 'Priya Shah withdrew a dispute on a session record.' },
  'session_record.create': {
    after: { service: 'Speech', date: '2026-12-01', kind: 'delivered', minutes: 30, reason: null },
    reads: 'Priya Shah recorded speech on Tue, Dec 1 as delivered, 30 min.',
  },
  'session_record.correct': {
    before: { kind: 'delivered', minutes: 30 },
    after: { service: 'Speech', date: '2026-12-01', kind: 'missed', minutes: null, reason: 'provider_absent', changeReason: 'Wrong day' },
    reads: 'Priya Shah corrected speech on Tue, Dec 1 to missed (provider absent): “Wrong day”.',
  },
  'session_record.void': {
    after: { service: 'Speech', date: '2026-12-01', kind: 'delivered', minutes: 30, voided: true, changeReason: 'Entered twice.' },
    reads: 'Priya Shah voided the record of speech on Tue, Dec 1: “Entered twice.”',
  },
  'sso_provider.save': { after: { label: 'Maple School District', issuer: 'https://accounts.google.com' }, reads: 'Priya Shah set up the school’s sign-in service “Maple School District”.' },
  'sso_provider.disable': { after: { label: 'Maple School District' }, reads: 'Priya Shah turned off the school’s sign-in service “Maple School District”.' },
  'sso_provider.sign_in_refused': {
    actor: null,
    after: { reason: 'unverified', email: 'ava@example.org', client: '10.0.0.1' },
    reads: 'A sign-in through the school’s sign-in service was refused for ava@example.org.',
  },
  'student.import': { actor: null, after: { name: 'Ava Lopez' }, reads: 'Someone imported the plan of Ava Lopez.' },
  'team_member.add': { after: { email: 'priya@example.org', role: 'provider' }, reads: 'Priya Shah added priya@example.org to the team as service provider.' },
  'team_member.join': { after: { role: 'parent' }, reads: 'Priya Shah joined the team as parent or guardian.' },
  'team_member.remove': { before: { name: 'Sam Ortiz', role: 'para' }, reads: 'Priya Shah removed Sam Ortiz (paraprofessional) from the team.' },
  'team_member.set_areas': { before: { areas: [] }, after: { areas: ['reading'] }, reads: 'Priya Shah set a provider’s goal areas to: reading.' },
  'team_member.move_caseload': {
    before: { name: 'Dana Rivera', role: 'case_manager' },
    after: { name: 'Jordan Lee', role: 'case_manager' },
    reads: 'Priya Shah moved the case from Dana Rivera to Jordan Lee, who is now the case manager.',
  },
  'user.create': { after: { email: 'priya@example.org', name: 'Priya Shah' }, reads: 'Priya Shah created an account.' },
  'user.deactivate': { after: { name: 'Sam Ortiz' }, reads: 'Priya Shah deactivated the account of Sam Ortiz.' },
  'user.reactivate': { after: { name: 'Sam Ortiz' }, reads: 'Priya Shah reactivated the account of Sam Ortiz.' },
  'school_role.grant': { after: { name: 'Sam Ortiz' }, reads: 'Priya Shah made Sam Ortiz a school admin.' },
  'school_role.revoke': { after: { name: 'Sam Ortiz' }, reads: 'Priya Shah took back the school admin role from Sam Ortiz.' },
  'school_role.join': { after: { role: 'staff' }, reads: 'Priya Shah joined the school’s staff.' },
  'staff_invite.create': { after: { email: 'new@example.org' }, reads: 'Priya Shah invited new@example.org to the school’s staff.' },
  'staff_invite.revoke': { after: { email: 'new@example.org' }, reads: 'Priya Shah cancelled the staff invite for new@example.org.' },
  'make_up_plan.plan': {
    after: { service: 'Speech', repaysDate: '2026-11-12', plannedDate: '2026-12-08' },
    reads: 'Priya Shah planned a make-up of speech for Tue, Dec 8, for the missed session of Thu, Nov 12.',
  },
  'make_up_plan.move': {
    after: { service: 'Speech', repaysDate: '2026-11-12', plannedDate: '2026-12-09', changeReason: 'Room taken' },
    reads: 'Priya Shah moved the planned make-up of speech for the missed session of Thu, Nov 12 to Wed, Dec 9: “Room taken”.',
  },
  'make_up_plan.cancel': {
    after: { service: 'Speech', repaysDate: '2026-11-12', plannedDate: '2026-12-09', changeReason: 'Made up another way' },
    reads: 'Priya Shah cancelled the make-up of speech planned for Wed, Dec 9: “Made up another way”.',
  },
  'make_up_plan.close': {
    after: { service: 'Speech', repaysDate: '2026-11-12', plannedDate: '2026-12-09' },
    reads: 'Priya Shah recorded the make-up of speech planned for Wed, Dec 9.',
  },
}

describe('every history entry reads as a sentence', () => {
  test.each(Object.entries(EXAMPLES))('%s', (key, example) => {
    const text = say(key as AuditEventKey, example.before ?? null, example.after ?? null, example.actor === undefined ? who : example.actor)
    expect(text).toBe(example.reads)
    // Never the stored names of the event ("session record create", "auth sign in.failed").
    const [entity, action] = key.split('.')
    expect(text.toLowerCase()).not.toContain(`${entity!.replaceAll('_', ' ')} ${action!.replaceAll('_', ' ')}`)
    expect(text).not.toMatch(/\{\{|\}\}/)
  })

  test('a session names its outcome: a miss gives its reason, a make-up the day it repays', () => {
    const session = (after: object) => say('session_record.create', null, { service: 'ABA therapy', date: '2026-12-03', ...after })
    expect(session({ kind: 'missed', reason: 'student_absent' })).toBe('Priya Shah recorded ABA therapy on Thu, Dec 3 as missed (student absent).')
    expect(session({ kind: 'make_up', minutes: 30, repaysDate: '2026-12-01' })).toBe(
      'Priya Shah recorded ABA therapy on Thu, Dec 3 as a make-up of 30 min for the session of Tue, Dec 1.',
    )
  })

  test('an older row without the service or the day still reads as a sentence', () => {
    expect(say('session_record.correct', null, { kind: 'delivered', minutes: 20, changeReason: 'Typo' })).toBe(
      'Priya Shah corrected a session on an unknown date to delivered, 20 min: “Typo”.',
    )
    expect(say('service.amend', null, {})).toBe('Priya Shah amended a service.')
  })
})
