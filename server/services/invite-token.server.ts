import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe; only its SHA-256 is stored so a database leak cannot be turned into access. */
export function newInviteToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
