/** Words of refusals from the server: why a request changed nothing. */
export const refusals = {
  // The gates every procedure passes (server/trpc, server/http, server/auth).
  signIn: 'Sign in to continue.',
  invalidCredentials: 'That email and password do not match an account. Check them and try again.',
  studentNotFound: 'Student not found.',
  roleCannot: 'Your role on this student’s team cannot do that.',
  schoolNotFound: 'School not found.',
  schoolAdminOnly: 'Only the school admin can do that.',
  otherSite: 'Refused: this request came from another site.',
  busy: 'The records are busy for a moment: nothing was saved. Please try again in a few seconds.',
  tooLarge: 'This request is too large: nothing was saved.',
  tooLargeFor: 'This request is larger than {{size}}, the most this address accepts. Nothing was saved.',
  megabytes: '{{size}} MB',
  asOfFuture: 'asOf cannot be in the future.',
  schoolIdRequired: 'A school id is required.',

  // Inputs the routers read.
  planRequired: 'Paste the plan or choose a plan file.',
  planTooLarge: 'The plan file is larger than {{size}} MB.',

  // Owned records (server/trpc/owned.server.ts).
  serviceProviderOnly: 'Only {{provider}}, who provides {{service}}, or the case manager can record these sessions.',
  goalOutsideAreas: 'You can edit the plain parts of goals in your areas ({{areas}}); this goal is in {{area}}.',
  goalNoAreas: 'You can edit the plain parts of goals in your areas, and no area is set for you yet. Ask the case manager.',
  reportGoalOutsideAreas: 'You can write the report for goals in your areas ({{areas}}); this goal is in {{area}}.',
  reportGoalNoAreas: 'You can write the report for goals in your areas, and no area is set for you yet. Ask the case manager.',
  concernOtherSide: 'This concern was logged by {{side}}; only they can change it. You can add a response.',
  effectOwnOnly: 'Only the person who recorded this can correct or remove it. You can record what you saw as a new entry.',

  // Records that are not there (or not the caller's to see).
  accommodationNotFound: 'That accommodation was not found for this student.',
  concernNotFound: 'That concern was not found for this student.',
  dataPointNotFound: 'That data point was not found for this student.',
  goalNotFound: 'That goal was not found for this student.',
  goalEnded: 'This goal ended with an earlier plan. Its data is kept and can be read, but it takes no new data or changes.',
  inviteNotFound: 'That invite was not found for this student.',
  memberNotFound: 'That person is not on this student’s team.',
  notebookNotFound: 'That notebook was not found for this student.',
  notificationNotFound: 'That notification was not found.',
  recordNotFound: 'That record was not found for this student.',
  serviceNotFound: 'That service was not found for this student.',
  sessionRecordNotFound: 'That session record was not found for this student.',
  noSnapshot: 'There is no saved copy of this notebook for that day.',
  noDisputeToWithdraw: 'That record has no dispute to withdraw.',

  // School days and the school year.
  /** The Today card's words after "No school today —": why nothing is recorded that day. */
  noSchoolWeekend: 'the weekend',
  noSchoolClosed: 'the school is closed',
  noSchoolBeforeYear: 'the school year has not started',
  noSchoolAfterYear: 'the school year has ended',
  futureSession: 'A session can’t be recorded for a future date.',
  futureSupports: 'Supports can’t be recorded for a future day.',
  futureProgress: 'Progress can’t be recorded for a future date.',
  notSchoolDay: '{{date}} is not a school day.',
  noSchoolOn: 'There was no school on {{date}} ({{label}}).',
  pastRecordingWindow: 'Records can be made for the last {{days}} school days only; {{date}} is further back.',
  outsideSchoolYear: 'That date is outside the school year ({{start}} {{startYear}} to {{end}} {{endYear}}).',
  alreadyClosure: '{{date}} is already a closure ({{label}}).',
  notClosure: '{{date}} is not a closure.',

  // Sessions and make-ups.
  noSessionToMakeUp: '{{service}} has no earlier session on {{date}} to make up.',
  sessionNotMissed: 'The {{service}} session on {{date}} was not missed, so there is nothing to make up.',
  noMakeUpOwed: 'The {{service}} session on {{date}} owes no make-up under the school’s policy ({{reason}}).',
  madeUpInFull: 'The {{date}} session has already been made up in full.',
  minutesStillOwed: 'Only {{left}} minutes are still owed for {{date}}.',
  noSessionScheduled: '{{service}} has no session scheduled on {{date}}.',
  alreadyRecorded: 'The {{date}} session is already recorded as {{kind}}. Correct that record instead.',
  recordVoided: 'That record is voided; record the session again instead.',
  deliveredNeedsMinutes: 'A delivered session needs its minutes.',
  missedNeedsReason: 'A missed session needs a reason.',
  makeUpStays: 'A make-up stays a make-up; void it instead.',

  // Supports, progress, disputes.
  changeIdReused: 'This change id was already used for a different record; nothing was saved.',
  accommodationNotToday: '“{{title}}” does not apply on {{date}}.',
  enterValue: 'Enter a value, or tap a result for each trial.',
  dataPointVoided: 'That data point is already voided.',
  alreadyDisputed: 'This record is already flagged as disputed.',

  // Services.
  providerNotOnTeam: 'Choose a provider who is on this student’s team.',
  serviceKeyTaken: 'A service with key "{{key}}" already exists.',
  amendmentOutside: 'An amendment must start after the service starts and before it ends.',
  amendmentTaken: 'An amendment already starts on that date.',

  // Concerns.
  linkNotOwn: 'A linked record is not one of this student’s records. Choose records from the lists.',
  futureDate: 'The date can’t be in the future.',
  concernSidesOnly: 'Only parents and the case manager log concerns.',
  familyOnlyByParent: 'Only a parent can log a family-only concern.',
  nothingChanged: 'Nothing changed: edit a field before saving.',
  entryBeforeRaised: 'An entry can’t be dated before the concern was raised.',
  linksAlreadyLinked: 'Those records are already linked to this concern.',
  resolvedReopen: 'This concern is resolved. Reopen it before moving it up the ladder.',
  stepNotAbove: 'Choose a step above the current one ({{step}}. {{title}}).',
  beforeStepBegan: 'The date can’t be before the current step began ({{date}}).',
  filedOnNeeded: 'Enter the date the state complaint was filed: the 60-day decision date counts from it.',
  filedOnStateOnly: 'A filing date belongs to a state complaint (step 5) only.',

  // Notebooks.
  notebookTitleTaken: 'This student already has a notebook called “{{title}}”.',
  notebookArchived: 'That notebook is already archived.',
  archivedUnchangeable: 'An archived notebook cannot be changed.',

  // Team and invites.
  inviteInvalid: 'This invite link is not valid. Check that you copied all of it.',
  inviteForOther: 'This invite is for {{email}}. Sign out, then open the link again to accept it with that account.',
  accountExists: 'An account for {{email}} already exists. Sign in to accept the invite.',
  alreadyOnTeam: '{{email}} is already on this student\'s team ({{role}}).',
  inviteUsed: 'That invite has already been used.',
  lastCaseManager: 'A student’s team needs at least one case manager. Invite another case manager before removing this one.',
  areasProvidersOnly: 'Areas are set for service providers only.',

  // The plan import: each problem with what was expected, as the command line and the import page list them.
  importSchoolMismatch: '"{{given}}" does not match the school you are importing into: "{{school}}" expected',
  importStudentTaken: '"{{id}}" is already a student at {{school}}: an id no other student has expected (was this file imported before?)',
  importProviderNotStaff:
    '"{{email}}" is not on staff at {{school}} in a role that joins this team at once, and a service needs its provider on the team: a provider or case manager of the school, listed in team with that role, expected (anyone else is invited: import without this service, then add it once they have joined)',
  importSchoolYear: '{{start}} to {{end}}',
  importStartOutsideYear: '"{{date}}" is outside {{school}}’s school year ({{year}}): a start date in the school year expected',
  importNoStartDate: 'has no startDate, so it would start today ({{today}}), outside the school year ({{year}}): a startDate expected',
  importOnClosure: '"{{date}}" is a closure at {{school}} ({{label}}): a school day expected',
  importClosureNotOnCalendar:
    '"{{date}}" is not a closure on {{school}}’s calendar, and only the school admin adds closures: a date the school already has expected (ask the school admin to add it, or leave it out)',
  importSchoolAmbiguous: '"{{name}}" names {{number}} schools in this database: a unique school name expected',
  importSchoolUnknown: '"{{name}}" is not a school in this database: one of {{known}} expected',
  importNoSchools: 'none yet',

  /**
   * Not refusals: words the server writes into the records it hands to pages (the concern page's lists of
   * linkable records, a support's history, a concern letter's entries, a notebook's history and first line), kept beside the server's other words.
   */
  records: {
    sessionMissed: 'missed ({{reason}})',
    sessionMakeUp: 'make-up, {{minutes}} min',
    sessionDelivered: 'delivered, {{minutes}} min',
    /** One linkable record in a list: its day, what it belongs to, and what it says. */
    label: '{{date}} · {{name}}: {{what}}',
    checkReason: ' ({{reason}})',
    areaGoal: '{{area}} goal',
    goal: 'Goal',
    minSuffix: ' min',
    checkStatus: { used: 'used', not_needed: 'not needed', not_provided: 'not provided', declined: 'declined' },
    responseRecorded: 'response recorded: {{response}}',
    concernRaised: 'concern raised',
    accommodation: 'Accommodation',
    minutesSuffix: ' minutes',
    unknownAuthor: 'an earlier edit (author not recorded)',
    /** A new notebook's first line, written by the server. */
    notebookStarter: '{{title}}, started {{day}}.',
  },
  ladderTakeBack: {
    nothingToTakeBack: 'Only the opening step stands: there is no step to take back.',
    stepMoved: 'The concern is at step {{current}} now, not step {{step}}: reload the page and look again.',
  },
  groups: {
    notAGroup: '{{service}} is not delivered in a group: record its sessions one by one.',
    notInGroup: 'A student named is not in the {{group}} on {{date}}. Reload the page and tick the students again.',
  },
} as const
