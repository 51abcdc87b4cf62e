/** Words of the notices that leave the app: in-app texts for new events and the immediate emails. */
export const notices = {
  supportNotProvided: '{{support}} was not provided on {{date}}: {{reason}}.',
  supportNotProvidedNoReason: '{{support}} was not provided on {{date}}.',
  alertStarted: 'New alert for {{service}}: {{alert}}',
  alertCleared: 'Alert cleared for {{service}}: {{alert}}',
  sessionUnrecorded: '{{service}} on {{date}} is still not recorded, and the {{days}}-school-day recording window has closed.',
  mail: {
    greeting: 'Hello {{name}},',
    subject: {
      session_missed: '{{student}}: {{service}} missed on {{date}}',
      support_not_provided: '{{student}}: a support was not provided on {{date}}',
      alert_started: '{{student}}: new alert for {{service}}',
      alert_cleared: '{{student}}: alert cleared for {{service}}',
      session_unrecorded: '{{student}}: {{service}} on {{date}} not recorded',
      plan_change: '{{student}}: a change to the plan',
      progress_report: '{{student}}: the {{service}} progress report',
      iep_due: '{{student}}: due on {{date}}',
      records_ready: '{{student}}: the whole record is ready',
    },
    about: 'About {{student}}:',
    action: {
      session_missed: 'See the session log',
      support_not_provided: 'See the supports log',
      alert_started: 'See the numbers',
      alert_cleared: 'See the numbers',
      session_unrecorded: 'Record the session',
      plan_change: 'See the change and acknowledge it',
      progress_report: 'Read the report',
      iep_due: 'Open the student’s page',
      records_ready: 'Download the file',
    },
    why: 'You get this email at once because you chose to hear about {{student}} as things happen.',
    changeLink: 'Change how you hear about {{student}}',
  },
  cadence: {
    invalid: 'Choose at once, a daily email, a weekly email, or only in the app.',
  },
} as const
