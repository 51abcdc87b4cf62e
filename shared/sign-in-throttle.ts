/**
 * Sign-in that resists password guessing and spraying without letting anyone lock someone else out (issue 12,
 * item 5; docs/decisions/009-sign-in-throttle.md). Pure rules: the server keeps the counts and passes in the time.
 *
 * Failures are counted per account+client (one email from one client) and per client (every email from one
 * client). Past a few free failures each further one makes the client wait longer before its next try, doubling up
 * to a ceiling. A correct password from a client that has not been failing is never slowed: the owner is not
 * locked out by someone else's failures.
 */
import { addSections, t } from './i18n/i18n.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

export interface ThrottleRule {
  /** Failures allowed in a row before any wait. */
  free: number
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelaySeconds: number
  /** The ceiling of the wait. */
  maxDelaySeconds: number
  /** A run of failures is forgotten after this long without a new one. */
  forgetAfterMs: number
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** One email from one client: a person who mistypes three times waits 1 s, then 2, 4, 8… at most 15 minutes. */
export const ACCOUNT_CLIENT_RULE: ThrottleRule = { free: 3, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, forgetAfterMs: 24 * HOUR }

/**
 * Every email from one client (one network address, so a whole school behind one router counts as one): generous
 * before it slows, since many people may sign in from there, and forgotten after an hour of quiet.
 */
export const CLIENT_RULE: ThrottleRule = { free: 20, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, forgetAfterMs: HOUR }

export interface FailureRun {
  /** Failures in a row. */
  failures: number
  /** When the last one was, in ms since the epoch. */
  lastAt: number
}

/** The wait, in seconds, that a run of `failures` imposes after its last failure. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  const past = failures - rule.free
  if (past <= 0) return 0
  // 2 ** 30 s is already far past any ceiling; capping the exponent keeps the number finite.
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(past - 1, 30))
}

/** The run as it stands at `now`: undefined once it has been forgotten. */
export function currentRun(run: FailureRun | undefined, now: number, rule: ThrottleRule): FailureRun | undefined {
  if (!run || now - run.lastAt > rule.forgetAfterMs) return undefined
  return run
}

/** Whole seconds the client must still wait before its next try (0: it may try now). */
export function secondsToWait(run: FailureRun | undefined, now: number, rule: ThrottleRule): number {
  const live = currentRun(run, now, rule)
  const delay = live ? delayAfter(live.failures, rule) : 0
  if (!live || delay === 0) return 0
  const until = live.lastAt + delay * 1000
  return until > now ? Math.ceil((until - now) / 1000) : 0
}

/** The run after one more failure at `now`. */
export function addFailure(run: FailureRun | undefined, now: number, rule: ThrottleRule): FailureRun {
  const live = currentRun(run, now, rule)
  return { failures: (live?.failures ?? 0) + 1, lastAt: now }
}

/** The run after a failure counted in advance turned out to be a success: the count goes back by one. */
export function withdrawFailure(run: FailureRun | undefined): FailureRun | undefined {
  if (!run || run.failures <= 1) return undefined
  return { failures: run.failures - 1, lastAt: run.lastAt }
}

/** Failed sign-ins for this many different emails from one client within the window are a spraying alert. */
export const SPRAY_RULE = { accounts: 10, windowMs: 10 * MINUTE } as const

/**
 * Whether one client's failures look like password spraying: `failedAt` maps each email that failed from the
 * client to its latest failure. Alerts once per window, so a long attack is one alert every ten minutes.
 */
export function sprayAlertDue(failedAt: ReadonlyMap<string, number>, now: number, lastAlertAt: number | undefined): { accounts: number } | null {
  let accounts = 0
  for (const at of failedAt.values()) if (now - at <= SPRAY_RULE.windowMs) accounts++
  if (accounts < SPRAY_RULE.accounts) return null
  if (lastAlertAt !== undefined && now - lastAlertAt < SPRAY_RULE.windowMs) return null
  return { accounts }
}

/**
 * Requests per client, whatever their outcome, for each endpoint that takes a secret or writes much
 * (the server enforces them with rate-limiter-flexible; a successful sign-in gives its point back).
 */
export const RATE_LIMITS = {
  signIn: { points: 30, durationSeconds: 60 },
  invite: { points: 20, durationSeconds: 10 * 60 },
  import: { points: 20, durationSeconds: 10 * 60 },
  // "Forgot your password?": per client, and (keyed by the address) per address, so one inbox is not flooded.
  passwordReset: { points: 10, durationSeconds: 60 * 60 },
  passwordResetAddress: { points: 3, durationSeconds: 60 * 60 },
} as const

export type RateLimitName = keyof typeof RATE_LIMITS

/** What a throttled or rate-limited client reads, on the page and in a 429's body. */
export function tryAgainMessage(seconds: number, what: 'sign-in' | 'requests' = 'sign-in'): string {
  const wait = seconds < 90 ? t('domain.tryAgain.seconds', { count: seconds }) : t('domain.tryAgain.minutes', { count: Math.ceil(seconds / 60) })
  return what === 'sign-in' ? t('domain.tryAgain.signIn', { wait }) : t('domain.tryAgain.requests', { wait })
}
