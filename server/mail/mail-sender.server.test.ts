import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { type SmtpCatcher, startSmtpCatcher } from '#tests/fixtures/smtp-catcher.ts'
import { MailSender, smtpTransport } from './mail-sender.server.ts'
import { enqueueMail, listOutbox, MAX_ATTEMPTS, retryDelayMs, type OutgoingMail } from './outbox.server.ts'

let t: TestDb
let smtp: SmtpCatcher
let clock: Date
const senders: MailSender[] = []
const SCHOOL = 'school-1'

beforeEach(async () => {
  t = createTestDb()
  smtp = await startSmtpCatcher()
  clock = new Date('2026-12-07T15:00:00Z')
  await t.db.insertInto('schools').values({ id: SCHOOL, name: 'Maple Elementary', created_at: clock.toISOString(), year_start: null, year_end: null, make_up_reasons: null }).execute()
})
afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop()
  await smtp.close()
  await t.close()
})

function sender(transport: 'smtp' | 'none', log: string[] = []): MailSender {
  const s = new MailSender({ db: t.db, transport: transport === 'smtp' ? smtpTransport(smtp.url) : null, from: 'Same Page <same-page@maple.example>', now: () => clock, log: (l) => log.push(l), intervalMs: 60_000 })
  senders.push(s)
  return s
}

const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: 'laura@family.example',
  toName: 'Laura Miller',
  schoolId: SCHOOL,
  kind: 'notice',
  compose: () => ({
    subject: 'Speech on Tue, Dec 8 was missed',
    body: { greeting: 'Hello Laura,', paragraphs: ['Speech-language therapy on Tue, Dec 8 was missed: provider absent.'], action: { label: 'Open Johnny’s sessions', url: 'http://localhost:3000/students/1/sessions' } },
  }),
  ...over,
})

const statusOf = async (id: string | null) => (await t.db.selectFrom('mail_outbox').selectAll().where('id', '=', id!).executeTakeFirstOrThrow())

describe('the mail queue', () => {
  it('sends a queued message over SMTP as plain text and HTML, signed with the school’s name', async () => {
    const { id } = await enqueueMail(t.db, mail(), clock)
    expect(await sender('smtp').runOnce()).toEqual({ sent: 1, kept: 0, retrying: 0, failed: 0 })
    const [got] = smtp.to('laura@family.example')
    expect(got?.subject).toBe('Speech on Tue, Dec 8 was missed')
    expect(got?.from).toContain('same-page@maple.example')
    expect(got?.text).toContain('provider absent')
    expect(got?.text).toContain('Open Johnny’s sessions: http://localhost:3000/students/1/sessions')
    expect(got?.text).toContain('Maple Elementary')
    expect(got?.html).toContain('<a href="http://localhost:3000/students/1/sessions"')
    expect(got?.messageId).toBe(`<${id}@same-page>`)
    const row = await statusOf(id)
    expect(row.status).toBe('sent')
    expect(row.sent_at).toBe(clock.toISOString())
  })

  it('queues a message with a dedupe key once, ever, and sends it once', async () => {
    const first = await enqueueMail(t.db, mail({ dedupeKey: 'digest:u1:2026-W50' }), clock)
    const second = await enqueueMail(t.db, mail({ dedupeKey: 'digest:u1:2026-W50' }), clock)
    expect(first.queued).toBe(true)
    expect(second).toEqual({ id: null, queued: false })
    await sender('smtp').runOnce()
    await sender('smtp').runOnce()
    expect(smtp.to('laura@family.example')).toHaveLength(1)
  })

  it('retries a refused message after its back-off, and sends it once the server takes it', async () => {
    const { id } = await enqueueMail(t.db, mail(), clock)
    smtp.refuse = true
    const s = sender('smtp')
    expect((await s.runOnce()).retrying).toBe(1)
    let row = await statusOf(id)
    expect(row).toMatchObject({ status: 'queued', attempts: 1 })
    expect(row.last_error).toMatch(/451|Try again later/)
    expect(row.next_attempt_at).toBe(new Date(clock.getTime() + retryDelayMs(1)).toISOString())
    // Not before its time, even with the server back.
    smtp.refuse = false
    expect((await s.runOnce()).sent).toBe(0)
    clock = new Date(clock.getTime() + retryDelayMs(1))
    expect((await s.runOnce()).sent).toBe(1)
    row = await statusOf(id)
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null })
    expect(smtp.to('laura@family.example')).toHaveLength(1)
  })

  it('backs off 30 s, 1 min, 2 min … up to an hour, and gives up after the last try, keeping the message', async () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(retryDelayMs(20)).toBe(3_600_000)
    const { id } = await enqueueMail(t.db, mail(), clock)
    await t.db.updateTable('mail_outbox').set({ attempts: MAX_ATTEMPTS - 1 }).where('id', '=', id!).execute()
    smtp.refuse = true
    expect((await sender('smtp').runOnce()).failed).toBe(1)
    expect((await statusOf(id)).status).toBe('failed')
    expect((await listOutbox(t.db, SCHOOL, 10))[0]).toMatchObject({ id, status: 'failed', attempts: MAX_ATTEMPTS })
  })

  it('after a restart, sends what was queued before it, and what a stopped process left mid-send', async () => {
    const queued = await enqueueMail(t.db, mail({ to: 'a@family.example' }), clock)
    const interrupted = await enqueueMail(t.db, mail({ to: 'b@family.example' }), clock)
    await t.db.updateTable('mail_outbox').set({ status: 'sending' }).where('id', '=', interrupted.id!).execute()
    const log: string[] = []
    const restarted = sender('smtp', log)
    await restarted.start()
    expect(log).toContain('Mail: 1 message(s) interrupted by the last stop are queued again.')
    expect((await restarted.runOnce()).sent).toBe(2)
    expect((await statusOf(queued.id)).status).toBe('sent')
    expect(smtp.to('b@family.example')).toHaveLength(1)
  })

  it('two passes at once claim each message once', async () => {
    for (let n = 0; n < 20; n++) await enqueueMail(t.db, mail({ to: `p${n}@family.example` }), clock)
    const [a, b] = await Promise.all([sender('smtp').runOnce(), sender('smtp').runOnce()])
    expect(a.sent + b.sent).toBe(20)
    expect(smtp.messages).toHaveLength(20)
  })

  it('with no mail server, keeps each message in the outbox and says so in the log', async () => {
    const { id } = await enqueueMail(t.db, mail(), clock)
    const log: string[] = []
    expect((await sender('none', log).runOnce()).kept).toBe(1)
    expect((await statusOf(id)).status).toBe('kept')
    expect(log).toContain('Mail kept in the outbox: to laura@family.example: Speech on Tue, Dec 8 was missed')
    const [row] = await listOutbox(t.db, SCHOOL, 10)
    expect(row?.text).toContain('provider absent')
  })

  it('refuses an address that would break the headers, writing nothing', async () => {
    await expect(enqueueMail(t.db, mail({ to: 'laura@family.example\r\nBcc: x@evil.example' }), clock)).rejects.toThrow(/Not a mailable address/)
    await expect(enqueueMail(t.db, mail({ to: 'no-at-sign' }), clock)).rejects.toThrow(/Not a mailable address/)
    expect(await listOutbox(t.db, SCHOOL, 10)).toEqual([])
  })

  it('keeps a subject on one line', async () => {
    await enqueueMail(t.db, mail({ compose: () => ({ subject: 'Hello\r\nBcc: x@evil.example', body: { greeting: null, paragraphs: ['Hi'] } }) }), clock)
    await sender('smtp').runOnce()
    expect(smtp.messages[0]?.subject).toBe('Hello Bcc: x@evil.example')
  })
})
