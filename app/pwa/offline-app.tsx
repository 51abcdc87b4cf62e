import { useLocation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { keptPagePath } from './offline-pages.ts'
import { keepPagesFor, registerServiceWorker, savedCopyLoadedAt } from './saved-pages.client.ts'

/**
 * The installable app's part of every page (decision 016): registers the service worker, keeps the phone's
 * saved pages for the signed-in person only (`owner`; null when signed out empties them), and says so when
 * the page on screen is a copy saved on the phone rather than fresh from the server.
 */
export function OfflineApp({ owner }: { owner: string | null }) {
  const { t } = useTranslation()
  const location = useLocation()
  const [loadedAt, setLoadedAt] = useState<string | null>(null)

  useEffect(() => {
    if (import.meta.env.PROD) registerServiceWorker()
  }, [])

  useEffect(() => {
    void keepPagesFor(owner)
  }, [owner])

  useEffect(() => {
    let current = true
    const path = keptPagePath(new URL(location.pathname, window.location.origin), window.location.origin)
    if (!path) {
      setLoadedAt(null)
      return
    }
    void savedCopyLoadedAt(path).then((at) => {
      if (current) setLoadedAt(at)
    })
    return () => {
      current = false
    }
  }, [location.pathname, location.search])

  if (!loadedAt) return null
  const sameDay = new Date(loadedAt).toDateString() === new Date().toDateString()
  return (
    <p role="status" className="mb-4 rounded-md border border-slate-300 bg-slate-50 p-3 text-slate-800">
      {t('common.offlineApp.savedCopy', { when: formatMoment(loadedAt, sameDay ? 'time' : 'dateTime') })}
    </p>
  )
}
