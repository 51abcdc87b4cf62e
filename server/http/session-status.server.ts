import type { Request, Response } from 'express'
import { isSessionEnd, WARN_BEFORE_MS, type SessionEnd } from '#shared/session-limits.ts'

/** Where the page asks how long its session has left. Asking is not activity: a forgotten tab must still time out. */
export const SESSION_STATUS_PATH = '/session/status'
/** Where "Stay signed in" posts: a request like any other, so it counts as activity. */
export const SESSION_KEEP_ALIVE_PATH = '/session/keep-alive'

/** Set when a session ends by its limits, so the sign-in page can say why; read once there. */
export const SESSION_ENDED_COOKIE = 'same_page_ended'

export interface SessionDeadline {
  /** Epoch ms of the request's clock when the session ends if nothing more happens. */
  at: number
  reason: SessionEnd
  /** The request's "now" on the same clock, so the page counts down without trusting its own clock. */
  now: number
}

export type SessionStatus = { signedIn: false; ended: SessionEnd | null } | { signedIn: true; remainingMs: number; reason: SessionEnd; warnMs: number }

export function isBackgroundRequest(req: Request): boolean {
  return req.path === SESSION_STATUS_PATH
}

export function sessionEndedCookie(reason: SessionEnd, secure: boolean): string {
  return `${SESSION_ENDED_COOKIE}=${reason}; Path=/; Max-Age=600; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

export function clearSessionEndedCookie(secure: boolean): string {
  return `${SESSION_ENDED_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}

/** Why this browser's last session ended by its limits, if the sign-in page should say so. */
export function readSessionEnded(cookieHeader: string | null | undefined): SessionEnd | null {
  const match = (cookieHeader ?? '').match(new RegExp(`(?:^|;\\s*)${SESSION_ENDED_COOKIE}=([a-z]+)`))
  return match && isSessionEnd(match[1]) ? match[1] : null
}

/** The answer to the status and keep-alive requests. Never cached: it is about this moment. */
export function sendSessionStatus(req: Request, res: Response, deadline: SessionDeadline | null): void {
  res.set('Cache-Control', 'no-store')
  if (!deadline) {
    const body: SessionStatus = { signedIn: false, ended: readSessionEnded(res.getHeader('set-cookie') ? String(res.getHeader('set-cookie')) : req.get('cookie')) }
    res.status(401).json(body)
    return
  }
  const body: SessionStatus = { signedIn: true, remainingMs: Math.max(0, deadline.at - deadline.now), reason: deadline.reason, warnMs: WARN_BEFORE_MS }
  res.json(body)
}
