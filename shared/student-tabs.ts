import { can } from './permissions.ts'
import { isTeamRole, type StudentRole } from './roles.ts'

/** The sections of one student's record, each its own address under /students/:id, in the order shown. */
export const STUDENT_TABS = ['plan', 'today', 'sessions', 'accountability', 'reports', 'notes', 'concerns', 'history'] as const
export type StudentTab = (typeof STUDENT_TABS)[number]

/** Each tab's path under the student's address; the plan is the student's own address. */
export const STUDENT_TAB_PATHS: Record<StudentTab, string> = {
  plan: '',
  today: '/today',
  sessions: '/sessions',
  accountability: '/accountability',
  reports: '/reports',
  notes: '/notes',
  concerns: '/concerns',
  history: '/history',
}

// Pages reached from a tab (a goal, a concern, the meeting brief) keep that tab marked, so a person knows where they are.
const OWNER_OF_PAGE: [prefix: string, tab: StudentTab][] = [
  ['/today', 'today'],
  ['/sessions', 'sessions'],
  ['/accountability', 'accountability'],
  ['/brief', 'accountability'],
  ['/reports', 'reports'],
  ['/notes', 'notes'],
  ['/concerns', 'concerns'],
  ['/history', 'history'],
  ['/access', 'history'],
  ['/notifications', 'history'],
  ['/records', 'history'],
]

/** Today (the adults' day with the student) and the notebooks are the team's; a school admin is not on the team. */
export function studentTabsFor(role: StudentRole): StudentTab[] {
  return STUDENT_TABS.filter((tab) => (tab === 'notes' ? can(role, 'notes.view') : tab === 'today' ? isTeamRole(role) : true))
}

/** The tab an address under /students/:id belongs to: `rest` is what follows the student's id ("", "/goals/g1"…). */
export function studentTabOf(rest: string): StudentTab {
  return OWNER_OF_PAGE.find(([prefix]) => rest === prefix || rest.startsWith(`${prefix}/`) || rest.startsWith(`${prefix}?`))?.[1] ?? 'plan'
}
