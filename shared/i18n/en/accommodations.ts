/** Words of the accommodation list and its forms. */
export const accommodations = {
  // Messages of the plan's text fields (accommodations and profiles share them).
  required: '{{label}} is required.',
  tooLong: '{{label}} must be at most {{max}} characters.',

  // The form
  newTitle: 'New accommodation',
  newIntro: 'A support the student gets, said so that any adult can give it the same way.',
  saveNew: 'Save accommodation',
  editTitle: 'Edit accommodation',
  saveEdit: 'Save changes',
  editFootnote: 'Saving keeps the earlier version in History.',
  titleLabel: 'Title',
  titleHint: 'A few words, like “Extra time on tests”.',
  descriptionLabel: 'Plain description',
  descriptionHint: 'What the adult does, in everyday words.',
  categoryLabel: 'Category',
  categoryChoose: 'Choose a category',
  categoryRequired: 'Choose a category from the list.',
  category: {
    presentation: 'Presentation — how work is shown to the student',
    response: 'Response — how the student answers',
    setting: 'Setting — where the student works',
    timing: 'Timing — when, and for how long',
    regulation: 'Regulation — staying calm and ready',
    communication: 'Communication',
  },
  appliesLegend: 'When it applies',
  appliesRequired: 'Choose when it applies: every school day, certain weekdays, a subject or time, or tests only.',
  applies: {
    daily: 'Every school day',
    weekdays: 'Certain weekdays',
    subject: 'A subject or time of day',
    tests: 'Tests only',
  },
  weekdaysLegend: 'Which weekdays',
  weekdaysRequired: 'Choose at least one weekday.',
  weekdayInvalid: 'Use "mon", "tue", "wed", "thu" or "fri".',
  day: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday' },
  subjectLabel: 'Subject or time of day',
  subjectName: 'The subject or time of day',
  subjectHint: 'For example: Math, or after lunch.',
  startDateLabel: 'Start date',
  startDateHint: 'It must fall inside this school year.',

  // The list
  none: 'No accommodations written yet.',
  listLabel: 'Accommodations',
  edit: 'Edit',
  editNamed: 'Edit {{title}}',

  // Fidelity over the last 20 school days
  fidelityIntro:
    'From {{from}} to {{to}}. Fidelity is the days a support was used, out of the days it applied (days marked “Not needed” are left out). A support for one subject or for tests counts only on days someone recorded it.',
  fidelityLabel: 'Recent fidelity',
  noDaysYet: 'No days yet',
  neverApplied: 'It did not apply on any recorded day in this period.',
  unrecorded_one: 'Nobody recorded it on {{count}} day:',
  unrecorded_other: 'Nobody recorded it on {{count}} days:',
  recordedEveryDay: 'Recorded on every day it applied.',
  // Issue 14, item 1: the student page's figure is named for its period, unlike the accountability view's.
  numbers: {
    recentTitle: 'Recent fidelity — last 20 school days',
    recentPercent: '{{percent}}% in the last 20 school days',
  },
} as const
