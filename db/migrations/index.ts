import type { Migration } from 'kysely'
import * as foundation from './2026-11-26T000000-foundation.ts'
import * as plan from './2026-11-27T000000-plan.ts'
import * as today from './2026-11-28T000000-today.ts'
import * as services from './2026-11-29T000000-services.ts'
import * as notifications from './2026-11-30T000000-notifications.ts'
import * as notebooks from './2026-12-01T000000-notebooks.ts'
import * as concerns from './2026-12-02T000000-concerns.ts'
import * as notebookAuthors from './2026-12-05T020000-notebook-authors.ts'
import * as dropSignInFailures from './2026-12-05T030000-drop-sign-in-failures.ts'
import * as trail from './2026-12-05T040000-trail.ts'
import * as concernStepTakeBack from './2026-12-06T030000-concern-step-take-back.ts'
import * as checkUndo from './2026-12-06T110000-check-undo.ts'
import * as groupSessions from './2026-12-06T120000-group-sessions.ts'
import * as makeUpPlans from './2026-12-06T130000-make-up-plans.ts'
import * as periodMandates from './2026-12-06T140000-period-mandates.ts'
import * as mailOutbox from './2026-12-07T010000-mail-outbox.ts'
import * as noticePreferences from './2026-12-07T015000-notice-preferences.ts'
import * as accountTokens from './2026-12-07T020000-account-tokens.ts'
import * as noticeEvents from './2026-12-07T030000-notice-events.ts'
import * as planChanges from './2026-12-07T050000-plan-changes.ts'
import * as lettersSent from './2026-12-07T060000-letters-sent.ts'
import * as noticeSettingLinks from './2026-12-07T070000-notice-setting-links.ts'
import * as people from './2026-12-08T010000-people.ts'
import * as twoStep from './2026-12-08T020000-two-step.ts'
import * as sso from './2026-12-08T030000-sso.ts'
import * as sessionLimits from './2026-12-08T040000-session-limits.ts'
import * as progressReports from './2026-12-09T010000-progress-reports.ts'
import * as iepPlans from './2026-12-09T020000-iep-plans.ts'
import * as attachments from './2026-12-10T010000-attachments.ts'
import * as effectsAgreements from './2026-12-10T020000-effects-agreements.ts'
import * as advocateAccess from './2026-12-10T030000-advocate-access.ts'
import * as recordsRequests from './2026-12-10T040000-records-requests.ts'
import * as numbersCache from './2026-12-11T010000-numbers-cache.ts'
import * as languages from './2026-12-12T010000-languages.ts'
import * as plainTranslations from './2026-12-13T010000-plain-translations.ts'

// A static list rather than FileMigrationProvider: it works the same under tsx, Vitest and a bundler.
export const migrations: Record<string, Migration> = {
  '2026-11-26T000000-foundation': foundation,
  '2026-11-27T000000-plan': plan,
  '2026-11-28T000000-today': today,
  '2026-11-29T000000-services': services,
  '2026-11-30T000000-notifications': notifications,
  '2026-12-01T000000-notebooks': notebooks,
  '2026-12-02T000000-concerns': concerns,
  '2026-12-05T020000-notebook-authors': notebookAuthors,
  '2026-12-05T030000-drop-sign-in-failures': dropSignInFailures,
  '2026-12-05T040000-trail': trail,
  '2026-12-06T030000-concern-step-take-back': concernStepTakeBack,
  '2026-12-06T110000-check-undo': checkUndo,
  '2026-12-06T120000-group-sessions': groupSessions,
  '2026-12-06T130000-make-up-plans': makeUpPlans,
  '2026-12-06T140000-period-mandates': periodMandates,
  '2026-12-07T010000-mail-outbox': mailOutbox,
  '2026-12-07T015000-notice-preferences': noticePreferences,
  '2026-12-07T020000-account-tokens': accountTokens,
  '2026-12-07T030000-notice-events': noticeEvents,
  '2026-12-07T050000-plan-changes': planChanges,
  '2026-12-07T060000-letters-sent': lettersSent,
  '2026-12-07T070000-notice-setting-links': noticeSettingLinks,
  '2026-12-08T010000-people': people,
  '2026-12-08T020000-two-step': twoStep,
  '2026-12-08T030000-sso': sso,
  '2026-12-08T040000-session-limits': sessionLimits,
  '2026-12-09T010000-progress-reports': progressReports,
  '2026-12-09T020000-iep-plans': iepPlans,
  '2026-12-10T010000-attachments': attachments,
  '2026-12-10T020000-effects-agreements': effectsAgreements,
  '2026-12-10T030000-advocate-access': advocateAccess,
  '2026-12-10T040000-records-requests': recordsRequests,
  '2026-12-11T010000-numbers-cache': numbersCache,
  '2026-12-12T010000-languages': languages,
  '2026-12-13T010000-plain-translations': plainTranslations,
}
