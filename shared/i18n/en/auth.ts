/** Words of signing in, invites and signing out. */
export const auth = {
  // Schemas: what a refused sign-in or invite form says.
  emailRequired: 'Enter your email address.',
  emailTooLong: 'That email address is too long.',
  emailInvalid: 'Enter a valid email address, like name@school.org.',
  passwordChoose: 'Choose a password.',
  passwordTooShort: 'Use at least {{min}} characters for your password.',
  passwordTooLong: 'Use at most 200 characters for your password.',
  passwordRequired: 'Enter your password.',
  nameLabel: 'Your name',
  nameRequired: 'Enter your name.',
  nameTooLong: 'Use at most 100 characters for your name.',
  roleRequired: 'Choose a role: case manager, provider, para or parent.',
  unknownAction: 'That action is not known.',

  // Sign in.
  signInTitle: 'Sign in',
  signInHeading: 'Sign in to Same Page',
  emailField: 'Email',
  passwordField: 'Password',
  signIn: 'Sign in',
  newToTeam: 'New to a student’s team? Open the invite link your case manager sent you to set up your account.',

  // Invites.
  inviteTitle: 'Team invite',
  inviteInvalid: 'This invite link is not valid. Check that you copied all of it.',
  inviteUnusable: 'This invite can’t be used',
  inviteNoLongerUsable: 'This invite link can no longer be used.',
  signInFirst: 'Sign in first.',
  inviteIntro: '{{inviter}} invited {{email}} to join {{student}}’s team as {{role}}.',
  joinHeading: 'Join {{student}}’s team',
  joinTeam: 'Join the team',
  wrongAccount: 'You are signed in as {{signedInAs}}. This invite is for {{email}}: sign out, then open the link again.',
  signOut: 'Sign out',
  haveAccount: 'You already have an account. Sign in to accept.',
  signInAndJoin: 'Sign in and join',
  nameField: 'Your name',
  passwordHint: 'At least {{min}} characters.',
  createAndJoin: 'Create account and join',
} as const
