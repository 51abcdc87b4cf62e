import { can } from './permissions.ts'
import { isTeamRole, type StudentRole } from './roles.ts'

/** The adults with the student through the school day, for whom Today's supports are the first thing to open. */
const IN_THE_ROOM: readonly StudentRole[] = ['para', 'provider']

/** The pages of the whole app (not of one student) that the header offers, in the header's order. */
export const APP_PAGES = ['today', 'sessions', 'caseload', 'students'] as const
export type AppPage = (typeof APP_PAGES)[number]

export const APP_PAGE_PATHS: Record<AppPage, string> = {
  today: '/today',
  sessions: '/sessions',
  caseload: '/caseload',
  students: '/',
}

/**
 * A page is someone's when one of their roles (one per student) has a use for it: today's supports for anyone on
 * a team, the week's sessions and the caseload for those who record sessions. My students is everyone's.
 * A page that is nobody's use to a person answers 404 rather than showing an empty page.
 */
export function hasAppPage(roles: readonly StudentRole[], page: AppPage): boolean {
  switch (page) {
    case 'today':
      return roles.some(isTeamRole)
    case 'sessions':
    case 'caseload':
      return roles.some((role) => can(role, 'sessions.record'))
    case 'students':
      return true
  }
}

export function appPagesFor(roles: readonly StudentRole[]): AppPage[] {
  return APP_PAGES.filter((page) => hasAppPage(roles, page))
}

/** The header page the address belongs to, so the header can mark it as the current one. */
export function currentAppPage(pathname: string): AppPage | null {
  if (pathname === '/' || pathname.startsWith('/students/')) return 'students'
  return APP_PAGES.find((page) => page !== 'students' && (pathname === APP_PAGE_PATHS[page] || pathname.startsWith(`${APP_PAGE_PATHS[page]}/`))) ?? null
}

/** Whether Today is a person's first page (a big button on My students) rather than one link among others. */
export function todayComesFirst(roles: readonly StudentRole[]): boolean {
  return roles.some((role) => IN_THE_ROOM.includes(role))
}
