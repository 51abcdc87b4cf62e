import { loadConfig } from '../config.server.ts'

/** Whether messages leave this machine (SMTP_URL set) or are only kept in the outbox, so pages can say which. */
export function mailIsSent(): boolean {
  return Boolean(loadConfig().SMTP_URL)
}
