/**
 * Benchmark for the mail queue (issue 16): messages per second from the outbox table into a real SMTP server in this
 * process (smtp-server, as the tests use), through the same sender the server runs. 500 messages a run, median of 3.
 * Run with `npm run bench`, or alone: `npx tsx scripts/bench/mail.ts`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { MailSender, smtpTransport } from '#server/mail/mail-sender.server.ts'
import { enqueueMail } from '#server/mail/outbox.server.ts'
import { startSmtpCatcher } from '#tests/fixtures/smtp-catcher.ts'

const MESSAGES = 500

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function oneRun(dir: string, run: number): Promise<{ perSecond: number; enqueueMs: number }> {
  const { db, sqlite } = openDatabase(path.join(dir, `mail-${run}.db`))
  await migrateToLatest(db)
  const now = new Date('2026-12-07T15:00:00Z')
  await db.insertInto('schools').values({ id: 's', name: 'Maple Elementary', created_at: now.toISOString(), year_start: null, year_end: null, make_up_reasons: null }).execute()
  const smtp = await startSmtpCatcher()
  const queuedAt = performance.now()
  for (let n = 0; n < MESSAGES; n++) {
    await enqueueMail(db, { to: `parent${n}@family.example`, schoolId: 's', kind: 'notice', compose: () => ({ subject: `Notice ${n}`, body: { greeting: 'Hello,', paragraphs: ['Speech-language therapy on Tue, Dec 8 was missed: provider absent. A make-up is owed.'], action: { label: 'Open the sessions', url: 'http://localhost:3000/students/1/sessions' } } }) }, now)
  }
  const enqueueMs = performance.now() - queuedAt
  const sender = new MailSender({ db, transport: smtpTransport(smtp.url), from: 'Same Page <sp@maple.example>', now: () => now, log: () => undefined, batch: 100 })
  const started = performance.now()
  for (let pass = 0; pass < 100 && smtp.messages.length < MESSAGES; pass++) await sender.runOnce()
  const seconds = (performance.now() - started) / 1000
  if (smtp.messages.length !== MESSAGES) throw new Error(`Only ${smtp.messages.length} of ${MESSAGES} arrived.`)
  await sender.stop()
  await smtp.close()
  await db.destroy()
  if (sqlite.open) sqlite.close()
  return { perSecond: MESSAGES / seconds, enqueueMs }
}

export async function benchMail(): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-mail-bench-'))
  const runs = []
  for (let run = 0; run < 3; run++) runs.push(await oneRun(dir, run))
  fs.rmSync(dir, { recursive: true, force: true })
  return {
    'mail: outbox to an in-process SMTP server, median of 3 runs of 500 (messages/s)': median(runs.map((r) => r.perSecond)).toFixed(0),
    'mail: queueing one message in the outbox, median (ms)': (median(runs.map((r) => r.enqueueMs)) / MESSAGES).toFixed(2),
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [name, value] of Object.entries(await benchMail())) console.log(`${name}: ${value}`)
}
