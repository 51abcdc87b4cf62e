import { Link, useFetcher } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert, WarningList } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { home } from '#shared/i18n/en/home.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ home })

export interface HomeNotification {
  id: string
  studentId: string
  studentName: string
  text: string
  since: string | null
}

export interface HomeAlert {
  studentId: string
  studentName: string
  serviceKey: string
  serviceName: string
  alert: string
  text: string
}

/**
 * A parent's unseen notices (a missed session, for now), first thing on the home page. "Mark as seen" records
 * when she saw it; the school sees that time, so nobody has to argue later about whether the family was told.
 */
export function UnseenNotifications({ notifications }: { notifications: readonly HomeNotification[] }) {
  const { t } = useTranslation()
  if (notifications.length === 0) return null
  return (
    <section aria-labelledby="notices-heading" className="rounded-lg border-2 border-brand-600 bg-white p-4 shadow-sm">
      <h2 id="notices-heading" className="text-xl font-semibold text-slate-900">
        {t('home.newForYou')}
      </h2>
      <ul aria-label={t('home.notificationsLabel')} className="mt-2 divide-y divide-slate-200">
        {notifications.map((n) => (
          <NotificationItem key={n.id} notification={n} />
        ))}
      </ul>
    </section>
  )
}

function NotificationItem({ notification: n }: { notification: HomeNotification }) {
  const { t } = useTranslation()
  const fetcher = useFetcher<{ ok: boolean; message?: string }>()
  const busy = fetcher.state !== 'idle'
  const failed = fetcher.state === 'idle' && fetcher.data && !fetcher.data.ok ? fetcher.data.message : null
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="min-w-0 flex-1 basis-60">
        <p className="text-slate-900">{n.text}</p>
        {n.since ? <p className="font-semibold text-emerald-900">{n.since}</p> : null}
        <p className="text-sm text-slate-600">{t('home.about', { name: n.studentName })}</p>
        {failed ? (
          <div className="mt-2">
            <Alert>{failed}</Alert>
          </div>
        ) : null}
      </div>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="markSeen" />
        <input type="hidden" name="id" value={n.id} />
        {/* The visible words start the accessible name (WCAG 2.5.3); the rest tells a screen reader which notice. */}
        <Button type="submit" variant="secondary" disabled={busy} aria-label={t('home.markSeenNamed', { text: n.text })}>
          {t('home.markSeen')}
        </Button>
      </fetcher.Form>
    </li>
  )
}

/**
 * Every student with an accountability alert today, until the records clear it (docs/domain.md#accountability).
 * Named in full: two students called Ava must be told apart.
 */
export function AlertsToday({ alerts }: { alerts: readonly HomeAlert[] }) {
  const { t } = useTranslation()
  if (alerts.length === 0) return null
  return (
    <WarningList heading={t('home.needsAttention')} headingId="alerts-today-heading" headingLevel={2}>
      {alerts.map((a) => (
        <li key={`${a.studentId}-${a.serviceKey}-${a.alert}`}>
          <Link to={`/students/${a.studentId}/accountability`} className="font-semibold underline">
            {t('home.alertLink', { name: a.studentName, service: a.serviceName })}
          </Link>{' '}
          {a.text}
        </li>
      ))}
    </WarningList>
  )
}
