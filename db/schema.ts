import type { ColumnType, Generated } from 'kysely'
import type { Language } from '#shared/i18n/i18n.ts'
import type { ConcernSide } from '#shared/concerns.ts'
import type { EffectKind } from '#shared/effects.ts'
import type { AgreementKind } from '#shared/agreements.ts'
import type { NoticeCadence } from '#shared/notice-cadence.ts'
import type { NotificationKind } from '#shared/notifications.ts'
import type { TeamRole } from '#shared/roles.ts'

export interface SchoolsTable {
  id: string
  name: string
  created_at: string
  /** The school year's first and last days (YYYY-MM-DD); plan dates must fall inside it. */
  year_start: string | null
  year_end: string | null
  /** JSON array of missed reasons that owe a make-up session; null = the default policy. */
  make_up_reasons: string | null
  /** Staff are signed out after this many minutes without activity (shared classroom devices). */
  staff_idle_minutes: Generated<number>
  /** Families stay signed in this many days after their last visit. */
  family_session_days: Generated<number>
  /** 1: school admins and case managers must sign in with a second step (docs/two-step.md). */
  require_two_step: ColumnType<number, number | undefined, number>
  /** JSON [{ key, label }]: the progress codes a report chooses from; null = the default four (shared/progress-report.ts). */
  progress_codes: ColumnType<string | null, string | null | undefined, string | null>
  /** Calendar days the school has to answer a parent's records request (default 45, docs/records.md#records-requests). */
  records_request_days: Generated<number>
}

export interface UsersTable {
  id: string
  email: string
  name: string
  password_hash: string
  created_at: string
  /** Switched off by a school admin (docs/people.md): no sign-in, no session; the account and its records stay. */
  deactivated_at: ColumnType<string | null, string | null | undefined, string | null>
  deactivated_by: ColumnType<string | null, string | null | undefined, string | null>
  /** What the person reads Same Page and its mail in (docs/languages.md). */
  language: ColumnType<Language, Language | undefined, Language>
}

export interface AuthSessionsTable {
  id: string
  user_id: string
  expires_at: number
  /** Epoch milliseconds of the app's clock: when the session began and when it was last used. */
  created_at: Generated<number>
  last_seen_at: Generated<number>
  /** The browser's own description, cut to a bounded length, to name the device in the person's list. */
  user_agent: string | null
  ip: string | null
  method: string | null
}

export interface SchoolRolesTable {
  id: string
  school_id: string
  user_id: string
  /** 'staff': invited to the school by its admin, before (or besides) any student's team. */
  role: 'school_admin' | 'staff'
  created_at: string
  removed_at: string | null
}

export interface StudentsTable {
  id: string
  school_id: string
  name: string
  preferred_name: string | null
  grade: number | null
  external_id: string | null
  created_at: string
}

export interface TeamMembersTable {
  id: string
  student_id: string
  user_id: string
  role: TeamRole
  added_at: string
  added_by: string | null
  removed_at: string | null
  removed_by: string | null
  /** JSON array of goal areas, for providers. */
  areas: string | null
}

export interface InvitesTable {
  id: string
  student_id: string
  email: string
  role: TeamRole
  token_hash: string
  invited_by: string
  created_at: string
  expires_at: string
  used_at: string | null
  used_by: string | null
  revoked_at: string | null
  /** The invitation mail's language and the sign-up page's first choice, picked by whoever invites. */
  language: ColumnType<Language, Language | undefined, Language>
}

/**
 * A parent's grant of read-only access to one student for a limited time (docs/advocates.md): the invitation by
 * mail and, once accepted, the access, which ends at expires_at or when revoked.
 */
export interface AdvocateGrantsTable {
  id: string
  student_id: string
  email: string
  name: string | null
  token_hash: string
  granted_by: string
  created_at: string
  invite_expires_at: string
  expires_at: string
  accepted_at: string | null
  user_id: string | null
  revoked_at: string | null
  revoked_by: string | null
}

/** An invite to a school's staff (no student yet): accepted on the same page as a team invite (docs/people.md). */
export interface StaffInvitesTable {
  id: string
  school_id: string
  email: string
  name: string
  token_hash: string
  invited_by: string
  created_at: string
  expires_at: string
  used_at: string | null
  used_by: string | null
  revoked_at: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor_id: string | null
  student_id: string | null
  entity: string
  entity_id: string
  action: string
  before: string | null
  after: string | null
  /** The hash chain (server/services/audit-chain.server.ts): the previous row's hash and this row's. */
  prev_hash: string
  hash: string
}

/** The record of access (FERPA 34 CFR 99.32): who at school opened which kind of a student's records, when. */
export interface AccessLogTable {
  id: Generated<number>
  at: string
  user_id: string
  /** The role the person held for the student at the time. */
  role: string
  student_id: string
  /** A kind of record (shared/record-access.ts), e.g. 'plan', 'notes', 'export:sessions.csv'. */
  what: string
  /** The procedure or route that read it, e.g. 'goals.list'. */
  via: string
  prev_hash: string
  hash: string
}

export interface ProfileVersionsTable {
  id: string
  student_id: string
  kind: 'communication' | 'regulation'
  version: number
  /** JSON of the profile's fields. */
  content: string
  created_at: string
  created_by: string
}

export interface GoalsTable {
  id: string
  student_id: string
  position: number
  created_at: string
  created_by: string
  /** Ended when the next plan started (docs/iep-calendar.md): out of the current plan, Today and new reports; still readable. */
  ended_at: ColumnType<string | null, string | null | undefined, string | null>
  ended_by: ColumnType<string | null, string | null | undefined, string | null>
  ended_reason: ColumnType<string | null, string | null | undefined, string | null>
  /** The plan the goal was last part of. */
  ended_plan_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface GoalVersionsTable {
  id: string
  goal_id: string
  version: number
  area: string
  official_text: string
  plain_means: string
  plain_looks_like: string
  plain_adults_help: string
  plain_measure: string
  baseline: string
  target: string
  unit: 'percent' | 'minutes' | 'count'
  /** JSON MasteryRule. */
  mastery: string
  created_at: string
  created_by: string
}

export interface AccommodationsTable {
  id: string
  student_id: string
  created_at: string
  created_by: string
}

export interface AccommodationVersionsTable {
  id: string
  accommodation_id: string
  version: number
  title: string
  description: string
  category: string
  /** JSON Applies. */
  applies: string
  start_date: string
  created_at: string
  created_by: string
}

/** A goal's plain summary or an accommodation's words in a family's language, beside the English. */
export interface PlainTranslationsTable {
  id: string
  student_id: string
  subject: 'goal' | 'accommodation'
  subject_id: string
  language: 'es'
  /** JSON: PlainSummary for a goal, { title, description } for an accommodation. */
  parts: string
  /** JSON: the English parts as they were when this text was saved. */
  source: string
  updated_at: string
  updated_by: string
}

export interface ProgressPointsTable {
  id: string
  goal_id: string
  student_id: string
  date: string
  value: number
  /** JSON TrialResult[] when the point was taken trial by trial. */
  trials: string | null
  prompt_level: string
  regulation: 'calm' | 'uneasy' | 'dysregulated'
  note: string
  recorded_by: string
  recorded_at: string
  voided_at: string | null
  voided_by: string | null
  void_reason: string | null
}

export interface SchoolClosuresTable {
  id: string
  school_id: string
  date: string
  label: string
  created_at: string
  created_by: string | null
}

export interface AccommodationChecksTable {
  id: string
  client_id: string
  accommodation_id: string
  student_id: string
  date: string
  status: 'used' | 'not_needed' | 'not_provided' | 'declined'
  reason: string | null
  recorded_by: string
  recorded_at: string
  /** 1 when recorded on a later day than the day it is about. */
  late: number
  /** `clear`: an undo; this row takes back the choice in `status`, leaving the day not recorded. */
  kind: Generated<'record' | 'clear'>
}

export interface ServicesTable {
  id: string
  student_id: string
  key: string
  name: string
  provider_id: string
  setting: 'push-in' | 'pull-out'
  grouping: 'group' | 'individual'
  /** The group the provider gathers the student in ("Tuesday social skills group"); null when not in a group. */
  group_name: ColumnType<string | null, string | null | undefined, string | null>
  start_date: string
  end_date: string
  created_at: string
  created_by: string | null
}

export interface ServiceTermsTable {
  id: string
  service_id: string
  effective_from: string
  minutes_per_session: number
  /** JSON Weekday[] (empty for a month or reporting period) */
  weekdays: string
  note: string | null
  created_at: string
  created_by: string | null
  /** How often the mandate repeats (docs/formats.md#period-mandates); existing rows are weekly. */
  per: ColumnType<'week' | 'month' | 'reporting_period', 'week' | 'month' | 'reporting_period' | undefined, never>
  sessions_per_period: number | null
  minutes_per_period: number | null
}

export interface SessionRecordsTable {
  id: string
  record_id: string
  version: number
  service_id: string
  student_id: string
  /** The scheduled session's date; for a make-up, the day it was held. */
  date: string
  kind: 'delivered' | 'missed' | 'make_up'
  minutes: number | null
  reason: string | null
  note: string | null
  /** For a make-up: the date of the missed session it repays. */
  repays_date: string | null
  voided: number
  /** Why this version replaced the previous one (corrections and voids). */
  change_reason: string | null
  recorded_by: string | null
  recorded_at: string
  /** Shared by the records one group recording wrote; null for a session recorded on its own. */
  group_session_id: ColumnType<string | null, string | null | undefined, string | null>
}

/** A make-up planned for a later day (docs/domain.md#planned-make-ups): one row per version, newest counts. */
export interface MakeUpPlansTable {
  id: string
  plan_id: string
  version: number
  service_id: string
  student_id: string
  /** The missed (or unrecorded) session the make-up will repay. */
  repays_date: string
  planned_date: string
  status: 'planned' | 'cancelled' | 'made_up'
  /** The make-up record that closed the plan. */
  record_id: string | null
  change_reason: string | null
  created_by: string | null
  created_at: string
}

export interface NotificationsTable {
  id: string
  user_id: string
  student_id: string
  /** What the notice is about; checked in code (shared/notifications.ts). */
  kind: NotificationKind
  text: string
  /**
   * The record it is about: a session record's record_id for `session_missed`/`session_unrecorded`, the
   * accommodation check for `support_not_provided`, the service for an alert.
   */
  related_id: string | null
  created_at: string
  seen_at: string | null
}

export interface NotebooksTable {
  id: string
  student_id: string
  title: string
  /** The words of the notebook, refreshed on every stored edit, for search. */
  plain_text: string
  created_at: string
  created_by: string | null
  updated_at: string
  archived_at: string | null
  archived_by: string | null
}

export interface NotebookUpdatesTable {
  id: Generated<number>
  notebook_id: string
  /** A Yjs update (or, after compaction, several merged into one). */
  update: Uint8Array
  created_at: string
  /** Who sent it; null for rows merged from several people by compaction (notebook_authors keeps who wrote what). */
  user_id: ColumnType<string | null, string | null | undefined, string | null>
}

/** Append-only: the person behind each Yjs client id in a notebook (every piece of text keeps its client id). */
export interface NotebookAuthorsTable {
  notebook_id: string
  client_id: number
  user_id: string
  first_seen_at: string
}

export interface NotebookSnapshotsTable {
  id: string
  notebook_id: string
  /** YYYY-MM-DD (server local day). */
  day: string
  /** The whole document as a Yjs update, as it stood after that day's last stored edit. */
  state: Uint8Array
  plain_text: string
  updated_at: string
}

export interface ConcernsTable {
  id: string
  student_id: string
  visibility: 'team' | 'family'
  created_by: string
  created_by_role: ConcernSide
  created_at: string
  /** A family-only concern shared with the team later: when and by whom (visibility then reads 'team'). */
  shared_at: string | null
  shared_by: string | null
}

/** Append-only: an edit is a new version; the highest version is the concern as it stands. */
export interface ConcernVersionsTable {
  id: string
  concern_id: string
  version: number
  date: string
  issue: string
  person_contacted: string
  response: string
  follow_up: string
  status: 'open' | 'waiting' | 'resolved'
  created_by: string
  created_at: string
}

export interface ConcernLinksTable {
  id: string
  concern_id: string
  kind: 'session' | 'check' | 'progress'
  /** A session record's record_id, an accommodation check's id or a progress point's id. */
  record_id: string
  added_by: string
  added_at: string
}

export interface ConcernUpdatesTable {
  id: string
  concern_id: string
  kind: 'contact' | 'response'
  date: string
  person: string
  text: string
  author_id: string
  created_at: string
}

export interface ConcernStepsTable {
  id: string
  concern_id: string
  step: number
  date: string
  /** A state complaint's filing date (step 5). */
  filed_on: string | null
  note: string
  /** `move` up the ladder, or `take_back` of the latest move still standing (its step is the one restored). */
  kind: Generated<'move' | 'take_back'>
  created_by: string
  created_at: string
}

/** A letter of a concern, sent from the app or by hand, with the date an answer is due (docs/letters.md). */
export interface LettersSentTable {
  id: string
  concern_id: string
  sent_by: string
  channel: 'email' | 'paper' | 'hand' | 'school_email' | 'other'
  channel_note: Generated<string>
  sent_on: string
  /** JSON array of { name, email }. */
  recipients: string
  subject: Generated<string>
  body: string
  response_due_on: string
  response_received_on: string | null
  response_note: Generated<string>
  response_recorded_by: string | null
  created_at: string
}

/** What happened next (docs/effects.md): append-only; a correction or removal is a later row that `replaces` one. */
export interface EffectsTable {
  id: string
  student_id: string
  action: 'record' | 'correct' | 'remove'
  replaces: string | null
  goal_id: string | null
  date: string
  kind: EffectKind
  note: string
  recorded_by: string
  recorded_at: string
}

/** The day a concern ended with an agreement (docs/domain.md#agreements). */
export interface ConcernAgreementsTable {
  concern_id: string
  agreed_on: string
  created_by: string
  created_at: string
}

/** One promised item of an agreement; marked done once, with who and when. */
export interface AgreementItemsTable {
  id: string
  concern_id: string
  kind: AgreementKind
  what: string
  who_user_id: string | null
  who_text: string
  due_on: string
  created_by: string
  created_at: string
  done_on: string | null
  done_by: string | null
  done_at: string | null
}

/** A watched concern reopened by a new alert on a linked service. */
export interface ConcernReopensTable {
  id: string
  concern_id: string
  alert_key: string
  service_name: string
  date: string
  created_at: string
}

export interface RecordDisputesTable {
  id: Generated<number>
  student_id: string
  kind: 'session' | 'check'
  /** A session record's record_id or an accommodation check's id. */
  record_id: string
  action: 'dispute' | 'withdraw'
  comment: string
  created_by: string
  created_at: string
}

/** Every message the app sends (db/migrations/2026-12-07T010000-mail-outbox.ts; server/mail/outbox.server.ts). */
export interface MailOutboxTable {
  id: string
  school_id: string | null
  student_id: string | null
  user_id: string | null
  kind: string
  to_email: string
  to_name: string | null
  subject: string
  text_body: string
  html_body: string
  dedupe_key: string | null
  status: 'queued' | 'sending' | 'sent' | 'kept' | 'failed'
  attempts: Generated<number>
  next_attempt_at: string
  last_error: string | null
  created_at: string
  sent_at: string | null
}

/** How a person hears about one student by mail; no row = the role's default (shared/notice-cadence.ts). */
export interface NoticePreferencesTable {
  user_id: string
  student_id: string
  cadence: NoticeCadence
  updated_at: string
}

/** A link to set a new password (db/migrations/2026-12-07T020000-account-tokens.ts): the token's hash only. */
export interface PasswordResetsTable {
  id: string
  user_id: string
  token_hash: string
  created_at: string
  expires_at: string
  used_at: string | null
}

/** The settings link in a notice or digest email: one person, one student, no sign-in; the token's hash only. */
export interface NoticeSettingLinksTable {
  token_hash: string
  user_id: string
  student_id: string
  created_at: string
  expires_at: string
}

/** A link sent to a new address to confirm it before the account's email changes. */
export interface EmailChangesTable {
  id: string
  user_id: string
  new_email: string
  token_hash: string
  created_at: string
  expires_at: string
  used_at: string | null
}

/** The alerts last seen on for a student, as JSON "serviceKey:alert" keys (docs/decisions/019-alert-transitions.md). */
export interface NoticeAlertStateTable {
  student_id: string
  alerts: string
  checked_at: string
}

/** A session whose recording window closed unrecorded, once announced to the case managers. */
export interface NoticeUnrecordedSentTable {
  service_id: string
  date: string
  sent_at: string
}

/** A change to the plan as the family reads it (shared/plan-change.ts), written in the change's own transaction. */
export interface PlanChangesTable {
  id: string
  student_id: string
  kind: 'service' | 'goal' | 'accommodation'
  subject_id: string
  before_text: string
  after_text: string
  summary: string
  /** 1 when the change gives the student less (fewer minutes, a service ended, a support removed). */
  is_reduction: number
  effective_from: string | null
  changed_by: string | null
  created_at: string
}

export interface PlanChangeAcksTable {
  plan_change_id: string
  user_id: string
  acknowledged_at: string
}

/** A school's own sign-in service (OpenID Connect), one per school. */
export interface SsoProvidersTable {
  id: string
  school_id: string
  /** The words on the sign-in button: "Sign in with {label}". */
  label: string
  issuer: string
  client_id: string
  /** Sent to the provider; never sent to a browser. */
  client_secret: string
  /** 1 or 0. */
  enabled: number
  created_at: string
  created_by: string
  updated_at: string
  updated_by: string
}

/** A sign-in on its way through a school's provider, keyed by the SHA-256 of its state. */
export interface SsoPendingLoginsTable {
  state_hash: string
  provider_id: string
  nonce: string
  code_verifier: string
  redirect_to: string
  created_at: string
  expires_at: string
  used_at: string | null
}

/** A person's authenticator key (docs/two-step.md); no `enabled_at` while set-up waits for its first code. */
export interface TwoStepKeysTable {
  user_id: string
  key: Uint8Array
  created_at: string
  enabled_at: string | null
  /** The latest 30-second step a code was accepted for: a code for it or an earlier step is refused. */
  last_step: number | null
}

/** A single-use recovery code: its hash only. */
export interface TwoStepRecoveryCodesTable {
  id: string
  user_id: string
  code_hash: string
  created_at: string
  used_at: string | null
}

/** A sign-in waiting for its second step: the token's hash, a few minutes and a few tries. */
export interface TwoStepChallengesTable {
  token_hash: string
  user_id: string
  created_at: string
  expires_at: string
  attempts: ColumnType<number, number | undefined, number>
  redirect_to: string
}

/** A school's reporting period (docs/progress-reports.md): inside the school year, never overlapping another. */
export interface ReportingPeriodsTable {
  id: string
  school_id: string
  name: string
  start_date: string
  end_date: string
  created_at: string
  created_by: string | null
}

/** One student's progress report for one period: the draft is its parts, the issued versions never change. */
export interface ProgressReportsTable {
  id: string
  student_id: string
  period_id: string
  created_at: string
  created_by: string | null
}

export interface ProgressReportPartsTable {
  report_id: string
  goal_id: string
  code: string | null
  narrative: string
  updated_at: string
  updated_by: string | null
}

export interface ProgressReportVersionsTable {
  id: string
  report_id: string
  version: number
  /** JSON ProgressReportDoc, exactly as issued. */
  content: string
  pdf: Uint8Array
  pdf_sha256: string
  /** Why this version replaced the one before; null for the first. */
  correction_reason: string | null
  issued_at: string
  issued_by: string | null
}

export interface ProgressReportAcksTable {
  version_id: string
  user_id: string
  acknowledged_at: string
  comment: string | null
}

/** One plan year of a student with its own dates (docs/iep-calendar.md); the current one has no `replaced_at`. */
export interface IepPlansTable {
  id: string
  student_id: string
  start_date: string | null
  end_date: string | null
  annual_review_date: string | null
  reevaluation_date: string | null
  created_at: string
  created_by: string | null
  updated_at: string
  updated_by: string | null
  replaced_at: string | null
  replaced_by: string | null
}

/** A file attached to a record (docs/attachments.md); its bytes are in the attachments folder, named by `sha256`. */
export interface AttachmentsTable {
  id: string
  student_id: string
  owner_kind: 'concern' | 'letter' | 'session_record' | 'progress_point' | 'notebook'
  owner_id: string
  sha256: string
  size: number
  media_type: string
  file_name: string
  uploaded_by: string
  uploaded_at: string
  removed_at: string | null
  removed_by: string | null
}

/** One student's whole record as a ZIP (docs/records.md): its build state and, once ready, what it holds. */
export interface RecordExportsTable {
  id: string
  student_id: string
  requested_by: string
  side: 'family' | 'school'
  status: 'queued' | 'building' | 'ready' | 'failed'
  created_at: string
  finished_at: string | null
  size: number | null
  sha256: string | null
  /** JSON array of the paths in the ZIP. */
  contents: string | null
  error: string | null
}

/** A parent's request for records, its due day and how it was fulfilled (docs/records.md#records-requests). */
export interface RecordsRequestsTable {
  id: string
  school_id: string
  student_id: string
  /** Who asked, as the admin wrote it (a parent's name). */
  requested_by: string
  received_on: string
  due_on: string
  note: Generated<string>
  logged_by: string
  logged_at: string
  export_id: string | null
  fulfilled_on: string | null
  fulfilled_by: string | null
}

/** A student's numbers generation, bumped by triggers on every input (db/migrations/2026-12-11T010000-numbers-cache.ts). */
export interface NumbersGenerationsTable {
  student_id: string
  generation: number
}

/** One service's school-view numbers as of one day, valid while its student's generation is unchanged. */
export interface ServiceNumbersKeptTable {
  service_id: string
  as_of: string
  student_id: string
  generation: number
  delivery_rate: number
  balance: number
  alerts: string
}

/** One student's accountability@1 document as of one day, made on `made_on`, valid while the generation is unchanged. */
export interface StudentNumbersKeptTable {
  student_id: string
  as_of: string
  made_on: string
  generation: number
  document: string
}

export interface Database {
  schools: SchoolsTable
  users: UsersTable
  auth_sessions: AuthSessionsTable
  school_roles: SchoolRolesTable
  students: StudentsTable
  team_members: TeamMembersTable
  invites: InvitesTable
  staff_invites: StaffInvitesTable
  audit_log: AuditLogTable
  access_log: AccessLogTable
  profile_versions: ProfileVersionsTable
  goals: GoalsTable
  goal_versions: GoalVersionsTable
  accommodations: AccommodationsTable
  accommodation_versions: AccommodationVersionsTable
  plain_translations: PlainTranslationsTable
  progress_points: ProgressPointsTable
  school_closures: SchoolClosuresTable
  accommodation_checks: AccommodationChecksTable
  services: ServicesTable
  service_terms: ServiceTermsTable
  session_records: SessionRecordsTable
  notifications: NotificationsTable
  notebooks: NotebooksTable
  notebook_updates: NotebookUpdatesTable
  notebook_snapshots: NotebookSnapshotsTable
  notebook_authors: NotebookAuthorsTable
  concerns: ConcernsTable
  concern_versions: ConcernVersionsTable
  concern_links: ConcernLinksTable
  concern_updates: ConcernUpdatesTable
  concern_steps: ConcernStepsTable
  letters_sent: LettersSentTable
  record_disputes: RecordDisputesTable
  make_up_plans: MakeUpPlansTable
  mail_outbox: MailOutboxTable
  notice_preferences: NoticePreferencesTable
  password_resets: PasswordResetsTable
  email_changes: EmailChangesTable
  notice_setting_links: NoticeSettingLinksTable
  notice_alert_state: NoticeAlertStateTable
  notice_unrecorded_sent: NoticeUnrecordedSentTable
  plan_changes: PlanChangesTable
  plan_change_acks: PlanChangeAcksTable
  sso_providers: SsoProvidersTable
  sso_pending_logins: SsoPendingLoginsTable
  two_step_keys: TwoStepKeysTable
  two_step_recovery_codes: TwoStepRecoveryCodesTable
  two_step_challenges: TwoStepChallengesTable
  reporting_periods: ReportingPeriodsTable
  progress_reports: ProgressReportsTable
  progress_report_parts: ProgressReportPartsTable
  progress_report_versions: ProgressReportVersionsTable
  progress_report_acks: ProgressReportAcksTable
  iep_plans: IepPlansTable
  advocate_grants: AdvocateGrantsTable
  effects: EffectsTable
  concern_agreements: ConcernAgreementsTable
  agreement_items: AgreementItemsTable
  concern_reopens: ConcernReopensTable
  attachments: AttachmentsTable
  record_exports: RecordExportsTable
  records_requests: RecordsRequestsTable
  numbers_generations: NumbersGenerationsTable
  service_numbers_kept: ServiceNumbersKeptTable
  student_numbers_kept: StudentNumbersKeptTable
}
