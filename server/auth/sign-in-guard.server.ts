import { createHmac, randomBytes } from 'node:crypto'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import {
  ACCOUNT_CLIENT_RULE,
  addFailure,
  CLIENT_RULE,
  currentRun,
  type FailureRun,
  RATE_LIMITS,
  type RateLimitName,
  secondsToWait,
  SPRAY_RULE,
  sprayAlertDue,
  withdrawFailure,
} from '#shared/sign-in-throttle.ts'

/** The cookie that marks a browser where an account has signed in before (OWASP's "device cookie"). */
export const DEVICE_COOKIE = 'same_page_device'
const DEVICE_TAGS_KEPT = 5
const PRUNE_EVERY = 1000

/** Who is asking: the network address (behind TRUST_PROXY, the forwarded one) and the device cookie, if any. */
export interface SignInClient {
  ip: string
  deviceCookie: string | null
  /** The browser's User-Agent, to name the device in its owner's list of signed-in devices. */
  userAgent?: string | null
}

/** A try the guard let through, with its failure already counted (so parallel tries cannot slip past the wait). */
export interface Attempt {
  email: string
  ip: string
  accountKey: string
  /** Whether the client-wide run was charged (not for a device the account has signed in on before). */
  chargedClient: boolean
}

/**
 * The memory of failed sign-ins, per account+client and per client (shared/sign-in-throttle.ts holds the rules).
 * Kept in the one server process (docs/domain.md#architecture): a restart forgets it, which only ever lets people in sooner.
 *
 * A browser where the account signed in before carries a device tag for it (an HMAC of the email under this
 * process's secret): it is its own client for that account, so an attacker failing from the same address (a
 * school's shared router, or the same machine) neither slows it nor counts against it.
 */
export class SignInGuard {
  private readonly runs = new Map<string, FailureRun>()
  private readonly failedByClient = new Map<string, Map<string, number>>()
  private readonly alertedAt = new Map<string, number>()
  private operations = 0

  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  private deviceTag(email: string): string {
    return createHmac('sha256', this.secret).update(email.toLowerCase()).digest('base64url').slice(0, 22)
  }

  private trusted(client: SignInClient, email: string): boolean {
    return Boolean(client.deviceCookie?.split('.').includes(this.deviceTag(email)))
  }

  /** The device cookie's value after `email` signed in on this browser: its tag first, a few accounts kept. */
  deviceCookieAfterSignIn(client: SignInClient, email: string): string {
    const tag = this.deviceTag(email)
    const others = (client.deviceCookie ?? '').split('.').filter((t) => t && t !== tag && /^[\w-]{22}$/.test(t))
    return [tag, ...others].slice(0, DEVICE_TAGS_KEPT).join('.')
  }

  /**
   * Whom the per-client rate limit counts: the network address, or, for a browser where this account signed in
   * before, that browser (so an attacker at the same address cannot use up the owner's allowance).
   */
  limitKey(email: string, client: SignInClient): string {
    return this.trusted(client, email) ? `d:${this.deviceTag(email)}` : `ip:${client.ip}`
  }

  /**
   * Before the password is checked: the seconds this client must still wait for this email, or an attempt whose
   * failure is counted in advance (undone by `succeeded`).
   */
  begin(email: string, client: SignInClient, now: number): { wait: number } | { attempt: Attempt } {
    this.prune(now)
    const key = email.toLowerCase()
    const trusted = this.trusted(client, email)
    const accountKey = trusted ? `a:${key}|d:${this.deviceTag(email)}` : `a:${key}|ip:${client.ip}`
    const clientKey = `c:${client.ip}`
    const wait = Math.max(
      secondsToWait(this.runs.get(accountKey), now, ACCOUNT_CLIENT_RULE),
      trusted ? 0 : secondsToWait(this.runs.get(clientKey), now, CLIENT_RULE),
    )
    if (wait > 0) return { wait }
    this.runs.set(accountKey, addFailure(this.runs.get(accountKey), now, ACCOUNT_CLIENT_RULE))
    if (!trusted) this.runs.set(clientKey, addFailure(this.runs.get(clientKey), now, CLIENT_RULE))
    return { attempt: { email: key, ip: client.ip, accountKey, chargedClient: !trusted } }
  }

  /** The password was right: this account+client starts afresh, and the client gets its counted failure back. */
  succeeded(attempt: Attempt): void {
    this.runs.delete(attempt.accountKey)
    if (attempt.chargedClient) {
      const clientKey = `c:${attempt.ip}`
      const back = withdrawFailure(this.runs.get(clientKey))
      if (back) this.runs.set(clientKey, back)
      else this.runs.delete(clientKey)
    }
  }

  /** The password was wrong (already counted). Returns a spraying alert when this client is now failing across many accounts. */
  failed(attempt: Attempt, now: number): { accounts: number } | null {
    let failed = this.failedByClient.get(attempt.ip)
    if (!failed) this.failedByClient.set(attempt.ip, (failed = new Map()))
    failed.set(attempt.email, now)
    const alert = sprayAlertDue(failed, now, this.alertedAt.get(attempt.ip))
    if (alert) this.alertedAt.set(attempt.ip, now)
    return alert
  }

  /** Seconds this client must still wait before any sign-in (the client-wide run only): for a way in that names no account yet. */
  clientWait(client: SignInClient, now: number): number {
    this.prune(now)
    return secondsToWait(this.runs.get(`c:${client.ip}`), now, CLIENT_RULE)
  }

  /** A refused sign-in that named no account (a single sign-on state from another browser): counted for the client. */
  clientFailed(client: SignInClient, now: number): void {
    const clientKey = `c:${client.ip}`
    this.runs.set(clientKey, addFailure(this.runs.get(clientKey), now, CLIENT_RULE))
  }

  /** Forgotten runs and old failures go, now and then, so memory stays bounded by recent activity. */
  private prune(now: number): void {
    if (++this.operations % PRUNE_EVERY !== 0) return
    for (const [key, run] of this.runs) {
      if (!currentRun(run, now, key.startsWith('c:') ? CLIENT_RULE : ACCOUNT_CLIENT_RULE)) this.runs.delete(key)
    }
    for (const [ip, failed] of this.failedByClient) {
      for (const [email, at] of failed) if (now - at > SPRAY_RULE.windowMs) failed.delete(email)
      if (!failed.size) {
        this.failedByClient.delete(ip)
        this.alertedAt.delete(ip)
      }
    }
  }
}

/** Per-client request limits (shared/sign-in-throttle.ts RATE_LIMITS) with rate-limiter-flexible's memory store. */
export class RateLimits {
  private readonly limiters: Record<RateLimitName, RateLimiterMemory>

  constructor() {
    this.limiters = {
      signIn: new RateLimiterMemory({ keyPrefix: 'sign-in', points: RATE_LIMITS.signIn.points, duration: RATE_LIMITS.signIn.durationSeconds }),
      invite: new RateLimiterMemory({ keyPrefix: 'invite', points: RATE_LIMITS.invite.points, duration: RATE_LIMITS.invite.durationSeconds }),
      import: new RateLimiterMemory({ keyPrefix: 'import', points: RATE_LIMITS.import.points, duration: RATE_LIMITS.import.durationSeconds }),
      passwordReset: new RateLimiterMemory({ keyPrefix: 'reset', points: RATE_LIMITS.passwordReset.points, duration: RATE_LIMITS.passwordReset.durationSeconds }),
      passwordResetAddress: new RateLimiterMemory({
        keyPrefix: 'reset-address',
        points: RATE_LIMITS.passwordResetAddress.points,
        duration: RATE_LIMITS.passwordResetAddress.durationSeconds,
      }),
    }
  }

  /** Takes one request from the client's allowance: 0 when allowed, else the whole seconds until it may ask again. */
  async take(name: RateLimitName, key: string): Promise<number> {
    try {
      await this.limiters[name].consume(key)
      return 0
    } catch (result) {
      if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000))
      throw result
    }
  }

  /** Gives a request back (a successful sign-in does not count against the people signing in from a school). */
  async giveBack(name: RateLimitName, key: string): Promise<void> {
    await this.limiters[name].reward(key)
  }
}
