/** Words of "what happened next": effects at home recorded against a day and, where known, a goal (docs/effects.md). */
export const effects = {
  kind: {
    shutdown: 'Shutdown',
    school_refusal: 'Refused to go to school',
    meltdown: 'Meltdown at home',
    sleep: 'Trouble sleeping',
    other: 'Something else',
  },
  // Schemas and refusals.
  kindRequired: 'Choose what happened.',
  noteLabel: 'A short note',
  dateFuture: 'That day has not happened yet: choose today or an earlier day.',
  dateTooOld: 'Choose a day in the last {{days}} days.',
  dateBeforeYear: 'Choose a day in this school year.',
  dateAfterYear: 'Choose a day in this school year.',
  goalNotFound: 'That goal is not one of this student’s goals.',
  notFound: 'That entry was not found.',
  alreadyReplaced: 'That entry was already corrected or removed: reload the page to see it as it stands.',
  reasonLabel: 'Why it is removed',

  // The card and form on the student's page.
  cardTitle: 'What happened next',
  cardIntro: 'After school or the next day: a shutdown, refusing to go to school, a meltdown at home, a bad night. Each shows on the goal’s chart beside that day’s data point.',
  formTitle: 'Record what happened',
  kindLabel: 'What happened',
  dateLabel: 'Day it happened',
  goalLabel: 'Goal it followed (if known)',
  noGoal: 'Not sure / no particular goal',
  noteHint: 'Optional, up to {{max}} characters.',
  save: 'Record it',
  saved: 'Recorded.',
  none: 'Nothing recorded yet.',
  listLabel: 'What happened next, newest first',
  entry: '{{date}}: {{kind}}',
  by: 'recorded by {{name}}',
  remove: 'Remove',
  removed: 'Removed. The entry stays in the history.',
  forGoal: 'after {{area}}',

  // On the goal's chart and in its table.
  onChart: 'What happened next',
  chartMark: 'At home: {{kinds}}',
  tableColumn: 'At home after',
  countsForFlag_one: '{{count}} effect at home after a day that met the goal counts against it.',
  countsForFlag_other: '{{count}} effects at home after days that met the goal count against it.',
} as const
