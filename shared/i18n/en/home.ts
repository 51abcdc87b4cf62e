/** Words of the first screen after sign-in. */
export const home = {
  outbox: 'Outbox',
  outboxAt: 'Outbox: {{school}}',
  title: 'My students',
  hello: 'Hello, {{name}}. These are the students whose plans you help carry out.',
  todaysSupports: 'Today’s supports',
  sessionsThisWeek: 'Sessions this week',
  importPlan: 'Import a plan',
  importPlanAt: 'Import a plan: {{school}}',
  overviews: 'Overviews',
  caseload: 'Caseload',
  schoolOverview: 'School overview',
  schoolOverviewAt: 'School overview: {{school}}',
  schoolSettings: 'School settings',
  schoolSettingsAt: 'School settings: {{school}}',
  noStudents: 'You are not on any student’s team yet. When a case manager invites you, the student will appear here.',
  studentsLabel: 'Students',
  gradeAndSchool: 'Grade {{grade}} · {{school}}',
  yourRole: 'Your role: {{role}}',
  unknownAction: 'That action is not known.',

  // Notices and alerts.
  newForYou: 'New for you',
  notificationsLabel: 'Notifications',
  about: 'About {{name}}',
  markSeen: 'Mark as seen',
  markSeenNamed: 'Mark as seen: {{text}}',
  needsAttention: 'Needs attention today',
  alertLink: '{{name}} — {{service}}:',
  notificationIdRequired: 'A notification id is required.',
  notificationIdInvalid: 'That notification id is not valid.',
  unseenTrueOrFalse: 'unseen must be true or false.',

  // A parent's first screen: is each child's plan happening?
  parentPlan: {
    titleOne: '{{name}}’s plan',
    titleMany: 'Your children’s plans',
    hello: 'Hello, {{name}}. Here is how the plan is going, by the same numbers the school sees.',
    cardTitle: 'Is {{name}}’s plan happening?',
    servicesLabel: '{{name}}’s services, furthest behind first',
    furthestBehind: 'Furthest behind',
    delivered: '{{rate}} of the minutes due were delivered.',
    noServices: 'No services are in {{name}}’s plan yet.',
    supportsHeading: 'Supports not provided this week',
    supportDays: '{{title}}: {{days}}',
    noSupportsMissed: 'No support was recorded as “Not provided” this week.',
    fullNumbers: 'All of {{name}}’s numbers',
  },
  // Make-ups planned ahead, on the parent's card (issue 15, item 5): planned, not yet counted.
  plannedMakeUps: {
    line: 'Make-up planned for {{date}} (for the missed session of {{session}}); it counts once it is held.',
  },
} as const
