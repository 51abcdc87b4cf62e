/** Words of the building blocks pages share (form parts, plain-language help). */
export const components = {
  saving: 'Saving…',
  cancel: 'Cancel',
  characterCount: '{{length}} of {{max}} characters',
  characterCountOver: '{{length}} of {{max}} characters — {{over}} over the limit',
  gradeBelowOne: 'Reading grade below 1',
  grade: 'Reading grade {{grade}}',
  gradeEmpty: 'Reading grade and jargon check show here as you type. Aim for grade {{target}} or lower.',
  gradeTooHard: 'Above grade {{target}} — try shorter sentences and everyday words',
  gradeFine: 'Grade {{target}} or lower: easy for most families to read.',
  noJargon: 'No special-education jargon found.',
  // The Spanish reading level (docs/domain.md#reading-level-es): Szigriszt-Pazos read on the INFLESZ scale.
  easeEmpty: 'The Spanish reading ease and jargon check show here as you type. Aim for {{target}} or higher.',
  ease: 'Spanish reading ease {{score}}: {{band}}',
  easeTooHard: 'Below {{target}}: try shorter sentences and everyday words',
  easeFine: '{{target}} or higher: easy for most families to read.',
  band: { 'very-hard': 'very hard', 'somewhat-hard': 'somewhat hard', normal: 'normal', 'fairly-easy': 'fairly easy', 'very-easy': 'very easy' },
  jargonHeading: 'Jargon to say more plainly',
  jargonIn: 'Jargon in {{label}}',
  quoted: '‘{{text}}’',
  instead: 'instead,',
  jargonTry: 'try:',
} as const
