import fs from 'node:fs'
import type { Server } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { isDatabaseEmpty, seedDemo } from './demo/seed.ts'
import { hashPassword } from './auth/password.server.ts'
import { createApp, listen, type CreateAppOptions } from './app.server.ts'
import { systemClock } from './clock.server.ts'
import { loadConfig } from './config.server.ts'
import { MailSender, smtpTransport } from './mail/mail-sender.server.ts'
import { startNoticePass } from './services/notice-pass.server.ts'
import { resumeExports } from './services/record-exports.server.ts'
import { DigestScheduler } from './services/digests.server.ts'
import { startNumbersKeeper } from './services/numbers-keeper.server.ts'

const BUILD_DIR = path.resolve(process.env.BUILD_DIR ?? 'build')

export async function main(): Promise<Server> {
  const dev = process.argv.includes('--dev')
  // Pages off: the API, /healthz and /collab only (the crash-recovery test and the bench, before any build).
  const apiOnly = process.argv.includes('--api-only')
  process.env.NODE_ENV ??= dev ? 'development' : 'production'
  const config = loadConfig()
  const { db, sqlite } = openDatabase(config.DATABASE_PATH)
  await migrateToLatest(db)
  if (await isDatabaseEmpty(db)) {
    await seedDemo(db, hashPassword, systemClock())
    console.log('Seeded the demo team (see README for the logins).')
  }

  let remix: CreateAppOptions['remix']
  if (apiOnly) {
    remix = undefined
  } else if (dev) {
    const vite = await import('vite')
    remix = { mode: 'development', vite: await vite.createServer({ server: { middlewareMode: true } }) }
  } else {
    const entry = path.join(BUILD_DIR, 'server', 'index.js')
    if (!fs.existsSync(entry)) throw new Error('No build found: run `npm run build` (or `npm start`, which builds).')
    const build = (await import(pathToFileURL(entry).href)) as ServerBuild
    remix = { mode: 'production', build, clientDir: path.join(BUILD_DIR, 'client') }
  }

  const { app, lucia, collab } = createApp({ db, trustProxy: config.TRUST_PROXY === '1', remix, now: systemClock, testClock: config.SAME_PAGE_TEST_CLOCK === '1' })
  // Housekeeping at start-up: expired sessions carry no evidence.
  await lucia.deleteExpiredSessions()
  // The outbox is sent from this process (docs/mail.md): with no SMTP_URL each message is kept for admins to read.
  const mail = new MailSender({ db, transport: config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null, from: config.MAIL_FROM, now: systemClock })
  await mail.start()
  // Records files that were waiting or half-made when the server last stopped are made now (docs/records.md).
  await resumeExports(db)
  // Alerts starting or clearing, and sessions left unrecorded past the window, become notices (decision 019).
  const timed = config.SAME_PAGE_TIMED_NOTICES === 'on'
  const notices = timed ? startNoticePass({ db, now: systemClock }) : null
  // Weekly and daily digests are queued from this process too, caught up at start (docs/decisions/020).
  const digests = timed ? new DigestScheduler({ db, now: systemClock }) : null
  digests?.start()
  // Today's accountability numbers are made ahead of the first person to ask (docs/performance.md).
  const keeper = startNumbersKeeper({ db, now: systemClock })
  const server = await listen({ app, collab }, config.PORT)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.PORT
  console.log(`Same Page is listening on http://localhost:${port}`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    console.log(`${signal}: closing`)
    // Notebook edits still queued in memory are written before the database closes (at most 1 s of them).
    void Promise.all([collab.close(), mail.stop(), notices?.stop(), digests?.stop(), keeper.stop()])
      .catch((error: unknown) => console.error('Closing the collaboration server or the mail and notice timers failed', error))
      .finally(() => {
        server.close(() => {
          void db.destroy().finally(() => {
            if (sqlite.open) sqlite.close()
            process.exit(0)
          })
        })
        server.closeAllConnections()
      })
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  return server
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
