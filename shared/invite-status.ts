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

export const INVITE_STATUS_MESSAGES: Record<Exclude<InviteStatus, 'valid'>, string> = {
  used: 'This invite link has already been used. Ask the case manager for a new one if you still need access.',
  expired: 'This invite link has expired (links last 7 days). Ask the case manager to send a new one.',
  revoked: 'This invite link was cancelled. Ask the case manager for a new one.',
}
