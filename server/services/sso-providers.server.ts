import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { SsoProviderInput } from '#shared/schemas/sso.ts'
import { issuerProblem } from '#shared/sso.ts'
import { loadConfig } from '../config.server.ts'
import { recordChange } from './audit.server.ts'

/** A school's provider as the set-up page shows it: never the secret, only whether one is saved. */
export interface SsoProviderView {
  id: string
  label: string
  issuer: string
  clientId: string
  hasSecret: boolean
  enabled: boolean
  updatedAt: string
}

/** Plain http issuers (a test provider on this machine) only outside production. */
export function insecureIssuersAllowed(): boolean {
  return loadConfig().NODE_ENV !== 'production'
}

/** Refuses an issuer the app may not use here, with the message for the form's issuer field. */
export function checkIssuer(issuer: string): void {
  const problem = issuerProblem(issuer, { production: !insecureIssuersAllowed() })
  if (problem) throw new DomainError('BAD_REQUEST', t(`sso.admin.issuer${problem === 'notUrl' ? 'NotUrl' : problem === 'notHttps' ? 'NotHttps' : 'HasQuery'}`), 'issuer')
}

export async function schoolSsoProvider(db: DB, schoolId: string): Promise<SsoProviderView | null> {
  const row = await db.selectFrom('sso_providers').selectAll().where('school_id', '=', schoolId).executeTakeFirst()
  return row ? viewOf(row) : null
}

function viewOf(row: { id: string; label: string; issuer: string; client_id: string; client_secret: string; enabled: number; updated_at: string }): SsoProviderView {
  return { id: row.id, label: row.label, issuer: row.issuer, clientId: row.client_id, hasSecret: row.client_secret.length > 0, enabled: row.enabled === 1, updatedAt: row.updated_at }
}

/** What the audit row keeps of a provider: everything but the secret (only whether it changed). */
function audited(view: SsoProviderView) {
  return { label: view.label, issuer: view.issuer, clientId: view.clientId, enabled: view.enabled }
}

/**
 * Saves the school's provider and turns it on. A blank secret keeps the saved one (the page never shows it); the
 * first save needs one. Audited, without the secret.
 */
export async function saveSchoolSsoProvider(db: DB, args: { schoolId: string; input: SsoProviderInput; actorId: string; now: Date }): Promise<SsoProviderView> {
  const { input, schoolId } = args
  checkIssuer(input.issuer)
  const issuer = input.issuer.replace(/\/+$/, '')
  const secret = input.clientSecret?.trim() ?? ''
  const at = args.now.toISOString()
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('sso_providers').selectAll().where('school_id', '=', schoolId).executeTakeFirst()
    if (!before && !secret) throw new DomainError('BAD_REQUEST', t('sso.admin.clientSecretRequired'), 'clientSecret')
    const values = { label: input.label, issuer, client_id: input.clientId, enabled: 1, updated_at: at, updated_by: args.actorId }
    const id = before?.id ?? randomUUID()
    if (before) {
      await trx
        .updateTable('sso_providers')
        .set({ ...values, ...(secret ? { client_secret: secret } : {}) })
        .where('id', '=', id)
        .execute()
    } else {
      await trx
        .insertInto('sso_providers')
        .values({ id, school_id: schoolId, ...values, client_secret: secret, created_at: at, created_by: args.actorId })
        .execute()
    }
    const after = await trx.selectFrom('sso_providers').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    await recordChange(trx, args, {
      entity: 'sso_provider',
      entityId: id,
      action: 'save',
      before: before ? audited(viewOf(before)) : null,
      after: { ...audited(viewOf(after)), schoolId, secretChanged: Boolean(secret) },
    })
    return viewOf(after)
  })
}

/** Turns the school's provider off: the sign-in page stops offering it and a sign-in already under way is refused. */
export async function disableSchoolSsoProvider(db: DB, args: { schoolId: string; actorId: string; now: Date }): Promise<SsoProviderView> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('sso_providers').selectAll().where('school_id', '=', args.schoolId).executeTakeFirst()
    if (!before) throw new DomainError('BAD_REQUEST', t('sso.admin.notSetUp'))
    const at = args.now.toISOString()
    await trx.updateTable('sso_providers').set({ enabled: 0, updated_at: at, updated_by: args.actorId }).where('id', '=', before.id).execute()
    const view = { ...viewOf(before), enabled: false, updatedAt: at }
    await recordChange(trx, args, { entity: 'sso_provider', entityId: before.id, action: 'disable', before: audited(viewOf(before)), after: { ...audited(view), schoolId: args.schoolId } })
    return view
  })
}

/** Every provider the sign-in page offers: the button's words and where it starts, nothing else. */
export async function enabledSsoProviders(db: DB): Promise<{ id: string; label: string }[]> {
  return db.selectFrom('sso_providers').select(['id', 'label']).where('enabled', '=', 1).orderBy('label').execute()
}
