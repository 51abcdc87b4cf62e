/** Words of outgoing mail and the school's Outbox page. */
export const mail = {
  signed: '— Same Page',
  signedBySchool: '— {{school}}, through Same Page',
  invite: {
    someone: 'Someone at the school',
    subject: '{{inviter}} invited you to {{student}}’s team on Same Page',
    lead: '{{inviter}} invited you to join {{student}}’s team on Same Page as {{role}}.',
    what: 'Same Page is where everyone who carries out {{student}}’s plan works from the same plain-language plan and the same record of what really happened.',
    expires: 'The link works once, and until {{expires}}.',
    action: 'Join {{student}}’s team',
    notYou: 'Not expecting this? You can ignore it: nothing happens unless the link is opened and accepted.',
  },
  outbox: {
    title: 'Outbox',
    intro:
      'Every email Same Page sends for {{school}}. With no mail server set up, messages are kept here instead of sent: read them here, and pass on what matters by hand.',
    modeSmtp: 'A mail server is set up: messages are sent, and retried if the server does not answer.',
    modeKept: 'No mail server is set up (SMTP_URL): messages are kept here and not sent.',
    empty: 'No messages yet.',
    listLabel: 'Messages, newest first',
    to: 'To',
    subject: 'Subject',
    status: 'Status',
    created: 'Written',
    showBody: 'Read the message',
    statuses: {
      queued: 'Waiting to send',
      sending: 'Sending',
      sent: 'Sent',
      kept: 'Kept here (not sent)',
      failed: 'Not sent: gave up',
    },
    attempts: '{{count}} tries; last error: {{error}}',
    more: 'Showing the newest {{count}}.',
  },
} as const
