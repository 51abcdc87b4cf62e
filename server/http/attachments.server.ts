import fs from 'node:fs'
import type { Request, Response, Router } from 'express'
import express from 'express'
import { unstable_parseMultipartFormData } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import type { DB } from '#db/client.server.ts'
import {
  attachmentDisposition,
  isUploadRefusal,
  OWNER_KINDS,
  type OwnerKind,
  safeBackPath,
  UPLOAD_RESULT_PARAMS,
  type UploadRefusal,
} from '#shared/attachments.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { SessionUser } from '../auth/session.server.ts'
import type { Clock } from '../clock.server.ts'
import {
  attachmentPath,
  attachmentsDirOf,
  commitUpload,
  discardUpload,
  type ReceivedFile,
  receiveUpload,
  UploadRefused,
} from '../services/attachments.server.ts'
import { createContext } from '../trpc/context.server.ts'
import { createCaller } from '../trpc/_app.server.ts'
import { ATTACHMENT_BODY_MAX, ATTACHMENT_UPLOAD_PATH, BodyTooLargeError, cappedBody, DISCARD_MAX } from './body-limit.server.ts'
import { isDatabaseBusy, sendBusy } from './busy.server.ts'

/**
 * Attached files over HTTP (docs/attachments.md), beside the pages and /api/trpc:
 *
 * - `POST /api/students/:studentId/attachments/:ownerKind/:ownerId?back=…` takes one file from a plain HTML form
 *   (multipart, no script needed) and answers with a redirect back to the page (303), or JSON to a client that asks
 *   for it (`Accept: application/json`). The permission is asked of the tRPC gate (`attachments.mayAttach`) before a
 *   byte of the body is read.
 * - `GET /api/students/:studentId/attachments/:attachmentId` downloads a file, never shown inline: through the gate
 *   and the record of access (`attachments.file`); anyone who may not read its record gets the same 404 as for a file
 *   that does not exist.
 */
export function attachmentRoutes(options: { db: DB; clockFor: (req: Request) => Clock; userOf: (res: Response) => SessionUser | null }): Router {
  const { db } = options
  const routes = express.Router()
  const callerFor = (req: Request, res: Response) => createCaller(createContext({ db, user: options.userOf(res), now: options.clockFor(req) }))

  routes.get('/api/students/:studentId/attachments/:attachmentId', async (req, res, next) => {
    try {
      const { studentId, attachmentId } = req.params as { studentId: string; attachmentId: string }
      let file: Awaited<ReturnType<ReturnType<typeof callerFor>['attachments']['file']>>
      try {
        file = await callerFor(req, res).attachments.file({ studentId, attachmentId })
      } catch (error) {
        if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR' && error.code !== 'SERVICE_UNAVAILABLE') return notFound(res)
        throw error
      }
      const bytes = attachmentPath(await attachmentsDirOf(db), file.sha256)
      const stream = fs.createReadStream(bytes)
      stream.once('error', (error) => {
        console.error(`Attached file ${file.id} could not be read`, error)
        if (!res.headersSent) notFound(res)
        else res.destroy()
      })
      stream.once('open', () => {
        res.status(200).set({
          'Content-Type': file.mediaType,
          'Content-Length': String(file.size),
          'Content-Disposition': attachmentDisposition(file.fileName),
          'X-Content-Type-Options': 'nosniff',
          // Opened anyway (a browser that ignores the disposition): no script, no plugin, no origin of ours.
          'Content-Security-Policy': "sandbox; default-src 'none'",
          'Cache-Control': 'private, no-store',
        })
        stream.pipe(res)
      })
    } catch (error) {
      if (isDatabaseBusy(error) && !res.headersSent) return sendBusy(res)
      next(error)
    }
  })

  routes.post(ATTACHMENT_UPLOAD_PATH, async (req, res, next) => {
    const [, rawStudent, rawKind, rawOwner] = ATTACHMENT_UPLOAD_PATH.exec(req.path)!
    const studentId = decodeURIComponent(rawStudent!)
    const ownerId = decodeURIComponent(rawOwner!)
    const back = safeBackPath(typeof req.query.back === 'string' ? req.query.back : null, studentId)
    const answer = (outcome: { refused: UploadRefusal; status: number } | { id: string; fileName: string }) => sendOutcome(req, res, { back, ownerId, outcome })
    let received: ReceivedFile | null = null
    let overflowed = false
    try {
      if (!(OWNER_KINDS as readonly string[]).includes(rawKind!)) return answer({ refused: 'notFound', status: 404 })
      const ownerKind = rawKind as OwnerKind
      // The gate first: who is not allowed never gets a byte written to disk.
      let who: { actorId: string; now: string }
      try {
        who = await callerFor(req, res).attachments.mayAttach({ studentId, ownerKind, ownerId })
      } catch (error) {
        if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR' && error.code !== 'SERVICE_UNAVAILABLE') {
          return answer({ refused: 'notFound', status: error.code === 'UNAUTHORIZED' ? 401 : 404 })
        }
        throw error
      }
      const type = req.get('content-type') ?? ''
      if (!type.startsWith('multipart/form-data')) return answer({ refused: 'noFile', status: 400 })
      const dir = await attachmentsDirOf(db)
      const controller = new AbortController()
      const body = cappedBody(req, ATTACHMENT_BODY_MAX, () => {
        overflowed = true
        controller.abort()
      })
      const request = new Request('http://upload.local/', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
        duplex: 'half',
        signal: controller.signal,
      } as RequestInit & { duplex: 'half' })
      let declaredName = ''
      let sawFile = false
      await unstable_parseMultipartFormData(request, async (part) => {
        // One file per upload: the first file part is the upload, any other part is read past and dropped.
        if (part.name === 'file' && part.filename !== undefined && !sawFile) {
          sawFile = true
          if (part.filename === '') return void (await drain(part.data))
          declaredName = part.filename
          received = await receiveUpload(dir, part.data)
          return undefined
        }
        await drain(part.data)
        return undefined
      })
      if (!received) return answer({ refused: 'noFile', status: 400 })
      const done = await commitUpload(db, dir, received, { studentId, ownerKind, ownerId, fileName: declaredName, actorId: who.actorId, now: new Date(who.now) })
      received = null
      return answer(done)
    } catch (error) {
      await discardUpload(received)
      if (error instanceof UploadRefused) return answer({ refused: error.reason, status: error.reason === 'tooLarge' ? 413 : error.reason === 'wrongType' ? 415 : 400 })
      if (overflowed || error instanceof BodyTooLargeError) return answer({ refused: 'tooLarge', status: 413 })
      if (error instanceof TypeError && /FormData/.test(error.message)) return answer({ refused: 'noFile', status: 400 })
      if (isDatabaseBusy(error) && !res.headersSent) return sendBusy(res)
      next(error)
    }
  })

  return routes
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _chunk of data) {
    // read past
  }
}

function notFound(res: Response): void {
  res.status(404).type('text/plain').send(t('attachments.notFound'))
}

/**
 * The answer to an upload: JSON for a client that asks for it, otherwise back to the page with what happened in the
 * query (the page shows the sentence beside the record's form). What is still in flight of a refused body is read and
 * thrown away first, so the browser sees the answer instead of a cut connection.
 */
function sendOutcome(
  req: Request,
  res: Response,
  args: { back: string; ownerId: string; outcome: { refused: UploadRefusal; status: number } | { id: string; fileName: string } },
): void {
  const { outcome } = args
  if (!req.readableEnded) {
    let discarded = 0
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length
      if (discarded > DISCARD_MAX) req.socket.destroy()
    })
    req.resume()
  }
  if (res.headersSent) return
  const wantsJson = (req.get('accept') ?? '').includes('application/json')
  if (wantsJson) {
    if ('refused' in outcome) res.status(outcome.status).json({ error: { reason: outcome.refused, message: t(`attachments.refused.${outcome.refused}`) } })
    else res.status(201).json(outcome)
    return
  }
  const params = new URLSearchParams({ [UPLOAD_RESULT_PARAMS.owner]: args.ownerId })
  if ('refused' in outcome && isUploadRefusal(outcome.refused)) params.set(UPLOAD_RESULT_PARAMS.refused, outcome.refused)
  else params.set(UPLOAD_RESULT_PARAMS.done, '1')
  res.redirect(303, `${args.back}?${params}#attachments-${encodeURIComponent(args.ownerId)}`)
}
