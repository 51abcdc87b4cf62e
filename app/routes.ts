import { index, prefix, route, type RouteConfig } from '@remix-run/route-config'

/**
 * Every address of the app in one place. Route modules live in feature folders under routes/, beside the
 * components and helpers only that feature uses; app/components/ keeps the building blocks every page shares.
 */
export default [
  index('routes/home/home.tsx'),
  route('sign-in', 'routes/auth/sign-in.tsx'),
  route('sign-in/code', 'routes/auth/sign-in-code.tsx'),
  route('sign-out', 'routes/auth/sign-out.tsx'),
  route('invite/:token', 'routes/auth/invite.tsx'),
  route('forgot-password', 'routes/account/forgot-password.tsx'),
  route('reset-password/:token', 'routes/account/reset-password.tsx'),
  route('account', 'routes/account/account.tsx'),
  route('account/notices', 'routes/notice-settings/notice-settings.tsx'),
  route('account/two-step', 'routes/account/two-step.tsx'),
  route('language', 'routes/account/language.ts'),
  route('notices/:token', 'routes/notice-settings/notice-link.tsx'),
  route('account/email/:token', 'routes/account/email-confirm.tsx'),
  route('sso/:providerId/start', 'routes/sso/sso-start.tsx'),
  route('sso/callback', 'routes/sso/sso-callback.tsx'),

  route('today', 'routes/today/today.tsx'),
  route('sessions', 'routes/sessions/week.tsx'),
  route('sessions/week-bulk', 'routes/sessions/week-bulk.tsx'),
  route('caseload', 'routes/accountability/caseload.tsx'),

  ...prefix('school/:schoolId', [
    index('routes/school/school.tsx'),
    route('accountability', 'routes/accountability/school-accountability.tsx'),
    route('import', 'routes/school/plan-import.tsx'),
    route('outbox', 'routes/school/outbox.tsx'),
    route('sign-in-limits', 'routes/school/session-limits.tsx'),
    route('sign-in-methods', 'routes/school/sign-in-methods.tsx'),
    route('people', 'routes/school/people.tsx'),
    route('reporting-periods', 'routes/school/reporting-periods.tsx'),
    route('records-requests', 'routes/records/records-requests.tsx'),
  ]),

  // Files and JSON for other programs; the same permission gate as the pages.
  ...prefix('api/students/:studentId', [
    route('accountability', 'routes/accountability/accountability-json.ts'),
    route('concerns.csv', 'routes/concerns/concern-log-csv.ts'),
    route('sessions.csv', 'routes/sessions/session-log-csv.ts'),
  ]),

  // One student's pages share the layout that loads the student (and answers 404 for anyone not on the team).
  route('students/:studentId', 'routes/student/student-layout.tsx', { id: 'student' }, [
    index('routes/student/student.tsx'),
    // The day's supports and progress for this student alone: the same page as /today, under its own id.
    route('today', 'routes/today/today.tsx', { id: 'student-today' }),
    route('history', 'routes/student/history.tsx'),
    route('access', 'routes/student/access.tsx'),
    // An advocate at the table (docs/advocates.md): the parent gives read-only access and sees what was opened.
    route('advocates', 'routes/advocates/advocates.tsx'),
    route('notifications', 'routes/student/notifications.tsx'),
    route('plan-changes', 'routes/plan-changes/plan-changes.tsx'),
    route('profiles/edit', 'routes/student/profiles-edit.tsx'),
    // The IEP's own calendar (docs/iep-calendar.md): its dates, and starting the next annual plan.
    route('iep-dates', 'routes/iep/iep-dates.tsx'),
    route('next-plan', 'routes/iep/next-plan.tsx'),

    route('goal-card', 'routes/goals/goal-card.tsx'),
    route('goals/new', 'routes/goals/goal-new.tsx'),
    route('goals/:goalId', 'routes/goals/goal.tsx'),
    route('goals/:goalId/edit', 'routes/goals/goal-edit.tsx'),
    route('goals/:goalId/plain/:language', 'routes/goals/goal-translate.tsx'),

    route('accommodations/new', 'routes/accommodations/accommodation-new.tsx'),
    route('accommodations/:accommodationId/edit', 'routes/accommodations/accommodation-edit.tsx'),
    route('accommodations/:accommodationId/words/:language', 'routes/accommodations/accommodation-translate.tsx'),

    route('services/new', 'routes/services/service-new.tsx'),
    route('services/:serviceId/amend', 'routes/services/service-amend.tsx'),
    route('sessions', 'routes/sessions/session-log.tsx'),
    route('checks', 'routes/sessions/check-log.tsx'),

    route('accountability', 'routes/accountability/student-accountability.tsx'),
    route('brief', 'routes/brief/brief.tsx'),
    route('brief.pdf', 'routes/brief/brief-pdf.ts'),

    route('reports', 'routes/reports/reports.tsx'),
    route('reports/:periodId', 'routes/reports/report.tsx'),
    route('reports/:periodId/v/:version', 'routes/reports/report-version.tsx'),
    route('reports/:periodId/v/:version/pdf', 'routes/reports/report-pdf.ts'),

    route('concerns', 'routes/concerns/concerns.tsx'),
    route('concerns/new', 'routes/concerns/concern-new.tsx'),
    route('concerns/:concernId', 'routes/concerns/concern.tsx'),
    route('concerns/:concernId/letter', 'routes/concerns/concern-letter.tsx'),

    // What happened next at home (docs/effects.md): recorded against a day and, where known, a goal.
    route('effects', 'routes/effects/effects.tsx'),

    route('notes', 'routes/notes/student-notes.tsx'),
    route('notes/:notebookId', 'routes/notes/notebook.tsx'),
    route('notes/:notebookId/history', 'routes/notes/notebook-history.tsx'),

    // Hiding an attached file (docs/attachments.md); uploads and downloads are served beside the pages (server/http).
    route('attachments/:attachmentId/remove', 'routes/attachments/attachment-remove.ts'),
    // The whole record in one ZIP (docs/records.md).
    route('records', 'routes/records/records.tsx'),
    route('records/:exportId/download', 'routes/records/records-download.ts'),
  ]),
] satisfies RouteConfig
