/** Words of the first screen after sign-in. */
export const home = {
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
} as const
