/** Words every page shares: the app's name, the header, error pages, form-level messages. */
export const common = {
  appName: 'Same Page',
  titleSuffix: '{{title}} · Same Page',
  skipToMain: 'Skip to main content',
  signOut: 'Sign out',
  notFoundTitle: 'Page not found',
  notFoundBody: 'This page does not exist, or you do not have access to it.',
  errorTitle: 'Something went wrong',
  errorBody: 'The page could not be shown. Nothing you entered has been lost; try again in a moment.',
  backHome: 'Back to My students',
  correctFields: 'Please correct the fields marked below.',
  notFound: 'Not found',
  controlCharacters: '{{label}} cannot contain control characters (found {{code}}).',
  minutes_one: '{{count}} minute',
  minutes_other: '{{count}} minutes',
  idRequired: 'An id is required.',
  appNav: {
    label: 'Main',
    today: 'Today',
    sessions: 'Sessions',
    caseload: 'Caseload',
    students: 'Students',
  },
  offlineApp: {
    savedCopy: 'Saved on this phone — loaded {{when}}',
  },
} as const
