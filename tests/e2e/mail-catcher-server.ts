import http from 'node:http'
import { startSmtpCatcher } from '../fixtures/smtp-catcher.ts'

/**
 * The journeys' mailbox: a real SMTP server the school-day app sends to (SMTP_URL in playwright.config.ts), and a
 * small HTTP endpoint a journey reads it through: GET /messages?to=<address> answers that address's messages as JSON.
 */
const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT)
const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT)
const catcher = await startSmtpCatcher(smtpPort)

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/healthz') return void res.end('ok')
    if (url.pathname !== '/messages') return void res.writeHead(404).end()
    const to = url.searchParams.get('to')
    res.setHeader('Content-Type', 'application/json')
    res.end(JSON.stringify(to ? catcher.to(to) : catcher.messages))
  })
  .listen(httpPort, '127.0.0.1')
