import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

export type InviteStatus = 'valid' | 'used' | 'expired' | 'revoked'

export interface InviteState {
  expiresAt: string
  usedAt: string | null
  revokedAt: string | null
}

export function inviteStatus(invite: InviteState, now: Date): InviteStatus {
  if (invite.usedAt) return 'used'
  if (invite.revokedAt) return 'revoked'
  if (new Date(invite.expiresAt).getTime() <= now.getTime()) return 'expired'
  return 'valid'
}

export function inviteExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITE_LIFETIME_MS)
}

export const INVITE_STATUS_MESSAGES = catalogueLabels<Exclude<InviteStatus, 'valid'>>(['used', 'expired', 'revoked'], (status) =>
  t(`domain.invite.${status}`),
)
