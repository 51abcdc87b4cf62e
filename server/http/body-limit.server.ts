import type { IncomingMessage } from 'node:http'
import type { NextFunction, Request, Response } from 'express'
import { PLAN_MAX_BYTES } from '#shared/plan-import/schema.ts'
import { ATTACHMENT_MAX_BYTES } from '#shared/attachments.ts'
import { t } from '#shared/i18n/i18n.ts'

/**
 * Request bodies are capped before anything parses them (issue 12: four 150 MB POST /sign-in took the server to
 * 1.3 GB). A declared Content-Length over the cap is refused at once; a body sent without one (chunked) is
 * counted as it streams and refused the moment it passes the cap, so at most the cap is ever held in memory.
 */
export const FORM_BODY_MAX = 1024 * 1024
/** The import page's upload: the 5 MB plan file and a little room for the form's own fields. */
export const PLAN_FORM_BODY_MAX = PLAN_MAX_BYTES + 64 * 1024
/** imports.plan over /api/trpc: the 5 MB file as a JSON string, where every quote and line break gains a backslash. */
export const PLAN_API_BODY_MAX = 2 * PLAN_MAX_BYTES

/** An attached file's upload (server/http/attachments.server.ts): the 10 MB file and a little room for the form around it. */
export const ATTACHMENT_BODY_MAX = ATTACHMENT_MAX_BYTES + 64 * 1024

const IMPORT_PAGE = /^\/school\/[^/]+\/import(\.data)?\/?$/
/** POST /api/students/:studentId/attachments/:ownerKind/:ownerId */
export const ATTACHMENT_UPLOAD_PATH = /^\/api\/students\/([^/]+)\/attachments\/([a-z_]+)\/([^/]+)\/?$/

/** The cap for a request path: the plan import's two doors get room for a 5 MB file, an attachment for 10 MB, everything else 1 MB. */
export function bodyLimitFor(path: string): number {
  if (path === '/api/trpc/imports.plan') return PLAN_API_BODY_MAX
  if (IMPORT_PAGE.test(path)) return PLAN_FORM_BODY_MAX
  if (ATTACHMENT_UPLOAD_PATH.test(path)) return ATTACHMENT_BODY_MAX
  return FORM_BODY_MAX
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024
  return t('refusals.megabytes', { size: Number.isInteger(mb) ? mb : mb.toFixed(1) })
}

export function tooLargeMessage(limit: number): string {
  return t('refusals.tooLargeFor', { size: megabytes(limit) })
}

function hasBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'
}

/** How much of a refused body is read and thrown away, so the sender sees the 413, before the socket is cut. */
export const DISCARD_MAX = 16 * 1024 * 1024

/**
 * Answers 413. What is still in flight is read and discarded (never kept), so the sender is not cut off before
 * it reads the answer; a sender that goes on past DISCARD_MAX loses its connection. /api/trpc gets tRPC's
 * error shape so its clients read the message; pages get plain text.
 */
export function sendTooLarge(req: Request, res: Response, limit: number): void {
  const message = tooLargeMessage(limit)
  let discarded = 0
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length
    if (discarded > DISCARD_MAX) req.socket.destroy()
  })
  req.resume()
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.status(413)
  if (req.originalUrl.startsWith('/api/trpc')) {
    res.json({ error: { message, code: -32600, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } })
  } else {
    res.type('text/plain').send(message)
  }
}

/** Express middleware: a declared Content-Length over the path's cap is refused before any byte is read. */
export function refuseDeclaredOversize(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req.method)) return next()
  const limit = bodyLimitFor(req.path)
  const declared = Number(req.get('content-length') ?? 0)
  if (Number.isFinite(declared) && declared > limit) return sendTooLarge(req, res, limit)
  next()
}

/**
 * The request body as a web stream that errors (and calls `onOverflow` once) as soon as more than `limit`
 * bytes have arrived. Chunks are passed on as they come, so memory never holds more than the cap.
 */
export function cappedBody(req: IncomingMessage, limit: number, onOverflow: () => void): ReadableStream<Uint8Array> {
  let size = 0
  let done = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const finish = () => {
        done = true
        req.off('data', onData)
        req.off('end', onEnd)
        req.off('error', onError)
      }
      const onData = (chunk: Buffer) => {
        if (done) return
        size += chunk.length
        if (size <= limit) return controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        finish()
        controller.error(new BodyTooLargeError(limit))
        onOverflow()
      }
      const onEnd = () => {
        if (done) return
        finish()
        controller.close()
      }
      const onError = (error: Error) => {
        if (done) return
        finish()
        controller.error(error)
      }
      req.on('data', onData)
      req.on('end', onEnd)
      req.on('error', onError)
    },
    cancel() {
      done = true
      req.resume()
    },
  })
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(tooLargeMessage(limit))
    this.name = 'BodyTooLargeError'
  }
}
