import { createCallerFactory, router } from './trpc.server.ts'
import { studentsRouter } from './routers/students.server.ts'
import { teamRouter } from './routers/team.server.ts'
import { accommodationsRouter, goalsRouter, profilesRouter, progressRouter } from './routers/plan.server.ts'
import { checksRouter, todayRouter } from './routers/today.server.ts'
import { schoolsRouter, servicesRouter, sessionsRouter } from './routers/services.server.ts'
import { accountabilityRouter } from './routers/accountability.server.ts'
import { notificationsRouter } from './routers/notifications.server.ts'
import { briefRouter } from './routers/brief.server.ts'
import { importsRouter } from './routers/imports.server.ts'
import { notebooksRouter } from './routers/notebooks.server.ts'
import { concernsRouter, disputesRouter } from './routers/concerns.server.ts'
import { accessRouter } from './routers/access.server.ts'
import { mailRouter } from './routers/mail.server.ts'
import { noticeSettingsRouter } from './routers/notice-settings.server.ts'
import { planChangesRouter } from './routers/plan-changes.server.ts'
import { ssoRouter } from './routers/sso.server.ts'
import { peopleRouter } from './routers/people.server.ts'
import { twoStepRouter } from './routers/two-step.server.ts'
import { reportingRouter, reportsRouter } from './routers/reports.server.ts'
import { iepCalendarRouter } from './routers/iep-calendar.server.ts'
import { advocatesRouter } from './routers/advocates.server.ts'
import { effectsRouter } from './routers/effects.server.ts'
import { attachmentsRouter } from './routers/attachments.server.ts'
import { recordsRequestsRouter, recordsRouter } from './routers/records.server.ts'

export const appRouter = router({
  students: studentsRouter,
  team: teamRouter,
  profiles: profilesRouter,
  goals: goalsRouter,
  accommodations: accommodationsRouter,
  progress: progressRouter,
  today: todayRouter,
  checks: checksRouter,
  services: servicesRouter,
  sessions: sessionsRouter,
  schools: schoolsRouter,
  accountability: accountabilityRouter,
  notifications: notificationsRouter,
  brief: briefRouter,
  imports: importsRouter,
  notebooks: notebooksRouter,
  concerns: concernsRouter,
  disputes: disputesRouter,
  access: accessRouter,
  mail: mailRouter,
  noticeSettings: noticeSettingsRouter,
  planChanges: planChangesRouter,
  sso: ssoRouter,
  people: peopleRouter,
  twoStep: twoStepRouter,
  reporting: reportingRouter,
  reports: reportsRouter,
  iepCalendar: iepCalendarRouter,
  advocates: advocatesRouter,
  effects: effectsRouter,
  attachments: attachmentsRouter,
  records: recordsRouter,
  recordsRequests: recordsRequestsRouter,
})

export type AppRouter = typeof appRouter
export const createCaller = createCallerFactory(appRouter)
export type AppCaller = ReturnType<typeof createCaller>
