import { describe, expect, test } from 'vitest'
import { DEMO_CONCERN_ISSUES } from '#server/demo/seed-concerns.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a school day.
const NOW = new Date('2026-11-17T15:00:00')
const TABLES = ['letters_sent', 'mail_outbox', 'audit_log']
const STAFF: DemoUserKey[] = ['caseManager', 'para', 'speech', 'ot', 'admin']
const RESPONDERS: DemoUserKey[] = ['caseManager', 'para', 'speech', 'parent']

describe('letters as sent records (issue #16, item 6)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const counts = () => TABLES.map((table) => countRows(t.sqlite, table))
  const johnny = () => ({ studentId: demo.johnnyId })
  const sharedRef = async () => {
    const list = await as('parent').concerns.list(johnny())
    return { ...johnny(), concernId: list.find((c) => c.issue === DEMO_CONCERN_ISSUES.shared)!.id }
  }
  const familyRef = () => ({ ...johnny(), concernId: demo.familyConcernId! })
  const outbox = () => t.sqlite.prepare("select to_email, kind, subject, text_body, student_id from mail_outbox where kind = 'letter' order by to_email").all() as { to_email: string; kind: string; subject: string; text_body: string; student_id: string }[]
  const letter = { subject: 'Missed speech sessions', body: 'The IEP states 2 sessions a week.\n\nPlease tell me when they will be made up.' }

  test('a parent sends a letter to the case manager and a typed address: one message each, a copy to herself, one entry', async () => {
    const ref = await sharedRef()
    const recipients = await as('parent').concerns.letterRecipients(johnny())
    const dana = recipients.find((r) => r.name === 'Dana Rivera')!
    expect(dana.email).toBe('casemanager@maple.example')
    expect(recipients.some((r) => r.role === 'parent')).toBe(false)
    const sent = await as('parent').concerns.sendLetter({ ...ref, ...letter, recipientUserIds: [dana.userId, dana.userId], otherEmails: ['advocate@example.org', 'CaseManager@maple.example'] })
    // Tuesday 17 Nov + 10 school days = Tuesday 1 Dec (the demo calendar's closures count too).
    expect(sent.responseDueOn >= '2026-12-01').toBe(true)
    expect(sent.mailed).toBe(2)
    const mail = outbox()
    expect(mail.map((m) => m.to_email)).toEqual(['advocate@example.org', 'casemanager@maple.example', 'parent@maple.example'])
    for (const m of mail) {
      expect(m.subject).toBe(letter.subject)
      expect(m.student_id).toBe(demo.johnnyId)
      expect(m.text_body).toContain('Please tell me when they will be made up.')
      expect(m.text_body).toContain('write to parent@maple.example')
    }
    const { letters, suggestion } = await as('caseManager').concerns.letters(ref)
    expect(letters).toHaveLength(1)
    expect([letters[0]!.channel, letters[0]!.sentOn, letters[0]!.responseDueOn, letters[0]!.overdue]).toEqual(['email', '2026-11-17', sent.responseDueOn, false])
    expect(suggestion).toBeNull()
  })

  test('a letter unanswered past its due date is flagged and suggested; recording the answer clears it', async () => {
    const ref = await sharedRef()
    const { letterId, responseDueOn } = await as('parent').concerns.markLetterSent({ ...ref, sentOn: '2026-11-16', channel: 'paper', channelNote: 'Left at the front office', sentTo: 'Dana Rivera', body: letter.body })
    expect(outbox()).toHaveLength(0)
    const later = new Date(`${responseDueOn}T12:00:00`)
    later.setDate(later.getDate() + 1)
    const { letters, suggestion } = await as('parent', later).concerns.letters(ref)
    expect(letters[0]!.overdue).toBe(true)
    expect(suggestion).toMatch(/^No answer to the letter sent .*16/)
    expect(suggestion).toMatch(/next step/)
    expect((await as('parent', later).concerns.list(johnny())).find((c) => c.id === ref.concernId)!.unansweredLetter).toBe(true)
    await as('caseManager', later).concerns.recordLetterResponse({ ...ref, letterId, receivedOn: responseDueOn, note: 'Make-ups scheduled.' })
    const after = await as('parent', later).concerns.letters(ref)
    expect([after.letters[0]!.overdue, after.letters[0]!.responseNote, after.suggestion]).toEqual([false, 'Make-ups scheduled.', null])
    expect((await as('parent', later).concerns.list(johnny())).find((c) => c.id === ref.concernId)!.unansweredLetter).toBe(false)
    expect((await trpcError(as('parent', later).concerns.recordLetterResponse({ ...ref, letterId, receivedOn: responseDueOn, note: '' }))).code).toBe('CONFLICT')
  })

  test('bad input is refused with a clear message and changes nothing', async () => {
    const ref = await sharedRef()
    const before = counts()
    const dana = (await as('parent').concerns.letterRecipients(johnny())).find((r) => r.name === 'Dana Rivera')!
    const refusals = [
      as('parent').concerns.sendLetter({ ...ref, ...letter, recipientUserIds: [], otherEmails: [] }),
      as('parent').concerns.sendLetter({ ...ref, ...letter, otherEmails: ['not an address'] }),
      as('parent').concerns.sendLetter({ ...ref, ...letter, otherEmails: ['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', 'e@x.org', 'f@x.org'] }),
      as('parent').concerns.sendLetter({ ...ref, ...letter, recipientUserIds: [dana.userId], otherEmails: ['a@x.org', 'b@x.org', 'c@x.org', 'd@x.org', 'e@x.org'] }),
      as('parent').concerns.sendLetter({ ...ref, subject: letter.subject, body: 'x'.repeat(10_001), recipientUserIds: [dana.userId] }),
      as('parent').concerns.sendLetter({ ...ref, ...letter, recipientUserIds: [demo.users.parent] }),
      as('parent').concerns.sendLetter({ ...ref, ...letter, recipientUserIds: [dana.userId], responseDueOn: '2026-11-17' }),
      as('parent').concerns.sendLetter({ ...ref, ...letter, recipientUserIds: [dana.userId], responseDueOn: '2027-06-30' }),
      as('parent').concerns.markLetterSent({ ...ref, sentOn: '2026-11-18', channel: 'paper', body: letter.body }),
      as('parent').concerns.markLetterSent({ ...ref, sentOn: '2020-01-06', channel: 'paper', body: letter.body }),
      as('parent').concerns.markLetterSent({ ...ref, sentOn: '2026-11-16', channel: 'email' as 'paper', body: letter.body }),
    ]
    for (const call of refusals) expect((await trpcError(call)).code).toBe('BAD_REQUEST')
    expect(counts()).toEqual(before)
  })

  test('a family-only concern: the family sends and sees its letters; every staff role gets NOT_FOUND', async () => {
    const ref = familyRef()
    const dana = (await as('parent').concerns.letterRecipients(johnny())).find((r) => r.name === 'Dana Rivera')!
    // Addressing a staff member is the parent's own choice: the letter goes to exactly who she named.
    const { letterId } = await as('parent').concerns.sendLetter({ ...ref, ...letter, recipientUserIds: [dana.userId] })
    expect(outbox().map((m) => m.to_email)).toEqual(['casemanager@maple.example', 'parent@maple.example'])
    expect((await as('parent').concerns.letters(ref)).letters).toHaveLength(1)
    const before = counts()
    for (const user of STAFF) {
      expect((await trpcError(as(user).concerns.letters(ref))).code, user).toBe('NOT_FOUND')
      const write = user === 'admin' ? 'FORBIDDEN' : 'NOT_FOUND'
      expect((await trpcError(as(user).concerns.sendLetter({ ...ref, ...letter, otherEmails: ['x@example.org'] }))).code, user).toBe(write)
      expect((await trpcError(as(user).concerns.markLetterSent({ ...ref, sentOn: '2026-11-17', channel: 'paper', body: 'x' }))).code, user).toBe(write)
      expect((await trpcError(as(user).concerns.recordLetterResponse({ ...ref, letterId, receivedOn: '2026-11-17', note: '' }))).code, user).toBe(write)
    }
    expect(counts()).toEqual(before)
  })

  test('a team concern: case manager, para, provider and parent may send and record; the admin only reads', async () => {
    const ref = await sharedRef()
    for (const user of RESPONDERS) {
      const { letterId } = await as(user).concerns.markLetterSent({ ...ref, sentOn: '2026-11-17', channel: 'hand', body: `From ${user}` })
      await as(user).concerns.recordLetterResponse({ ...ref, letterId, receivedOn: '2026-11-17', note: '' })
    }
    expect((await as('admin').concerns.letters(ref)).letters).toHaveLength(RESPONDERS.length)
    const before = counts()
    expect((await trpcError(as('admin').concerns.markLetterSent({ ...ref, sentOn: '2026-11-17', channel: 'hand', body: 'x' }))).code).toBe('FORBIDDEN')
    expect((await trpcError(as('admin').concerns.letterRecipients(johnny()))).code).toBe('FORBIDDEN')
    expect(counts()).toEqual(before)
  })

  test('someone else’s student: the parent is refused as for a student that does not exist', async () => {
    const ref = await sharedRef()
    const leo = { studentId: demo.leoId, concernId: ref.concernId }
    const before = counts()
    expect((await trpcError(as('parent').concerns.letters(leo))).code).toBe('NOT_FOUND')
    expect((await trpcError(as('parent').concerns.letterRecipients({ studentId: demo.leoId }))).code).toBe('NOT_FOUND')
    expect((await trpcError(as('parent').concerns.sendLetter({ ...leo, ...letter, otherEmails: ['x@example.org'] }))).code).toBe('NOT_FOUND')
    // A staff member on Leo's team cannot reach Johnny's concern through Leo.
    expect((await trpcError(as('para').concerns.markLetterSent({ ...leo, sentOn: '2026-11-17', channel: 'paper', body: 'x' }))).code).toBe('NOT_FOUND')
    expect(counts()).toEqual(before)
  })
})
