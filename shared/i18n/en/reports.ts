/** Reporting periods and progress reports (docs/progress-reports.md). */
export const reports = {
  codes: {
    mastered: 'Mastered',
    sufficient: 'Sufficient progress to meet the goal',
    insufficient: 'Insufficient progress to meet the goal',
    not_introduced: 'Not yet introduced',
  },
  cautions: {
    met_on_paper: 'Met on paper: the number reaches the goal, but {{name}} was dysregulated in recent sessions. Check before calling it mastered.',
    too_few_points: 'Too few data points this period to judge ({{count}}; at least {{needed}} needed).',
  },
  periods: {
    endBeforeStart: 'The last day must be on or after the first day.',
    outsideYear: 'A reporting period must fall inside the school year ({{start}} to {{end}}).',
    nameTaken: 'Another period is already called “{{name}}”. Give this one its own name.',
    overlaps: 'This overlaps “{{name}}” ({{start}} to {{end}}). A day can belong to one period only.',
    tooMany: 'A school can have at most {{max}} reporting periods.',
    quarterName: 'Quarter {{n}}',
  },
} as const
