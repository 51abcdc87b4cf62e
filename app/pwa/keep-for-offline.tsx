import { useLocation } from '@remix-run/react'
import { useEffect } from 'react'
import { keepStudentPages } from './saved-pages.client.ts'

/**
 * On Today, online: fetches ahead the plan summary and goal card of each student on the page, so
 * a para who only opened Today has them without signal too (decision 016). Renders nothing.
 */
export function KeepForOffline({ studentIds }: { studentIds: readonly string[] }) {
  const { pathname } = useLocation()
  const ids = studentIds.join(',')
  useEffect(() => {
    if (!import.meta.env.PROD) return
    const left = new AbortController()
    void keepStudentPages(ids ? ids.split(',') : [], pathname, left.signal)
    return () => left.abort()
  }, [ids, pathname])
  return null
}
