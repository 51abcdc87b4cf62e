import { createHash, timingSafeEqual } from 'node:crypto'
import * as oidc from 'openid-client'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import { tryAgainMessage } from '#shared/sign-in-throttle.ts'
import { emailIsVerified, issuerProblem, normalEmail, SSO_DISCOVERY_CACHE_MS, SSO_PENDING_MINUTES, SSO_SCOPE, SSO_STAFF_ROLES } from '#shared/sso.ts'
import { recordAudit } from '../services/audit.server.ts'
import { checkIssuer, insecureIssuersAllowed } from '../services/sso-providers.server.ts'
import type { RateLimits, SignInClient, SignInGuard } from './sign-in-guard.server.ts'

/** The cookie that binds a sign-in under way to the browser that started it: the state, for ten minutes, on /sso only. */
export const SSO_STATE_COOKIE = 'same_page_sso_state'

const DISCOVERY_TIMEOUT_SECONDS = 10

export function ssoStateCookie(state: string, secure: boolean): string {
  return `${SSO_STATE_COOKIE}=${state}; Path=/sso; Max-Age=${SSO_PENDING_MINUTES * 60}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

export function clearSsoStateCookie(secure: boolean): string {
  return `${SSO_STATE_COOKIE}=; Path=/sso; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

export function readSsoStateCookie(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === SSO_STATE_COOKIE) return rest.join('=') || null
  }
  return null
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

interface ProviderRow {
  id: string
  school_id: string
  issuer: string
  client_id: string
  client_secret: string
  enabled: number
  updated_at: string
}

/**
 * Reads a provider's published settings (OpenID Connect discovery) with openid-client. Plain http is allowed only
 * where `issuerProblem` allows it (a test provider on this machine, outside production).
 */
export async function discover(issuer: string, clientId: string, clientSecret?: string): Promise<oidc.Configuration> {
  const insecure = insecureIssuersAllowed() && issuerProblem(issuer, { production: false }) === null && issuer.startsWith('http:')
  const options: oidc.DiscoveryRequestOptions = { timeout: DISCOVERY_TIMEOUT_SECONDS, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) }
  const found = await oidc.discovery(new URL(issuer), clientId, clientSecret, clientSecret ? oidc.ClientSecretPost(clientSecret) : undefined, options)
  const methods = found.serverMetadata().token_endpoint_auth_methods_supported
  // client_secret_post unless the provider says it takes only Basic (Google and Entra take both).
  if (!clientSecret || !methods || methods.includes('client_secret_post') || !methods.includes('client_secret_basic')) return found
  const basic = new oidc.Configuration(found.serverMetadata(), clientId, clientSecret, oidc.ClientSecretBasic(clientSecret))
  basic.timeout = DISCOVERY_TIMEOUT_SECONDS
  if (insecure) oidc.allowInsecureRequests(basic)
  return basic
}

/**
 * Each provider's discovered settings, kept a few minutes so a sign-in does not ask the provider for them every
 * time; a changed configuration (its updated_at) is read afresh at once.
 */
export class SsoConfigurations {
  private readonly cache = new Map<string, { stamp: string; at: number; config: oidc.Configuration }>()

  async for(provider: ProviderRow, now: number): Promise<oidc.Configuration> {
    const stamp = `${provider.updated_at}|${provider.issuer}|${provider.client_id}`
    const cached = this.cache.get(provider.id)
    if (cached && cached.stamp === stamp && now - cached.at < SSO_DISCOVERY_CACHE_MS) return cached.config
    const config = await discover(provider.issuer, provider.client_id, provider.client_secret)
    this.cache.set(provider.id, { stamp, at: now, config })
    return config
  }
}

/** The one cache of the process (server/app.server.ts passes none: there is one app per process). */
export const ssoConfigurations = new SsoConfigurations()

/** "Test the connection": discovery against the issuer as typed, its answer in words for the admin. */
export async function testSsoConnection(issuer: string, clientId: string | undefined): Promise<{ issuer: string; authorizationEndpoint: string }> {
  checkIssuer(issuer)
  const wanted = issuer.replace(/\/+$/, '')
  try {
    const config = await discover(wanted, clientId ?? 'same-page')
    const meta = config.serverMetadata()
    if (!meta.authorization_endpoint) throw new Error('no authorization_endpoint')
    return { issuer: meta.issuer, authorizationEndpoint: meta.authorization_endpoint }
  } catch (error) {
    const reason = error instanceof Error && error.message ? `${t('sso.admin.testUnreachable')} (${error.message.slice(0, 200)})` : t('sso.admin.testUnreachable')
    throw new DomainError('BAD_REQUEST', t('sso.admin.testFailed', { issuer: wanted, reason }), 'issuer')
  }
}

export interface SsoDeps {
  db: DB
  now: Date
  /** The address the provider sends people back to (APP_URL + /sso/callback), as registered with the provider. */
  redirectUri: string
  guard: SignInGuard
  limits: RateLimits
  client: SignInClient
  configurations?: SsoConfigurations
}

export type SsoRefusal = { ok: false; message: string; retryAfter?: number }
export type SsoStart = { ok: true; location: string; state: string } | SsoRefusal
export type SsoFinish = { ok: true; userId: string; email: string; redirectTo: string } | SsoRefusal

/**
 * The first step: the provider's sign-in address for this browser, with PKCE (S256), a state and a nonce. The
 * verifier and nonce stay on the server, keyed by the state's hash; the state also goes into this browser's cookie,
 * so a callback carrying a state started elsewhere is refused.
 */
export async function startSsoSignIn(deps: SsoDeps, providerId: string, redirectTo: string): Promise<SsoStart> {
  const { db, now, client, guard } = deps
  const wait = Math.max(await deps.limits.take('signIn', client.ip), guard.clientWait(client, now.getTime()))
  if (wait) return { ok: false, message: tryAgainMessage(wait), retryAfter: wait }
  const provider = await db.selectFrom('sso_providers').selectAll().where('id', '=', providerId).executeTakeFirst()
  if (!provider || provider.enabled !== 1) return { ok: false, message: t('sso.providerOff') }
  let config: oidc.Configuration
  try {
    config = await (deps.configurations ?? ssoConfigurations).for(provider, now.getTime())
  } catch (error) {
    logSsoProblem('sso.discovery_failed', provider.id, error, now)
    return { ok: false, message: t('sso.providerUnreachable') }
  }
  const state = oidc.randomState()
  const nonce = oidc.randomNonce()
  const verifier = oidc.randomPKCECodeVerifier()
  await db
    .insertInto('sso_pending_logins')
    .values({
      state_hash: sha256(state),
      provider_id: provider.id,
      nonce,
      code_verifier: verifier,
      redirect_to: redirectTo,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SSO_PENDING_MINUTES * 60_000).toISOString(),
    })
    .execute()
  // Sign-ins that were never finished go with the next one started, so the table holds only the last minutes' worth.
  await db.deleteFrom('sso_pending_logins').where('expires_at', '<', now.toISOString()).execute()
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: deps.redirectUri,
    scope: SSO_SCOPE,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  })
  return { ok: true, location: url.href, state }
}

/**
 * The provider sent the person back. Refused, changing nothing and counting toward the sign-in lock: a state that
 * is not this browser's or is used or expired, a provider that is off, a code the provider does not confirm, an
 * email it has not verified, and an email that is not a staff account of the provider's school (a parent's never is:
 * families keep their passwords, and a district's service must not be a way into a family's account).
 */
export async function finishSsoSignIn(deps: SsoDeps, args: { url: URL; cookieState: string | null }): Promise<SsoFinish> {
  const { db, now, client, guard } = deps
  const at = now.getTime()
  const clientWait = guard.clientWait(client, at)
  if (clientWait) return { ok: false, message: tryAgainMessage(clientWait), retryAfter: clientWait }
  const refuse = async (reason: string, providerId: string | null, message: string): Promise<SsoRefusal> => {
    guard.clientFailed(client, at)
    await refusalAudit(db, { providerId, reason, email: null, client, now })
    return { ok: false, message }
  }

  const state = args.url.searchParams.get('state')
  if (!state || !args.cookieState || state.length > 200 || !sameText(state, args.cookieState)) return refuse('foreign_state', null, t('sso.foreignState'))
  const pending = await db.selectFrom('sso_pending_logins').selectAll().where('state_hash', '=', sha256(state)).executeTakeFirst()
  if (!pending || pending.used_at || pending.expires_at <= now.toISOString()) return refuse('foreign_state', pending?.provider_id ?? null, t('sso.foreignState'))
  // Used once, whatever follows: a replayed callback finds it used.
  const claimed = await db.updateTable('sso_pending_logins').set({ used_at: now.toISOString() }).where('state_hash', '=', pending.state_hash).where('used_at', 'is', null).executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) return refuse('foreign_state', pending.provider_id, t('sso.foreignState'))

  const provider = await db.selectFrom('sso_providers').selectAll().where('id', '=', pending.provider_id).executeTakeFirst()
  if (!provider || provider.enabled !== 1) return refuse('provider_off', pending.provider_id, t('sso.providerOff'))

  let claims: Record<string, unknown>
  try {
    const config = await (deps.configurations ?? ssoConfigurations).for(provider, at)
    // The address as registered, with the provider's answer: behind a proxy the request's own address may differ.
    const current = new URL(deps.redirectUri)
    current.search = args.url.search
    const tokens = await oidc.authorizationCodeGrant(config, current, { expectedState: state, expectedNonce: pending.nonce, pkceCodeVerifier: pending.code_verifier, idTokenExpected: true })
    const idToken = tokens.claims()
    if (!idToken) throw new Error('no ID token')
    claims = { ...idToken }
    // Google puts the email in the ID token; others (and oidc-provider) only at the userinfo endpoint.
    if (claims.email === undefined) claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)), ...claims }
  } catch (error) {
    logSsoProblem('sso.code_refused', provider.id, error, now)
    return refuse('not_confirmed', provider.id, t('sso.notConfirmed'))
  }

  const email = normalEmail(claims.email)
  if (!email) return refuse('no_email', provider.id, t('sso.noEmail'))
  const refuseAccount = async (reason: string, message: string): Promise<SsoRefusal> => {
    const gate = guard.begin(email, client, at)
    if ('wait' in gate) return { ok: false, message: tryAgainMessage(gate.wait), retryAfter: gate.wait }
    guard.failed(gate.attempt, at)
    await refusalAudit(db, { providerId: provider.id, reason, email, client, now })
    return { ok: false, message }
  }
  if (!emailIsVerified(claims)) return refuseAccount('unverified', t('sso.unverified'))
  const user = await staffAccount(db, email, provider.school_id)
  if (!user) return refuseAccount('no_account', t('sso.noAccount'))
  // Switched off on the People page: the district's sign-in service may still vouch for the person; the school does not.
  if (user.deactivated_at) return refuseAccount('deactivated', t('people.signIn.switchedOff'))
  const gate = guard.begin(email, client, at)
  if ('wait' in gate) return { ok: false, message: tryAgainMessage(gate.wait), retryAfter: gate.wait }
  guard.succeeded(gate.attempt)
  return { ok: true, userId: user.id, email: user.email, redirectTo: pending.redirect_to }
}

/**
 * The account the email names, if it is staff of the school: its admin, or a case manager, provider or para on the
 * team of one of its students. Never an account that is a parent on any team.
 */
async function staffAccount(db: DB, email: string, schoolId: string) {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .executeTakeFirst()
  if (!user) return null
  const parent = await db.selectFrom('team_members').select('id').where('user_id', '=', user.id).where('role', '=', 'parent').where('removed_at', 'is', null).executeTakeFirst()
  if (parent) return null
  // The school's admin, or staff it invited who may not be on a team yet.
  const schoolRole = await db.selectFrom('school_roles').select('id').where('user_id', '=', user.id).where('school_id', '=', schoolId).where('removed_at', 'is', null).executeTakeFirst()
  if (schoolRole) return user
  const staff = await db
    .selectFrom('team_members')
    .innerJoin('students', 'students.id', 'team_members.student_id')
    .select('team_members.id')
    .where('team_members.user_id', '=', user.id)
    .where('students.school_id', '=', schoolId)
    .where('team_members.role', 'in', SSO_STAFF_ROLES)
    .where('team_members.removed_at', 'is', null)
    .executeTakeFirst()
  return staff ? user : null
}

async function refusalAudit(db: DB, args: { providerId: string | null; reason: string; email: string | null; client: SignInClient; now: Date }): Promise<void> {
  await recordAudit(db, {
    actorId: null,
    entity: 'sso_provider',
    entityId: args.providerId ?? 'unknown',
    action: 'sign_in_refused',
    after: { reason: args.reason, email: args.email, client: args.client.ip },
    at: args.now,
  })
}

/** For operators: why a provider did not answer or did not confirm a code (the person reads only the plain refusal). */
function logSsoProblem(event: string, providerId: string, error: unknown, now: Date): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  console.warn(JSON.stringify({ level: 'warn', event, provider: providerId, error: message.slice(0, 500), at: now.toISOString() }))
}
