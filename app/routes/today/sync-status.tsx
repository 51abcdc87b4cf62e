import { Trans } from 'react-i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import { formatDay } from '#shared/i18n/format.ts'
import type { RefusedCheck } from './use-check-sync.ts'
import { today } from '#shared/i18n/en/today.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ today })

/**
 * What this phone still holds. Always rendered (empty when there is nothing to say) so screen readers
 * announce the count as it changes; the words say the changes are safe, not lost.
 */
export function SyncStatus({
  waiting,
  sentThisVisit,
  refusedThisVisit,
  signedOut,
  memoryOnly,
  signInHref,
}: {
  waiting: number
  sentThisVisit: number
  refusedThisVisit: number
  signedOut: boolean
  memoryOnly: boolean
  signInHref: string
}) {
  const { t } = useTranslation()
  return (
    <div role="status" aria-label={t('today.sync.label')}>
      {waiting > 0 ? (
        <div className="space-y-1 rounded-md border-2 border-amber-500 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">{t('today.sync.waiting', { count: waiting })}</p>
          <p className="text-sm">
            {memoryOnly ? t('today.sync.memoryOnly') : t('today.sync.kept')}
          </p>
          {signedOut ? (
            <p className="text-sm font-medium">
              <Trans i18nKey="today.sync.signedOut" components={{ link: <a href={signInHref} className="underline" /> }} />
            </p>
          ) : null}
        </div>
      ) : refusedThisVisit > 0 ? (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {t('today.sync.refused', { count: refusedThisVisit })}
        </p>
      ) : sentThisVisit > 0 ? (
        <p className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">{t('today.sync.allSaved')}</p>
      ) : null}
    </div>
  )
}

/** Refusals about a day other than the one on screen: said here, so none is lost from sight. */
export function RefusedElsewhere({ refused }: { refused: readonly RefusedCheck[] }) {
  const { t } = useTranslation()
  if (refused.length === 0) return null
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">{t('today.sync.refusedElsewhere', { count: refused.length })}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {refused.map(({ item, message }) => (
          <li key={item.clientId}>
            {t('today.sync.refusedItem', {
              student: item.studentName,
              title: item.title,
              date: formatDay(item.date),
              status: t(`today.check.${item.status}`),
              message,
            })}
          </li>
        ))}
      </ul>
    </div>
  )
}
