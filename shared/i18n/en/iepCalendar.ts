/** Words of the IEP's own calendar (docs/iep-calendar.md): its dates, what is due or late, and starting the next plan. */
export const iepCalendar = {
  // The rules that refuse impossible dates.
  rules: {
    endBeforeStart: 'The plan must end after it starts.',
    tooLong: 'A plan runs for a year: this one would be longer than {{days}} days. Check the years.',
    reviewBeforeStart: 'The annual review cannot be before the plan starts.',
    reviewAfterEnd: 'The annual review must be held by the end of the plan (at the latest {{days}} days after it).',
    reevaluationFar: 'A re-evaluation is due within three years of the plan’s start. Check the year.',
    noCurrentPlan: 'This student has no plan dates yet. Set the IEP dates first.',
    goalsMismatch: 'Choose what happens to every goal of the current plan.',
    endReasonRequired: 'Say why this goal ends.',
    nextStartsAfter: 'The next plan must start after the current plan starts ({{date}}).',
  },

  // The card on the student's page and its form.
  card: {
    title: 'IEP dates',
    intro: 'The dates of the current plan. The case manager keeps them; everyone on the team reads them.',
    startDate: 'Plan starts',
    endDate: 'Plan ends',
    annualReviewDate: 'Annual review',
    reevaluationDate: 'Re-evaluation',
    notSet: 'Not set',
    datesLabel: 'IEP dates of the current plan',
    edit: 'Change the IEP dates',
    editTitle: 'Change the IEP dates',
    save: 'Save the dates',
    saved: 'The IEP dates are saved.',
    hint: 'Leave a date empty if it is not known yet.',
    nextPlan: 'Start the next plan',
    endedGoals: 'Goals of earlier plans',
    endedGoalsIntro: 'These goals ended with an earlier plan. Their versions and data are kept.',
    endedOn: 'Ended {{date}}: {{reason}}',
  },

  // A goal's own page once it ended with an earlier plan.
  goalEnded: 'This goal ended with an earlier plan on {{date}}: {{reason}}. Its versions and data are kept here to read; it takes no new data.',

  // The case manager's home page.
  home: {
    title: 'Due soon and late',
    intro: 'For your caseload: what is late, and what is due in the next {{days}} days.',
    late: 'Late',
    due: 'Due in the next {{days}} days',
    nothing: 'Nothing is late or due in the next {{days}} days.',
    lateCount_one: '{{count}} late',
    lateCount_other: '{{count}} late',
  },

  // One item, as the home page lists it and the reminder says it.
  items: {
    annual_review_due: '{{student}}: annual review due {{date}}',
    annual_review_late: '{{student}}: annual review was due {{date}}',
    reevaluation_due: '{{student}}: re-evaluation due {{date}}',
    reevaluation_late: '{{student}}: re-evaluation was due {{date}}',
    progress_report_due: '{{student}}: progress report for {{label}} due {{date}}',
    progress_report_late: '{{student}}: progress report for {{label}} not issued (period ended {{date}})',
    goal_data_due: '{{student}}: {{label}} goal needs data by {{date}}',
    goal_data_late: '{{student}}: no data for the {{label}} goal in 3 weeks (due {{date}})',
  },

  // Starting the next annual plan.
  next: {
    title: 'Start the next plan',
    intro:
      'At the annual review, start {{name}}’s next plan from the current one. Each goal is carried over as it is, carried over and then changed, or ended. Nothing is deleted: ended goals keep their versions and data, and the current plan’s numbers stay as they were.',
    current: 'Current plan: {{start}} to {{end}}',
    currentUnknown: 'The current plan has no dates yet.',
    datesLegend: 'Dates of the next plan',
    goalsLegend: 'What happens to each goal',
    noGoals: 'The current plan has no goals.',
    choiceLegend: 'Goal: {{area}}',
    carry: 'Carry over as it is',
    change: 'Carry over and change it',
    end: 'End this goal',
    reason: 'Why it ends',
    reasonHint: 'For example: met, or no longer needed.',
    confirm: 'I have checked the dates and the choice for each goal.',
    confirmRequired: 'Tick the box to confirm.',
    submit: 'Start the next plan',
    started: 'The next plan has started.',
    startedChange: 'The next plan has started. Now change the goals you chose to change.',
    back: 'Back to the student',
  },
}
