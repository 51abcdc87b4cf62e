import { Link, useLocation, useSearchParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import type { AttachmentList } from '#app/utils/api-types.ts'
import {
  attachmentDownloadUrl,
  attachmentRemoveUrl,
  attachmentUploadUrl,
  isUploadRefusal,
  type OwnerKind,
  UPLOAD_RESULT_PARAMS,
} from '#shared/attachments.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { attachments } from '#shared/i18n/en/attachments.ts'

addSections({ attachments })

const LINK = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline break-all'
/** What the file picker offers first; the server checks the bytes whatever the picker allowed. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.eml,application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain,message/rfc822'

/**
 * The files attached to one record (docs/attachments.md): the list with a download link each, a remove button on the
 * caller's own files, and the upload form. The form is a plain HTML form (multipart) sent to the upload address, so
 * it works without scripts; the server sends the browser back here with what happened in the address.
 */
export function AttachmentsCard({
  studentId,
  ownerKind,
  ownerId,
  list,
  familyOnly = false,
  headingLevel = 2,
  bare = false,
  title,
  closeTo,
}: {
  studentId: string
  ownerKind: OwnerKind
  ownerId: string
  list: AttachmentList
  familyOnly?: boolean
  /** The heading's level: the card's own (2 or 3), or, when bare, one below the card it sits in (3 or 4). */
  headingLevel?: 2 | 3 | 4
  /** Inside another card (a letter, a session record): a bordered section one heading level down, not a card of its own. */
  bare?: boolean
  /** A heading naming the record, where the page lists many (the default is "Attached files"). */
  title?: string
  /** Where "Close" goes, for files opened one record at a time. */
  closeTo?: string
}) {
  const { t } = useTranslation()
  const location = useLocation()
  const [params] = useSearchParams()
  const headingId = `attachments-${ownerId}`
  const mine = params.get(UPLOAD_RESULT_PARAMS.owner) === ownerId
  const refused = mine ? params.get(UPLOAD_RESULT_PARAMS.refused) : null
  const attached = mine && params.get(UPLOAD_RESULT_PARAMS.done) === '1'
  const removed = mine && params.get(UPLOAD_RESULT_PARAMS.removed) === '1'
  const back = location.pathname
  const latest = list.files.at(-1)
  const body = (
    <div className="space-y-3">
      <p id={`${headingId}-rules`} className="text-sm text-slate-700">
        {t('attachments.intro')}
      </p>
      {familyOnly ? <p className="text-sm font-medium text-amber-900">{t('attachments.familyOnlyNote')}</p> : null}
      {refused && isUploadRefusal(refused) ? <Alert>{t(`attachments.refused.${refused}`)}</Alert> : null}
      {attached && latest ? <Alert tone="success">{t('attachments.attached', { name: latest.fileName })}</Alert> : null}
      {removed ? <Alert tone="success">{t('attachments.removed')}</Alert> : null}
      {list.files.length === 0 ? (
        <p className="text-slate-700">{t('attachments.none')}</p>
      ) : (
        <ul aria-labelledby={`${headingId}-heading`} className="divide-y divide-slate-200">
          {list.files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <a href={attachmentDownloadUrl(studentId, f.id)} download={f.fileName} className={LINK} aria-label={t('attachments.download', { name: f.fileName })}>
                  {f.fileName}
                </a>
                <p className="text-sm text-slate-600">
                  {t('attachments.sizeAndWho', { size: sizeText(f.size), who: f.uploadedByName, date: formatDay(f.uploadedAt.slice(0, 10)) })}
                </p>
              </div>
              {f.mayRemove ? (
                <form method="post" action={`${attachmentRemoveUrl(studentId, f.id)}?back=${encodeURIComponent(back)}`}>
                  <Button type="submit" variant="danger" aria-label={t('attachments.removeLabel', { name: f.fileName })}>
                    {t('attachments.remove')}
                  </Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {list.mayAdd ? (
        <form method="post" encType="multipart/form-data" action={attachmentUploadUrl(studentId, ownerKind, ownerId, back)} className="flex flex-wrap items-end gap-3">
          <label className="flex min-w-0 max-w-full flex-col gap-1 text-sm font-medium text-slate-800">
            {t('attachments.fileLabel')}
            <input
              type="file"
              name="file"
              required
              accept={ACCEPT}
              aria-describedby={`${headingId}-rules`}
              className="max-w-full text-base file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3"
            />
          </label>
          <Button type="submit">{t('attachments.attach')}</Button>
        </form>
      ) : null}
    </div>
  )
  if (bare) {
    const Heading = `h${headingLevel}` as const
    return (
      <section id={headingId} aria-labelledby={`${headingId}-heading`} className="space-y-2 rounded-md border border-slate-200 p-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Heading id={`${headingId}-heading`} className="font-semibold text-slate-900">
            {title ?? t('attachments.title')}
          </Heading>
          {closeTo ? (
            <Link to={closeTo} preventScrollReset className={LINK}>
              {t('attachments.close')}
            </Link>
          ) : null}
        </div>
        {body}
      </section>
    )
  }
  return (
    <div id={headingId}>
      <Card title={title ?? t('attachments.title')} headingId={`${headingId}-heading`} headingLevel={headingLevel === 4 ? 3 : headingLevel}>
        {body}
      </Card>
    </div>
  )
}

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return translate('attachments.kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) })
  return translate('attachments.megabytes', { size: (bytes / 1024 / 1024).toFixed(1) })
}
