import type { Response } from 'express'
import { t } from '#shared/i18n/i18n.ts'

/**
 * A write that waited busy_timeout on a lock another connection holds (a backup, a long import, a second
 * process) fails with SQLITE_BUSY. That is a moment's wait, not a fault: it is answered 503 with Retry-After,
 * and nothing was written (write transactions begin immediately, so none stops half-way).
 */
export const RETRY_AFTER_SECONDS = 2
/** What a person reads when the records are busy, in the catalogue's words. */
export function busyMessage(): string {
  return t('refusals.busy')
}

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT', 'SQLITE_LOCKED'])

/** Whether `error`, or anything in its chain of causes, is SQLite's busy/locked refusal (or our 503 for one). */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && BUSY_CODES.has(code)) return true
    if (code === 'SERVICE_UNAVAILABLE' && (e as { name?: string }).name === 'TRPCError') return true
  }
  return false
}

export function sendBusy(res: Response): void {
  res.status(503).set('Retry-After', String(RETRY_AFTER_SECONDS)).set('Cache-Control', 'no-store').type('text/plain').send(busyMessage())
}
