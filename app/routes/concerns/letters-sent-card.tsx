import { Form } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { AttachmentsCard } from '#app/components/attachments-card.tsx'
import type { AttachmentList } from '#app/utils/api-types.ts'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { formatDay } from '#shared/i18n/format.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { letters } from '#shared/i18n/en/letters.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ letters })

export interface LetterRow {
  id: string
  channel: string
  sentOn: IsoDate
  sentByName: string
  recipients: { name: string; email: string }[]
  subject: string
  responseDueOn: IsoDate
  responseReceivedOn: IsoDate | null
  responseNote: string
  overdue: boolean
}

/**
 * The letters sent for a concern, each with its answer-by date, its answer, or the flag that none came, and the files
 * attached to it (docs/attachments.md).
 */
export function LettersSentCard({
  letters,
  suggestion,
  today,
  busy,
  attachments,
}: {
  letters: readonly LetterRow[]
  suggestion: string | null
  today: IsoDate
  busy: boolean
  attachments?: { studentId: string; files: Record<string, AttachmentList>; familyOnly: boolean }
}) {
  const { t } = useTranslation()
  return (
    <Card title={t('letters.section')} headingLevel={2} headingId="letters-sent-heading">
      {suggestion ? <Alert tone="warning">{suggestion}</Alert> : null}
      {letters.length === 0 ? (
        <p className="text-slate-700">{t('letters.noLetters')}</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label={t('letters.section')}>
          {letters.map((l) => (
            <li key={l.id} className="space-y-2 py-3">
              <p className="font-semibold">{l.subject}</p>
              <p className="text-sm">
                {l.recipients.length
                  ? t('letters.entrySent', { date: formatDay(l.sentOn), channel: t(`letters.channel.${l.channel as 'email'}`), recipients: l.recipients.map((r) => r.name || r.email).join(', ') })
                  : t('letters.entrySentNoRecipients', { date: formatDay(l.sentOn), channel: t(`letters.channel.${l.channel as 'email'}`) })}
              </p>
              {l.responseReceivedOn ? (
                <p className="text-sm text-emerald-900">
                  {t('letters.answered', { date: formatDay(l.responseReceivedOn) })}
                  {l.responseNote ? `: ${l.responseNote}` : ''}
                </p>
              ) : l.overdue ? (
                <StatusBadge tone="bad">{t('letters.overdue', { date: formatDay(l.responseDueOn) })}</StatusBadge>
              ) : (
                <StatusBadge tone="info">{t('letters.answerDue', { date: formatDay(l.responseDueOn) })}</StatusBadge>
              )}
              {l.responseReceivedOn ? null : (
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">{t('letters.recordAnswer')}</summary>
                  <Form method="post" className="mt-2 space-y-2">
                    <input type="hidden" name="intent" value="answer" />
                    <input type="hidden" name="letterId" value={l.id} />
                    <label className="block text-sm font-medium" htmlFor={`answered-${l.id}`}>
                      {t('letters.answerDateLabel')}
                    </label>
                    <input id={`answered-${l.id}`} type="date" name="receivedOn" defaultValue={today} required className="rounded-md border border-slate-300 px-2 py-1" />
                    <label className="block text-sm font-medium" htmlFor={`answer-note-${l.id}`}>
                      {t('letters.answerNoteLabel')}
                    </label>
                    <textarea id={`answer-note-${l.id}`} name="note" rows={2} maxLength={1000} className="w-full rounded-md border border-slate-300 px-2 py-1" />
                    <Button type="submit" disabled={busy}>
                      {t('letters.recordAnswer')}
                    </Button>
                  </Form>
                </details>
              )}
              {attachments?.files[l.id] ? (
                <AttachmentsCard
                  bare
                  headingLevel={3}
                  studentId={attachments.studentId}
                  ownerKind="letter"
                  ownerId={l.id}
                  list={attachments.files[l.id]!}
                  familyOnly={attachments.familyOnly}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
