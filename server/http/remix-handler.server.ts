import { type AppLoadContext, createRequestHandler, type HandleErrorFunction, type ServerBuild, writeReadableStreamToWritable } from '@remix-run/node'
import { isRouteErrorResponse } from '@remix-run/react'
import type { NextFunction, Request, Response } from 'express'
import { bodyLimitFor, cappedBody, sendTooLarge } from './body-limit.server.ts'
import { isDatabaseBusy, sendBusy } from './busy.server.ts'

/** Which requests met a held database lock in a loader or action (seen by the build's handleError below). */
const busyRequests = new WeakSet<globalThis.Request>()

/**
 * The build with a handleError that notes a SQLITE_BUSY (answered 503 by the handler, not logged as a fault) and
 * otherwise does what Remix's default does: log the error unless the request was aborted.
 */
function withBusyCheck(build: ServerBuild): ServerBuild {
  const own = build.entry.module.handleError
  const handleError: HandleErrorFunction = (error, args) => {
    if (isDatabaseBusy(error)) return void busyRequests.add(args.request)
    if (own) return own(error, args)
    if (!args.request.signal.aborted) console.error(isRouteErrorResponse(error) && 'error' in error && error.error ? error.error : error)
  }
  return { ...build, entry: { module: { ...build.entry.module, handleError } } }
}

/**
 * @remix-run/express's request handler, with what it has no option for: the body Remix actions read is capped
 * as it streams (body-limit.server.ts): past the cap the request is answered 413 at once and the action's
 * signal is aborted, so `request.formData()` fails quietly instead of buffering 150 MB. And a loader or
 * action that met a held database lock is answered 503 with Retry-After instead of an error page.
 */
export function createRemixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>)
  getLoadContext: (req: Request, res: Response) => AppLoadContext | Promise<AppLoadContext>
  mode?: string
}) {
  const { build } = options
  const wrapped = typeof build === 'function' ? async () => withBusyCheck(await build()) : withBusyCheck(build)
  const handleRequest = createRequestHandler(wrapped, options.mode ?? process.env.NODE_ENV)
  return async (req: Request, res: Response, next: NextFunction) => {
    const controller = new AbortController()
    let tooLarge = false
    const limit = bodyLimitFor(req.path)
    try {
      const url = requestUrl(req)
      const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers: createRemixHeaders(req.headers), signal: controller.signal }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        init.body = cappedBody(req, limit, () => {
          tooLarge = true
          controller.abort()
          sendTooLarge(req, res, limit)
        })
        init.duplex = 'half'
      }
      // Abort loaders and actions once no response can be written (as the Express adapter does).
      res.on('close', () => {
        if (!res.writableFinished) controller.abort()
      })
      const request: globalThis.Request = new Request(url.href, init)
      const response = await handleRequest(request, await options.getLoadContext(req, res))
      if (tooLarge || res.headersSent) return
      if (busyRequests.has(request)) return sendBusy(res)
      await sendRemixResponse(res, response)
    } catch (error) {
      if (tooLarge || res.headersSent) return
      if (isDatabaseBusy(error)) return sendBusy(res)
      next(error)
    }
  }
}

// The three helpers below follow @remix-run/express 2.17.5 (server.ts), which does not export them.

function requestUrl(req: Request): URL {
  // req.hostname respects "trust proxy"; the port comes from X-Forwarded-Host or Host.
  const portOf = (value: string | undefined) => Number.parseInt(value?.split(':')[1] ?? '', 10)
  const forwardedPort = portOf(req.get('X-Forwarded-Host'))
  const hostPort = portOf(req.get('host'))
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : ''
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
}

function createRemixHeaders(requestHeaders: Request['headers']): Headers {
  const headers = new Headers()
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue
    if (Array.isArray(values)) for (const value of values) headers.append(key, value)
    else headers.set(key, values)
  }
  return headers
}

async function sendRemixResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText
  res.status(response.status)
  // A route's own header replaces the app's default (Cache-Control); cookies add up.
  for (const [key, value] of response.headers.entries()) {
    if (key.toLowerCase() === 'set-cookie') res.append(key, value)
    else res.setHeader(key, value)
  }
  if (response.headers.get('Content-Type')?.match(/text\/event-stream/i)) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}
