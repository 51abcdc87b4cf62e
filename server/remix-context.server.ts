import type { DB } from '#db/client.server.ts'
import type { AppLucia } from './auth/lucia.server.ts'
import { systemClock } from './clock.server.ts'
import { createRequestAuth, type RequestAuth } from './auth/request-auth.server.ts'
import type { SessionUser } from './auth/session.server.ts'
import { RateLimits, type SignInClient, SignInGuard } from './auth/sign-in-guard.server.ts'
import type { RateLimitName } from '#shared/sign-in-throttle.ts'
import { createContext } from './trpc/context.server.ts'
import { type AppCaller, createCaller } from './trpc/_app.server.ts'
import { acceptInviteAsUser, acceptInviteWithNewAccount, describeInvite } from './services/invites.server.ts'
import { changeName, type Device, listDevices, signOutDevice, signOutOtherDevices } from './services/devices.server.ts'
import { changeLanguage, changePassword, confirmEmailChange, requestEmailChange, requestPasswordReset, resetLinkStatus, resetPassword } from './services/account.server.ts'
import { renderMeetingBriefPdf } from './services/meeting-brief-pdf.server.ts'
import { openExportFile } from './services/record-exports.server.ts'
import { chooseByNoticeSettingsLink, type NoticeLinkView, openNoticeSettingsLink } from './services/notice-setting-links.server.ts'
import type { NoticeCadence } from '#shared/notice-cadence.ts'
import type { MeetingBrief } from '#shared/meeting-brief.ts'
import type { RecordKind } from '#shared/record-access.ts'
import { recordAccess, rolesFor } from './services/record-access.server.ts'
import { enabledSsoProviders } from './services/sso-providers.server.ts'
import { inLanguage, languageCookie } from './i18n/language.server.ts'
import type { Language } from '#shared/i18n/i18n.ts'
import { clearSsoStateCookie, finishSsoSignIn, readSsoStateCookie, type SsoDeps, type SsoFinish, type SsoRefusal, ssoStateCookie, startSsoSignIn } from './auth/sso.server.ts'
import { appUrl } from './mail/app-url.server.ts'
import { SSO_CALLBACK_PATH } from '#shared/sso.ts'

/**
 * What Remix loaders and actions receive. Routes reach data through `trpc` (the same gate as /api/trpc),
 * never through the database directly; only sign-in and invite acceptance, which happen before a person
 * is on a team, have their own bound operations.
 */
// A type alias (not an interface) so it satisfies Remix's index-signature AppLoadContext.
export type ServerLoadContext = {
  /** The one clock (server/clock.server.ts): route modules never call `new Date()` for "now". */
  now: () => Date
  auth: RequestAuth
  trpc: AppCaller
  /** Whether a school requires two-step sign-in of this person and it is not on yet (the tRPC context's answer). */
  twoStepOwed: () => Promise<boolean>
  /** This client's per-endpoint allowance: 0 when the request may go on, else the seconds to wait (answer 429). */
  limits: { take(name: RateLimitName): Promise<number> }
  invites: {
    describe(token: string): ReturnType<typeof describeInvite>
    acceptAsUser(token: string, userId: string): ReturnType<typeof acceptInviteAsUser>
    acceptWithNewAccount(token: string, name: string, password: string, language: Language): ReturnType<typeof acceptInviteWithNewAccount>
  }
  /** The person's own account: a forgotten password, and (signed in) a new password or email (server/services/account.server.ts). */
  account: {
    /** 0 when the link was sent (or, for an address with no account, not sent: the same answer), else seconds to wait. */
    requestPasswordReset(email: string): Promise<number>
    resetLinkStatus(token: string): ReturnType<typeof resetLinkStatus>
    resetPassword(token: string, password: string): ReturnType<typeof resetPassword>
    /** Signed in only (the route checks `auth.user` first). */
    changePassword(current: string, password: string): ReturnType<typeof changePassword>
    requestEmailChange(email: string, current: string): ReturnType<typeof requestEmailChange>
    confirmEmailChange(token: string): ReturnType<typeof confirmEmailChange>
    /** This person's signed-in devices, and signing one or all others out (signed in only). */
    devices(): Promise<Device[]>
    signOutDevice(handle: string): Promise<boolean>
    signOutOtherDevices(): Promise<number>
    changeName(name: string): Promise<void>
  }
  /** The settings link of a notice or digest email: one person's choice for one student, no sign-in. */
  noticeLinks: {
    open(token: string): Promise<NoticeLinkView | null>
    choose(token: string, cadence: NoticeCadence): Promise<boolean>
  }
  /**
   * Signing in with a school's own sign-in service (server/auth/sso.server.ts); the session itself comes from
   * `auth.startSession(userId, email, 'sso')`.
   */
  sso: {
    /** What the sign-in page offers: each enabled provider's id and button words. */
    providers(): Promise<{ id: string; label: string }[]>
    /** The provider's sign-in address and the cookie binding the sign-in to this browser, or a refusal. */
    start(providerId: string, redirectTo: string): Promise<{ ok: true; location: string; setCookie: string } | SsoRefusal>
    /** The provider's answer at /sso/callback; the state cookie is cleared whatever the outcome. */
    finish(requestUrl: string, cookieHeader: string | null): Promise<SsoFinish & { clearCookie: string }>
  }
  /** The reader's language (docs/languages.md): the page is rendered in it. Absent in tests that build a context by hand. */
  language?: Language
  /**
   * Runs `work` in another language than the reader's: a letter drafted in English for the school and in Spanish for
   * the family's own copy. Here, not imported by routes: the server build has its own copy of the modules.
   */
  inLanguage<T>(language: Language, work: () => T): T
  /** Keeps a language chosen at the foot of a page: on the account, if signed in, and on the device. The Set-Cookie to send. */
  chooseLanguage(language: Language): Promise<string>
  /** This response's Content-Security-Policy nonce, for Remix's inline scripts (app/entry.server.tsx). */
  cspNonce?: string
  /** How long this request's session lasts if nothing more happens (ms), for the page's countdown; null signed out. */
  sessionRemainingMs?: number | null
  /** Server-side documents made from data the route already fetched through `trpc` (never from the database). */
  documents: {
    meetingBriefPdf(brief: MeetingBrief): ReturnType<typeof renderMeetingBriefPdf>
    /**
     * A made records file's bytes, streamed from the data folder; null when it is gone. Only after
     * `trpc.records.file` answered for the same id (the gate and the record of access).
     */
    recordsZip(exportId: string): Promise<ReadableStream<Uint8Array> | null>
  }
  /**
   * The record of access for downloads (CSV, PDF, JSON): the route has already read the records through `trpc`,
   * which logged the read; this adds that they left the app as a file.
   */
  access: {
    exported(studentId: string, what: RecordKind & `export:${string}`): Promise<void>
  }
}

export function createServerLoadContext(args: {
  db: DB
  lucia: AppLucia
  user: SessionUser | null
  sessionId: string | null
  secure: boolean
  now?: () => Date
  /** The app's one guard and limits (server/app.server.ts), and who is asking. */
  guard?: SignInGuard
  limits?: RateLimits
  client?: SignInClient
}): ServerLoadContext {
  const now = args.now ?? systemClock
  const { db } = args
  const guard = args.guard ?? new SignInGuard()
  const limits = args.limits ?? new RateLimits()
  const client = args.client ?? { ip: 'unknown', deviceCookie: null }
  const ssoDeps = (): SsoDeps => ({ db, now: now(), redirectUri: appUrl(SSO_CALLBACK_PATH), guard, limits, client })
  const trpcContext = createContext({ db, user: args.user, now })
  return {
    now,
    auth: createRequestAuth({ ...args, now, guard, limits, client }),
    limits: { take: (name) => limits.take(name, client.ip) },
    trpc: createCaller(trpcContext),
    twoStepOwed: trpcContext.twoStepOwed,
    invites: {
      describe: (token) => describeInvite(db, token, now()),
      acceptAsUser: (token, userId) => acceptInviteAsUser(db, { token, userId, now: now() }),
      acceptWithNewAccount: (token, name, password, language) => acceptInviteWithNewAccount(db, { token, name, password, language, now: now() }),
    },
    noticeLinks: {
      // The person's id stays on the server: the page shows only names and the choice.
      open: async (token) => {
        const link = await openNoticeSettingsLink(db, token, now())
        return link && { personName: link.personName, studentId: link.studentId, studentName: link.studentName, cadence: link.cadence }
      },
      choose: (token, cadence) => chooseByNoticeSettingsLink(db, { token, cadence, now: now() }),
    },
    account: {
      async requestPasswordReset(email) {
        // Per client first, then per address: both count whether or not the address has an account.
        const wait = (await limits.take('passwordReset', client.ip)) || (await limits.take('passwordResetAddress', email.toLowerCase()))
        if (wait) return wait
        await requestPasswordReset(db, { email, now: now() })
        return 0
      },
      resetLinkStatus: (token) => resetLinkStatus(db, token, now()),
      resetPassword: (token, password) => resetPassword(db, { token, password, now: now() }),
      changePassword(current, password) {
        if (!args.user || !args.sessionId) throw new Error('changePassword needs a signed-in request')
        return changePassword(db, { userId: args.user.id, sessionId: args.sessionId, current, password, now: now() })
      },
      requestEmailChange(email, current) {
        if (!args.user) throw new Error('requestEmailChange needs a signed-in request')
        return requestEmailChange(db, { userId: args.user.id, email, current, now: now() })
      },
      confirmEmailChange: (token) => confirmEmailChange(db, { token, now: now() }),
      devices() {
        if (!args.user) throw new Error('devices needs a signed-in request')
        return listDevices(db, { userId: args.user.id, currentSessionId: args.sessionId, now: now() })
      },
      signOutDevice(handle) {
        if (!args.user) throw new Error('signOutDevice needs a signed-in request')
        return signOutDevice(db, { userId: args.user.id, handle, client: client.ip, now: now() })
      },
      signOutOtherDevices() {
        if (!args.user || !args.sessionId) throw new Error('signOutOtherDevices needs a signed-in request')
        return signOutOtherDevices(db, { userId: args.user.id, currentSessionId: args.sessionId, client: client.ip, now: now() })
      },
      changeName(name) {
        if (!args.user) throw new Error('changeName needs a signed-in request')
        return changeName(db, { userId: args.user.id, name, now: now() })
      },
    },
    inLanguage,
    async chooseLanguage(language) {
      if (args.user) await changeLanguage(db, { userId: args.user.id, language })
      return languageCookie(language, args.secure)
    },
    sso: {
      providers: () => enabledSsoProviders(db),
      async start(providerId, redirectTo) {
        const started = await startSsoSignIn(ssoDeps(), providerId, redirectTo)
        return started.ok ? { ok: true, location: started.location, setCookie: ssoStateCookie(started.state, args.secure) } : started
      },
      async finish(requestUrl, cookieHeader) {
        const finished = await finishSsoSignIn(ssoDeps(), { url: new URL(requestUrl), cookieState: readSsoStateCookie(cookieHeader) })
        return { ...finished, clearCookie: clearSsoStateCookie(args.secure) }
      },
    },
    documents: {
      meetingBriefPdf: (brief) => renderMeetingBriefPdf(brief),
      recordsZip: (exportId) => openExportFile(db, exportId),
    },
    access: {
      async exported(studentId, what) {
        if (!args.user) return
        const reads = await rolesFor(db, args.user.id, [studentId], now())
        await recordAccess(db, { userId: args.user.id, reads, what, via: what.slice('export:'.length), now: now() })
      },
    },
  }
}
