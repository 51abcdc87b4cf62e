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
  /** A language's name inside a sentence of this language ("in Spanish"). */
  name: { en: 'English', es: 'Spanish' },
  // Plain summaries written again in a family's language (docs/languages.md#plain-summaries).
  translation: {
    goalLink: 'Write it in {{language}}',
    goalLinkChange: 'Change the {{language}} summary',
    accommodationLink: 'Write “{{title}}” in {{language}}',
    accommodationLinkChange: 'Change “{{title}}” in {{language}}',
    written: '{{language}}: written',
    missing: '{{language}}: not written yet',
    needsCheck: '{{language}}: the English changed since, check it',
    goalTitle: 'The plain summary in {{language}}',
    goalIntro:
      'Write the four parts again in {{language}} for the family who reads it. Say the same things as the English, in the words a parent uses at home. The English stays the plan’s own text.',
    accommodationTitle: '“{{title}}” in {{language}}',
    accommodationIntro:
      'Write this accommodation’s name and words again in {{language}} for the family who reads it. What kind of accommodation it is and when it applies stay as the plan says.',
    englishHeading: 'The English',
    englishMovedOn: 'The English has changed since this {{language}} text was saved. Check that it still says the same.',
    save: 'Save the {{language}} text',
    historyNote: 'Each save is kept in the student’s history, with the text it replaced.',
    notYetInReaderLanguage: 'Not written in {{language}} yet, so it is shown in English. Ask the case manager if something is unclear.',
    staleForReader: 'The English was changed after this was written in {{language}}. Ask the case manager if something has changed.',
    nameField: 'Name of the accommodation',
    descriptionField: 'What adults do',
  },
} as const
