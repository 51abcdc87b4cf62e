/**
 * Every kind of row the audit log holds: the entity a change was made to, and what was done. The writer
 * (`recordAudit`) takes only these, and the History page has a sentence for each, so an event added here
 * without a sentence fails the typecheck.
 */
interface AuditActions {
  accommodation: 'create' | 'update' | 'translate'
  accommodation_check: 'create' | 'update'
  // A parent's read-only grant to an advocate (docs/advocates.md); its end at expires_at needs no event.
  advocate_grant: 'create' | 'accept' | 'revoke'
  // A file attached to a record, and hidden again (docs/attachments.md): the bytes are never deleted.
  attachment: 'add' | 'remove'
  auth: 'sign_in' | 'sign_in.failed' | 'sign_in.spray_alert' | 'sign_out' | 'session_expired' | 'device_signed_out' | 'password_reset' | 'password_change' | 'email_change' | 'name_change'
    // Two-step sign-in (docs/two-step.md).
    | 'sign_in.code_failed' | 'two_step.set_up' | 'two_step.turn_off' | 'two_step.new_codes' | 'two_step.recovery_used' | 'two_step.school_required'
  check_dispute: 'dispute' | 'withdraw'
  communication_profile: 'create' | 'update'
  // What happened next (docs/effects.md): an effect at home, corrected or removed by a later entry.
  effect: 'record' | 'correct' | 'remove'
  concern: 'create' | 'update' | 'add_contact' | 'add_response' | 'link' | 'escalate' | 'take_back_step' | 'send_letter' | 'mark_letter_sent' | 'letter_answered'
    // Agreements and sharing (docs/domain.md#agreements): the agreement, its items, an item done, a reopen by a new alert.
    | 'agree' | 'add_item' | 'item_done' | 'reopen' | 'share'
  goal: 'create' | 'update' | 'update_plain' | 'translate_plain' | 'end'
  // The IEP's own calendar (docs/iep-calendar.md): a plan year's dates, and the next plan started from the current one.
  iep_plan: 'set_dates' | 'start_next'
  invite: 'create' | 'revoke'
  make_up_plan: 'plan' | 'move' | 'cancel' | 'close'
  notebook: 'create' | 'rename' | 'archive' | 'restore'
  notification: 'create' | 'seen'
  plan_change: 'acknowledge'
  progress_point: 'create' | 'void'
  // Progress reports (docs/progress-reports.md): the school's periods and codes, a report's parts, versions and reads.
  progress_codes: 'update'
  progress_report: 'write_part' | 'issue' | 'correct' | 'acknowledge'
  // The whole record in one file, and the records requests it answers (docs/records.md).
  record_export: 'make'
  records_request: 'log' | 'fulfil' | 'set_days'
  regulation_profile: 'create' | 'update'
  reporting_period: 'create' | 'update' | 'remove'
  school_closure: 'create' | 'remove'
  school_policy: 'update'
  school_sessions: 'update'
  school_role: 'grant' | 'revoke' | 'join'
  service: 'create' | 'amend'
  session_dispute: 'dispute' | 'withdraw'
  session_record: 'create' | 'correct' | 'void'
  sso_provider: 'save' | 'disable' | 'sign_in_refused'
  student: 'import'
  staff_invite: 'create' | 'revoke'
  team_member: 'add' | 'join' | 'remove' | 'set_areas' | 'move_caseload'
  user: 'create' | 'deactivate' | 'reactivate'
}

export type AuditEntity = keyof AuditActions

/** One audit event: an entity with one of its own actions. */
export type AuditEvent = { [E in AuditEntity]: { entity: E; action: AuditActions[E] } }[AuditEntity]

/** `entity.action`, as the History page matches an event. */
export type AuditEventKey = { [E in AuditEntity]: `${E}.${AuditActions[E]}` }[AuditEntity]

/** The actions one entity's rows may name. */
export type AuditActionOf<E extends AuditEntity> = AuditActions[E]
