import nodemailer from 'nodemailer'
import type { DB } from '#db/client.server.ts'
import type { Clock } from '../clock.server.ts'
import { claimDue, markFailedAttempt, markSent, type QueuedMail, requeueInterrupted } from './outbox.server.ts'

/** What the sender needs of a mail server: send one message, or throw. */
export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string; html: string; messageId: string }): Promise<void>
  close(): void
}

/**
 * nodemailer over SMTP: smtp:// upgrades with STARTTLS when the server offers it, smtps:// is TLS from the start.
 * A small pool keeps connections open between messages, so a digest morning is not a connection per message.
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
  return {
    async send(message) {
      await transporter.sendMail({ ...message, to: message.to })
    },
    close: () => transporter.close(),
  }
}

export interface MailSenderOptions {
  db: DB
  /** Null: no mail server; each message is kept in the outbox (and logged) instead. */
  transport: MailTransport | null
  from: string
  now: Clock
  log?: (line: string) => void
  /** How often to look for due messages. */
  intervalMs?: number
  /** At most this many messages per pass, so one pass never holds the process for long. */
  batch?: number
}

export interface PassResult {
  sent: number
  kept: number
  retrying: number
  failed: number
}

/**
 * Sends the outbox from the server process: the queue is the table, so a message written before a restart is
 * sent after it, and a message that failed waits its back-off and is tried again.
 */
export class MailSender {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<PassResult> | null = null
  private readonly log: (line: string) => void

  constructor(private readonly options: MailSenderOptions) {
    this.log = options.log ?? ((line) => console.log(line))
  }

  /** Messages interrupted mid-send by the last stop go back in the queue; then a pass every intervalMs. */
  async start(): Promise<void> {
    const requeued = await requeueInterrupted(this.options.db)
    if (requeued > 0) this.log(`Mail: ${requeued} message(s) interrupted by the last stop are queued again.`)
    const every = this.options.intervalMs ?? 2000
    this.timer = setInterval(() => {
      if (!this.running) void this.runOnce().catch((error: unknown) => this.log(`Mail: a sending pass failed: ${String(error)}`))
    }, every)
    this.timer.unref()
  }

  /** One pass over the messages due now (tests and the bench call it directly). Concurrent calls share one pass. */
  runOnce(): Promise<PassResult> {
    this.running ??= this.pass().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async pass(): Promise<PassResult> {
    const result: PassResult = { sent: 0, kept: 0, retrying: 0, failed: 0 }
    const { db, transport } = this.options
    const due = await claimDue(db, this.options.now(), this.options.batch ?? 50)
    await Promise.all(
      due.map(async (mail) => {
        const outcome = await this.deliver(mail)
        result[outcome]++
      }),
    )
    if (!transport && result.kept > 0) this.log(`Mail: ${result.kept} message(s) kept in the outbox (no SMTP_URL set).`)
    return result
  }

  private async deliver(mail: QueuedMail): Promise<keyof PassResult> {
    const { db, transport, from } = this.options
    if (!transport) {
      this.log(`Mail kept in the outbox: to ${mail.to}: ${mail.subject}`)
      await markSent(db, mail.id, 'kept', this.options.now())
      return 'kept'
    }
    try {
      // The row's id is the Message-ID: the one message stays one message, whatever its retries.
      await transport.send({ from, to: mail.toName ? `"${mail.toName.replace(/["\\]/g, '')}" <${mail.to}>` : mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<${mail.id}@same-page>` })
      await markSent(db, mail.id, 'sent', this.options.now())
      return 'sent'
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const status = await markFailedAttempt(db, mail.id, mail.attempts, message, this.options.now())
      this.log(`Mail to ${mail.to} not sent (${message}); ${status === 'failed' ? 'gave up' : 'will retry'}.`)
      return status === 'failed' ? 'failed' : 'retrying'
    }
  }

  /** Stops the timer and waits for a pass in flight, so nothing is left `sending` by a clean stop. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running?.catch(() => undefined)
    this.options.transport?.close()
  }
}
