import type { IncomingMessage, Server } from 'node:http'
import path from 'node:path'
import type { Duplex } from 'node:stream'
import type { ServerBuild } from '@remix-run/node'
import { createExpressMiddleware } from '@trpc/server/adapters/express'
import express, { type Request, type Response } from 'express'
import type { ViteDevServer } from 'vite'
import { type DB, isDatabaseHealthy } from '#db/client.server.ts'
import { type AppLucia, createLucia, withSecure } from './auth/lucia.server.ts'
import { isAllowedOrigin } from './auth/origin.server.ts'
import { type Clock, clockForRequest, systemClock } from './clock.server.ts'
import { readDeviceCookie } from './auth/request-auth.server.ts'
import { readSession, type SessionUser } from './auth/session.server.ts'
import { checkSession } from './auth/session-limits.server.ts'
import {
  isBackgroundRequest,
  SESSION_KEEP_ALIVE_PATH,
  SESSION_STATUS_PATH,
  sendSessionStatus,
  sessionEndedCookie,
  type SessionDeadline,
} from './http/session-status.server.ts'
import { RateLimits, type SignInClient, SignInGuard } from './auth/sign-in-guard.server.ts'
import { tryAgainMessage } from '#shared/sign-in-throttle.ts'
import { type Collab, type CollabOptions, createCollab } from './collab/collab-server.server.ts'
import { bodyLimitFor, FORM_BODY_MAX, PLAN_API_BODY_MAX, refuseDeclaredOversize } from './http/body-limit.server.ts'
import { isDatabaseBusy, RETRY_AFTER_SECONDS, sendBusy } from './http/busy.server.ts'
import { createRemixHandler } from './http/remix-handler.server.ts'
import { attachmentRoutes } from './http/attachments.server.ts'
import { cspNonce, securityHeaders } from './http/security-headers.server.ts'
import { createServerLoadContext } from './remix-context.server.ts'
import { createContext } from './trpc/context.server.ts'
import { appRouter } from './trpc/_app.server.ts'
import { t, type Language } from '#shared/i18n/i18n.ts'
import { inLanguage, readerLanguage } from './i18n/language.server.ts'

interface Locals {
  user: SessionUser | null
  sessionId: string | null
  sessionDeadline: SessionDeadline | null
  language: Language
}

/** The client as sign-in throttling and rate limits see it: its address (the proxy's forwarded one under TRUST_PROXY). */
function clientOf(req: Request): SignInClient {
  return { ip: req.ip ?? req.socket.remoteAddress ?? 'unknown', deviceCookie: readDeviceCookie(req.get('cookie')), userAgent: req.get('user-agent') ?? null }
}

export interface CreateAppOptions {
  db: DB
  trustProxy: boolean
  /**
   * Production: the built Remix server. Development: a Vite dev server in middleware mode. Absent: the API
   * and health check only (HTTP-level tests, before any build exists).
   */
  remix?:
    | { mode: 'production'; build: ServerBuild; clientDir: string }
    | { mode: 'development'; vite: ViteDevServer }
  /** Collaboration options beyond the database and sessions (tests inject a store or a logger). */
  collab?: Omit<CollabOptions, 'db' | 'lucia'>
  /** The clock for every request (default: the process clock, which tests may set with SAME_PAGE_NOW). */
  now?: Clock
  /** Tests only (config refuses it in production): a browser may pick its day with the test-clock cookie. */
  testClock?: boolean
}

export interface CreatedApp {
  app: express.Express
  lucia: AppLucia
  /** The notebooks' WebSocket server: attach it to the HTTP server with `listen` below. */
  collab: Collab
}

export function createApp(options: CreateAppOptions): CreatedApp {
  const { db } = options
  const lucia = createLucia(db)
  const clock = options.now ?? systemClock
  const requestClock = (req: Request): Clock => (options.testClock ? clockForRequest(req.get('cookie'), clock) : clock)
  // Failed sign-ins and per-client request counts live in this process (docs/decisions/009-sign-in-throttle.md).
  const guard = new SignInGuard()
  const limits = new RateLimits()
  const collab = createCollab({
    now: clock,
    clockFor: (cookieHeader) => (options.testClock ? clockForRequest(cookieHeader, clock) : clock),
    ...options.collab,
    db,
    lucia,
  })
  const app = express()
  app.disable('x-powered-by')
  if (options.trustProxy) app.set('trust proxy', 1)
  // CSP (with a per-request nonce), no-store, HSTS over https, Referrer- and Permissions-Policy. No CSP under
  // `npm run dev`: Vite's client injects inline scripts of its own.
  app.use(securityHeaders({ csp: options.remix?.mode !== 'development' }))

  // Before anything reads a body: a declared size over the cap is refused unread (streamed bodies are counted below).
  app.use(refuseDeclaredOversize)

  app.get('/healthz', async (_req, res) => {
    const ok = await isDatabaseHealthy(db)
    res.status(ok ? 200 : 503).json({ ok })
  })

  // CSRF defence for every state-changing request, pages and API alike.
  app.use((req, res, next) => {
    if (isAllowedOrigin(req.method, req.get('origin'), req.get('host'))) return next()
    res.status(403).type('text/plain').send(t('refusals.otherSite'))
  })

  app.use(async (req, res, next) => {
    try {
      const locals = res.locals as Locals
      locals.user = null
      locals.sessionId = null
      locals.sessionDeadline = null
      // Build files are the same for everyone: no session is read, and fetching one is not activity.
      if (req.path.startsWith('/assets/')) return next()
      const read = await readSession(lucia, req.get('cookie'))
      if (read.cookie) res.append('Set-Cookie', withSecure(read.cookie, req.secure))
      if (read.user) {
        const now = requestClock(req)()
        const check = await checkSession(db, { sessionId: read.sessionId, userId: read.user.id, now, touch: !isBackgroundRequest(req), client: clientOf(req).ip })
        if (check.ended) {
          // Past its limits: signed out here and now, and the sign-in page will say why.
          res.append('Set-Cookie', withSecure(lucia.createBlankSessionCookie(), req.secure))
          res.append('Set-Cookie', sessionEndedCookie(check.ended, req.secure))
          return next()
        }
        locals.user = read.user
        locals.sessionId = read.sessionId
        locals.sessionDeadline = { at: check.deadline, reason: check.reason, now: now.getTime() }
      }
      next()
    } catch (error) {
      next(error)
    }
  })

  // Everything after this reads and writes in the reader's language (docs/languages.md): pages, refusals, dates.
  app.use((req, res, next) => {
    const locals = res.locals as Locals
    locals.language = readerLanguage(locals.user?.language, req.get('cookie'), req.get('accept-language'))
    inLanguage(locals.language, next)
  })

  // Attached files: uploads from a plain form and downloads, through the tRPC gate (docs/attachments.md).
  app.use(attachmentRoutes({ db, clockFor: requestClock, userOf: (res) => (res.locals as Locals).user }))

  app.get(SESSION_STATUS_PATH, (req, res) => sendSessionStatus(req, res, (res.locals as Locals).sessionDeadline))
  app.post(SESSION_KEEP_ALIVE_PATH, (req, res) => sendSessionStatus(req, res, (res.locals as Locals).sessionDeadline))

  // The plan import writes much: a per-client limit, for tRPC calls (batched ones too) as for the import page.
  app.use('/api/trpc', async (req, res, next) => {
    try {
      if (req.method !== 'POST' || !req.path.slice(1).split(',').includes('imports.plan')) return next()
      const wait = await limits.take('import', clientOf(req).ip)
      if (!wait) return next()
      const message = tryAgainMessage(wait, 'requests')
      res.status(429).set('Retry-After', String(wait)).json({ error: { message, data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 } } })
    } catch (error) {
      next(error)
    }
  })

  // tRPC counts streamed bytes itself (maxBodySize); the plan import gets room for its 5 MB file.
  const trpcHandler = (maxBodySize: number) =>
    createExpressMiddleware({
      router: appRouter,
      maxBodySize,
      createContext: ({ req, res }) => createContext({ db, user: (res.locals as Locals).user, now: requestClock(req) }),
      // A held database lock (SERVICE_UNAVAILABLE, 503): tell the client when to try again.
      responseMeta: ({ errors }) =>
        errors.some((e) => e.code === 'SERVICE_UNAVAILABLE') ? { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } } : {},
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed`, error)
      },
    })
  const trpcForms = trpcHandler(FORM_BODY_MAX)
  const trpcImport = trpcHandler(PLAN_API_BODY_MAX)
  app.use('/api/trpc', (req, res, next) => {
    const limit = bodyLimitFor(req.originalUrl.split('?')[0]!)
    return (limit === PLAN_API_BODY_MAX ? trpcImport : trpcForms)(req, res, next)
  })

  const getLoadContext = (req: Request, res: Response) => {
    const locals = res.locals as Locals
    return {
      ...createServerLoadContext({
        db,
        lucia,
        user: locals.user,
        sessionId: locals.sessionId,
        secure: req.secure,
        now: requestClock(req),
        guard,
        limits,
        client: clientOf(req),
      }),
      cspNonce: cspNonce(res),
      language: locals.language,
      sessionRemainingMs: locals.sessionDeadline ? locals.sessionDeadline.at - locals.sessionDeadline.now : null,
    }
  }

  if (!options.remix) return { app, lucia, collab: withBusyHandler(app, collab) }
  if (options.remix.mode === 'production') {
    const { clientDir, build } = options.remix
    // The headers middleware set no-store on everything, and express.static keeps a Cache-Control already
    // set: name each policy here. Hashed build files never change; the rest (icons, manifest) may, and the
    // service worker must be asked for afresh so a new build takes over.
    app.use('/assets', express.static(path.join(clientDir, 'assets'), { setHeaders: (res) => res.set('Cache-Control', ASSET_CACHE) }))
    app.use(express.static(clientDir, { setHeaders: (res, file) => res.set('Cache-Control', path.basename(file) === 'sw.js' ? 'no-cache' : PUBLIC_FILE_CACHE) }))
    app.all('*', createRemixHandler({ build, getLoadContext }))
  } else {
    const { vite } = options.remix
    app.use(vite.middlewares)
    app.all(
      '*',
      createRemixHandler({
        build: () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
        getLoadContext,
      }),
    )
  }
  return { app, lucia, collab: withBusyHandler(app, collab) }
}

/** Hashed build files (`/assets/…-[hash].js`): a new build has new names, so a year and never revalidated. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable'
/** Icons and the manifest: unhashed names, so an hour. */
export const PUBLIC_FILE_CACHE = 'public, max-age=3600'

/** The last error handler: a held database lock outside tRPC and Remix (the session check) is 503, not 500. */
function withBusyHandler(app: express.Express, collab: Collab): Collab {
  app.use((error: unknown, _req: Request, res: Response, next: express.NextFunction) => {
    if (isDatabaseBusy(error) && !res.headersSent) return sendBusy(res)
    next(error)
  })
  return collab
}

/**
 * The one HTTP server (docs/domain.md#architecture): pages and /api/trpc through Express, and the /collab WebSocket on the
 * same port through the server's `upgrade` event.
 */
export function listen(created: Pick<CreatedApp, 'app' | 'collab'>, port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = host ? created.app.listen(port, host) : created.app.listen(port)
    // Node closes an idle kept-alive connection after 5 s, which races a client reusing it at that moment: the client
    // gets ECONNRESET (it failed a journey). Clients and proxies keep idle connections for up to about a minute, so
    // the server keeps them a little longer and is never the one to close one mid-reuse. Headers must wait longer still.
    server.keepAliveTimeout = 65_000
    server.headersTimeout = 66_000
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => created.collab.handleUpgrade(request, socket, head))
    server.once('listening', () => resolve(server)).once('error', reject)
  })
}
