import { t, type Language } from '#shared/i18n/i18n.ts'
import { formatDay } from '#shared/i18n/format.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { ROLE_LABELS, type TeamRole } from '#shared/roles.ts'
import { appUrl } from '../mail/app-url.server.ts'
import { enqueueMail } from '../mail/outbox.server.ts'
import type { Executor } from './audit.server.ts'

/**
 * Sends a new invite to the person it names, in the transaction that created it: the link in the message is the
 * one the inviter can still copy, and it is never stored (only its hash is). One message per invite.
 */
export async function queueInviteMail(
  trx: Executor,
  args: { inviteId: string; token: string; studentId: string; email: string; role: TeamRole; invitedBy: string; expiresAt: string; language: Language; now: Date },
): Promise<void> {
  const student = await trx.selectFrom('students').select(['name', 'school_id']).where('id', '=', args.studentId).executeTakeFirstOrThrow()
  const inviter = await trx.selectFrom('users').select('name').where('id', '=', args.invitedBy).executeTakeFirst()
  // Made in the recipient's language, inside compose: the role and the date are words too.
  const wordsOf = () => ({
    inviter: inviter?.name ?? t('mail.invite.someone'),
    student: student.name,
    role: ROLE_LABELS[args.role].toLowerCase(),
    expires: formatDay(args.expiresAt.slice(0, 10) as IsoDate, 'long'),
  })
  await enqueueMail(
    trx,
    {
      to: args.email,
      schoolId: student.school_id,
      studentId: args.studentId,
      kind: 'invite',
      languageIfNoAccount: args.language,
      compose: () => {
        const words = wordsOf()
        return {
          subject: t('mail.invite.subject', words),
          body: {
            paragraphs: [t('mail.invite.lead', words), t('mail.invite.what', words), t('mail.invite.expires', words)],
            action: { label: t('mail.invite.action', words), url: appUrl(`/invite/${args.token}`) },
            footer: [t('mail.invite.notYou')],
          },
        }
      },
      dedupeKey: `invite:${args.inviteId}`,
    },
    args.now,
  )
}
