import { addSections, t } from './i18n/i18n.ts'
import { addDays, daysBetween, type IsoDate, localIsoDate } from './school-date.ts'
import { advocates } from './i18n/en/advocates.ts'

addSections({ advocates })

/**
 * A parent's read-only grant to an advocate or another family member (docs/advocates.md): pure rules, no I/O.
 * Access lasts from the moment it is accepted until the end of the last day the parent chose, at most
 * ADVOCATE_MAX_DAYS days counting today, unless the parent revokes it first.
 */
export const ADVOCATE_MAX_DAYS = 90

/** Grants invited or in force at once for one student: a few people at the table, not a mailing list. */
export const ADVOCATE_MAX_OPEN = 3

/** How long the link in the mail works: a week, and never past the access itself. */
export const ADVOCATE_LINK_MS = 7 * 24 * 60 * 60 * 1000

/** How long the advocate's home page still says that an access ended. */
export const ENDED_SHOWN_DAYS = 30

export type GrantStatus = 'invited' | 'active' | 'revoked' | 'expired' | 'unused'

export interface GrantState {
  expiresAt: string
  inviteExpiresAt: string
  acceptedAt: string | null
  revokedAt: string | null
}

/**
 * Where a grant stands at `now`. Access ends exactly at expiresAt (not a moment later, no job has to run), and at
 * revokedAt if that came first. A link never accepted before it expired is 'unused'.
 */
export function grantStatus(grant: GrantState, now: Date): GrantStatus {
  if (grant.revokedAt) return 'revoked'
  const at = now.getTime()
  if (new Date(grant.expiresAt).getTime() <= at) return grant.acceptedAt ? 'expired' : 'unused'
  if (grant.acceptedAt) return 'active'
  return new Date(grant.inviteExpiresAt).getTime() <= at ? 'unused' : 'invited'
}

/** Invited or in force: what counts against ADVOCATE_MAX_OPEN, and what the parent can still revoke. */
export function isOpen(status: GrantStatus): boolean {
  return status === 'invited' || status === 'active'
}

/** The last day one may choose today: today and ADVOCATE_MAX_DAYS - 1 more days. */
export function latestLastDay(today: IsoDate): IsoDate {
  return addDays(today, ADVOCATE_MAX_DAYS - 1)
}

/** The last day of access lasting `days` days, today included (the parent's "for how many days"). */
export function lastDayForDays(today: IsoDate, days: number): IsoDate {
  return addDays(today, days - 1)
}

/** Why a last day is refused (a sentence for the form), or null when it is allowed. */
export function lastDayProblem(lastDay: IsoDate, now: Date): string | null {
  const today = localIsoDate(now)
  if (daysBetween(today, lastDay) < 0) return t('advocates.refusals.lastDayPast', { today })
  if (lastDay > latestLastDay(today)) return t('advocates.refusals.lastDayTooFar', { max: ADVOCATE_MAX_DAYS, latest: latestLastDay(today) })
  return null
}

/** The exact moment access ends: the start of the day after the last day, where the school is. */
export function accessEndsAt(lastDay: IsoDate): Date {
  return new Date(`${addDays(lastDay, 1)}T00:00:00`)
}

/** The last day a grant's access lasts, for people to read (the day before the moment it ends). */
export function lastDayOf(expiresAt: string): IsoDate {
  return localIsoDate(new Date(new Date(expiresAt).getTime() - 1))
}

/** When the mailed link stops working: a week from now, or when access would end, whichever is first. */
export function linkExpiresAt(now: Date, expiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + ADVOCATE_LINK_MS, expiresAt.getTime()))
}
