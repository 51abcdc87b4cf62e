import type { AuditActionOf, AuditEntity } from '../../audit-events.ts'
import { profileFields } from './student.ts'

/** An action's name as a catalogue key: i18next reads "." as nesting, so "sign_in.failed" is "sign_in_failed". */
export type EventActionKey<A extends string> = A extends `${infer Head}.${infer Tail}` ? `${Head}_${EventActionKey<Tail>}` : A

/** One sentence per audit event (shared/audit-events.ts): an event added there without a sentence here fails the typecheck. */
type EventSentences = { [E in AuditEntity]: { [A in AuditActionOf<E> as EventActionKey<A>]: string } }

const event = {
  accommodation: {
    create: '{{who}} added the accommodation “{{title}}”{{when}}.',
    update: '{{who}} changed the accommodation “{{title}}”.',
    translate: '{{who}} wrote the accommodation “{{title}}” in {{language}}.',
  },
  accommodation_check: {
    // The reason and the full stop are added after (see withReason, fullStop).
    create: '{{who}} recorded “{{title}}” as {{status}} on {{date}}{{late}}',
    update: '{{who}} changed “{{title}}” from {{was}} to {{status}} on {{date}}{{late}}',
  },
  advocate_grant: {
    create: '{{who}} gave {{email}} read-only access until the end of {{lastDay}}.',
    accept: '{{who}} accepted read-only access, until the end of {{lastDay}}.',
    revoke: '{{who}} ended {{email}}’s read-only access.',
  },
  attachment: {
    add: '{{who}} attached the file “{{name}}” to {{owner}}.',
    remove: '{{who}} removed the file “{{name}}” from {{owner}}; it is kept in the record.',
  },
  auth: {
    sign_in: '{{who}} signed in.',
    sign_in_failed: 'Someone tried to sign in as {{email}} with a wrong password.',
    sign_in_spray_alert: 'Failed sign-ins to {{count}} accounts came from one address within {{minutes}} minutes.',
    sign_out: '{{who}} signed out.',
    password_reset: '{{who}} set a new password from a reset link; every session of the account was ended.',
    password_change: '{{who}} changed their password; their other sessions were ended.',
    email_change: '{{who}} changed the email they sign in with.',
    session_expired: '{{who}} was signed out after a time without activity.',
    device_signed_out: '{{who}} signed out one of their devices.',
    name_change: '{{who}} changed the name shown to their teams.',
    sign_in_code_failed: 'Someone signing in as {{email}} typed a wrong, expired or already used two-step code.',
    two_step_set_up: '{{who}} turned on two-step sign-in.',
    two_step_turn_off: '{{who}} turned off two-step sign-in.',
    two_step_new_codes: '{{who}} made new two-step recovery codes; the old ones stopped working.',
    two_step_recovery_used: '{{who}} signed in with a two-step recovery code.',
    two_step_school_required: '{{who}} changed whether the school requires two-step sign-in.',
  },
  check_dispute: {
    dispute: '{{who}} flagged an accommodation record as disputed: “{{comment}}”.',
    withdraw: '{{who}} withdrew a dispute on an accommodation record.',
  },
  communication_profile: {
    create: '{{who}} wrote the communication profile.',
    update: '{{who}} updated the communication profile.',
  },
  effect: {
    record: '{{who}} recorded what happened next on {{date}}: {{kind}}.',
    correct: '{{who}} corrected what happened next on {{date}} (the earlier entry is kept).',
    remove: '{{who}} removed an entry of what happened next (it is kept in the record).',
  },
  concern: {
    create: '{{who}} logged a concern: “{{issue}}”.',
    update: '{{who}} edited a concern (the earlier wording is kept as a version).',
    add_contact: '{{who}} added a contact to a concern.',
    add_response: '{{who}} added a response to a concern.',
    link: '{{who}} linked records to a concern.',
    // The step and the full stop are added after (see escalatedTo, fullStop).
    escalate: '{{who}} moved a concern up the escalation ladder',
    take_back_step: '{{who}} took back step {{from}} of a concern, recorded by mistake; it is back at step {{to}}.',
    send_letter: '{{who}} sent a letter about a concern by email.',
    mark_letter_sent: '{{who}} recorded a letter about a concern as sent by hand.',
    letter_answered: '{{who}} recorded the answer to a letter about a concern.',
    agree: '{{who}} recorded that a concern ended with an agreement on {{date}}.',
    add_item: '{{who}} recorded a promised item of an agreement: “{{what}}”, due {{date}}.',
    item_done: '{{who}} marked a promised item done: “{{what}}”.',
    reopen: 'A new alert for {{service}} reopened a concern that ended with an agreement.',
    share: '{{who}} shared a family-only concern with the team.',
  },
  goal: {
    create: '{{who}} added {{goal}}.',
    update: '{{who}} changed {{goal}}.',
    update_plain: '{{who}} rewrote the plain-language summary of a goal.',
    translate_plain: '{{who}} wrote the plain-language summary of a goal in {{language}}.',
    end: '{{who}} ended {{goal}} when the next plan started: “{{reason}}”. Its versions and data are kept.',
  },
  iep_plan: {
    set_dates: '{{who}} set the IEP dates: the plan runs {{start}} to {{end}}, annual review {{review}}, re-evaluation {{reevaluation}}.',
    start_next: '{{who}} started the next plan, running {{start}} to {{end}}: {{carried}} goals carried over, {{ended}} ended.',
  },
  invite: {
    create: '{{who}} invited {{email}} as {{role}}.',
    revoke: '{{who}} cancelled the invite for {{email}}.',
  },
  notebook: {
    create: '{{who}} started the notebook “{{title}}”.',
    rename: '{{who}} renamed the notebook “{{before}}” to “{{after}}”.',
    archive: '{{who}} archived the notebook “{{title}}”.',
    restore: '{{who}} restored the notebook “{{title}}” to how it was on {{date}}.',
  },
  notification: {
    // The notice's own words and the full stop are added after (see withReason, fullStop).
    create: 'A notice was sent to the family',
    seen: '{{who}} saw a notice.',
  },
  plan_change: {
    acknowledge: '{{who}} acknowledged a change to the plan.',
  },
  progress_codes: {
    update: '{{who}} set the school’s progress codes: {{codes}}.',
  },
  progress_report: {
    write_part: '{{who}} wrote the {{period}} progress report’s part for a goal.',
    issue: '{{who}} issued the {{period}} progress report.',
    correct: '{{who}} issued a correction of the {{period}} progress report (version {{version}}): “{{reason}}”.',
    acknowledge: '{{who}} acknowledged the {{period}} progress report (version {{version}}).{{comment}}',
  },
  record_export: {
    make: '{{who}} made a copy of the whole record as one file ({{copy}}, {{files}} files).',
  },
  records_request: {
    log: '{{who}} logged a request for records from {{requestedBy}}, received on {{received}}, due on {{due}}.',
    set_days: '{{who}} set the days to answer a request for records to {{days}}.',
    fulfil: '{{who}} answered the request for records from {{requestedBy}} on {{fulfilled}}: one file of {{files}} files (SHA-256 {{sha}}).',
  },
  progress_point: {
    create: '{{who}} recorded {{value}} for {{goal}} on {{date}}{{state}}.',
    // The reason and the full stop are added after (see withReason, fullStop).
    void: '{{who}} voided the data point{{value}} from {{date}}',
  },
  regulation_profile: {
    create: '{{who}} wrote the regulation profile.',
    update: '{{who}} updated the regulation profile.',
  },
  school_closure: {
    create: '{{who}} marked {{date}} as a day the school is closed{{label}}.',
    remove: '{{who}} removed the school closure on {{date}}{{label}}.',
  },
  school_policy: {
    update: '{{who}} set which missed sessions are owed a make-up: {{reasons}}.',
  },
  reporting_period: {
    create: '{{who}} added the reporting period {{name}} ({{start}} to {{end}}).',
    update: '{{who}} changed the reporting period {{name}} to {{start}} to {{end}}.',
    remove: '{{who}} removed the reporting period {{name}}.',
  },
  school_sessions: {
    update: '{{who}} set how long people stay signed in: staff {{minutes}} minutes without activity, families {{days}} days.',
  },
  school_role: {
    grant: '{{who}} made {{name}} a school admin.',
    revoke: '{{who}} took back the school admin role from {{name}}.',
    join: '{{who}} joined the school’s staff.',
  },
  staff_invite: {
    create: '{{who}} invited {{email}} to the school’s staff.',
    revoke: '{{who}} cancelled the staff invite for {{email}}.',
  },
  service: {
    create: '{{who}} added the service {{service}}{{detail}}.',
    amend: '{{who}} amended {{service}}{{detail}}',
  },
  session_dispute: {
    dispute: '{{who}} flagged a session record as disputed: “{{comment}}”.',
    withdraw: '{{who}} withdrew a dispute on a session record.',
  },
  session_record: {
    create: '{{who}} recorded {{service}} on {{date}} as {{outcome}}.',
    // The reason for the change and the full stop are added after (see withReason, fullStop).
    correct: '{{who}} corrected {{service}} on {{date}} to {{outcome}}',
    void: '{{who}} voided the record of {{service}} on {{date}}',
  },
  sso_provider: {
    save: '{{who}} set up the school’s sign-in service “{{label}}”.',
    disable: '{{who}} turned off the school’s sign-in service “{{label}}”.',
    sign_in_refused: 'A sign-in through the school’s sign-in service was refused{{email}}.',
  },
  student: {
    import: '{{who}} imported the plan of {{name}}.',
  },
  team_member: {
    add: '{{who}} added {{email}} to the team as {{role}}.',
    join: '{{who}} joined the team as {{role}}.',
    remove: '{{who}} removed {{name}} ({{role}}) from the team.',
    set_areas: '{{who}} set a provider’s goal areas to: {{areas}}.',
    move_caseload: '{{who}} moved the case from {{from}} to {{to}}, who is now the case manager.',
  },
  user: {
    create: '{{name}} created an account.',
    deactivate: '{{who}} deactivated the account of {{name}}.',
    reactivate: '{{who}} reactivated the account of {{name}}.',
  },
  make_up_plan: {
    plan: '{{who}} planned a make-up of {{service}} for {{date}}, for the missed session of {{repays}}.',
    move: '{{who}} moved the planned make-up of {{service}} for the missed session of {{repays}} to {{date}}',
    cancel: '{{who}} cancelled the make-up of {{service}} planned for {{date}}',
    close: '{{who}} recorded the make-up of {{service}} planned for {{date}}.',
  },
} as const satisfies EventSentences

/** Words of the History page: one sentence per recorded event. */
export const history = {
  event,
  /** An event this version has no sentence for (an older row): named as stored. */
  unknownEvent: '{{who}}: {{entity}} {{action}}.',
  sessionExpiredMax: '{{who}} was signed out at the end of the longest a staff session lasts.',
  someone: 'Someone',
  someoneInvited: 'someone',
  member: 'member',
  aMember: 'a member',
  untitled: 'untitled',
  aSupport: 'a support',
  unknownDate: 'an unknown date',
  noAreas: 'none',
  aGoal: 'a goal',
  anAreaGoal: 'a {{area}} goal',
  theAreaGoal: 'the {{area}} goal',
  aDataPoint: 'a data point',
  theStudent: 'the student',
  /** What a file was attached to, in an attachment's sentence. */
  attachmentOwner: {
    concern: 'a concern',
    letter: 'a letter',
    session_record: 'a session record',
    progress_point: 'a progress point',
    notebook: 'a notebook',
    other: 'a record',
  },
  regulationState: '; {{name}} was {{state}}',
  appliesWhen: ' ({{when}})',
  late: ' (late)',
  voidedValue: ' of {{value}}',
  escalatedTo: '{{sentence}} to step {{step}}.',
  withReason: '{{sentence}}: “{{reason}}”.',
  // The reason already ends with its own full stop, inside the quotes.
  withReasonEnded: '{{sentence}}: “{{reason}}”',
  fullStop: '{{sentence}}.',
  check: {
    used: 'used',
    not_needed: 'not needed',
    not_provided: 'not provided',
    declined: 'declined',
    recorded: 'recorded',
    cleared: 'not recorded (undone)',
  },

  // What changed, field by field
  field: {
    area: 'Area',
    officialText: 'Official goal text',
    baseline: 'Baseline',
    target: 'Target',
    unit: 'Measured in',
    mastery: 'Counts as met when',
    title: 'Title',
    description: 'Plain description',
    category: 'Category',
    applies: 'When it applies',
    startDate: 'Start date',
    ...profileFields,
    areas: 'Goal areas',
  },
  unitWord: { percent: 'percent', minutes: 'minutes', count: 'number of times' },
  empty: '(empty)',
  none: '(none)',
  yes: 'Yes',
  no: 'No',

  // The page
  title: 'History',
  pageTitle: 'History · {{name}} · Same Page',
  intro: 'Every change to {{name}}’s plan and records, newest first. Nothing is deleted: a correction is a new entry.',
  latestOnly: ' Showing the latest {{count}} changes.',
  noChanges: 'No changes recorded yet.',
  allChanges: 'All changes',
  whatChanged: 'What changed',
  before: 'Before: ',
  after: '. After: ',
  arrow: '→',

  /** The parts of the sentences about sessions, services, closures and sign-ins. */
  sentenceParts: {
    familyCopy: 'the family’s copy',
    schoolCopy: 'the school’s copy for a records request',
    aSession: 'a session',
    aService: 'a service',
    anAccount: 'an account',
    forEmail: ' for {{email}}',
    someone: 'Someone',
    label: ' ({{label}})',
    comment: ' Their comment: “{{comment}}”',
    noReasons: 'none',
    unknownReason: 'reason not given',
    delivered: 'delivered, {{minutes}} min',
    deliveredNoMinutes: 'delivered',
    missed: 'missed ({{reason}})',
    makeUp: 'a make-up of {{minutes}} min for the session of {{repays}}',
    makeUpNoDay: 'a make-up of {{minutes}} min',
    voided: 'voided',
    serviceCreated: ', {{minutes}} min a session from {{date}}',
    serviceAmended: ': {{minutes}} min a session from {{date}}',
  },
} as const
