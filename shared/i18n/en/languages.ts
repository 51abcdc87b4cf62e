/** Words of choosing a language: the switch at the foot of every page and the account page's card. */
export const languages = {
  switchLabel: 'Language',
  /** Read out before the other language's own name, so a screen reader says what the button does. */
  switchTo: 'Read this site in {{language}}',
  card: {
    heading: 'Language',
    intro: 'The language of your pages and of the emails Same Page sends you.',
    field: 'Language',
    save: 'Save language',
    saved: 'Your language is saved.',
  },
  invalid: 'Choose one of the languages offered.',
  signUpField: 'The language you read best',
  signUpHint: 'Your pages and emails will be in this language. You can change it later on your account page.',
  letterField: 'Language of the letter',
  letterHint: 'The same records, word for word, in either language: English for the school, your own language for your copy.',
  inviteField: 'Invitation language',
  inviteHint: 'The family reads the invitation, and then the site, in this language. They can change it later.',
} as const
