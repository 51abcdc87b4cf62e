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
  jargonHeading: 'Jargon to say more plainly',
  jargonIn: 'Jargon in {{label}}',
  quoted: '‘{{text}}’',
  instead: 'instead,',
  jargonTry: 'try: {{plain}}',
} as const
