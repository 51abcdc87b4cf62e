import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { WARN_BEFORE_MS } from '#shared/session-limits.ts'
import { buttonClasses } from './button.tsx'

/** The server's answer at /session/status and /session/keep-alive (server/http/session-status.server.ts). */
type Status = { signedIn: false } | { signedIn: true; remainingMs: number; reason: 'idle' | 'max'; warnMs: number }

/** Asked at least this often, so activity in another tab (which moves the deadline) is seen. */
const CHECK_EVERY_MS = 60_000

/**
 * Warns a minute before the session ends (staff on a shared device: after a time without activity), with a button to
 * stay signed in; when it has ended, goes to sign-in and comes back here after. The server decides; the page only asks
 * it, so the countdown never trusts this device's clock. Asking does not count as activity.
 */
export function SessionTimer({ remainingMs }: { remainingMs: number | null }) {
  const { t } = useTranslation()
  const [warning, setWarning] = useState<{ reason: 'idle' | 'max'; endsAt: number } | null>(null)
  const [seconds, setSeconds] = useState(0)
  const [failed, setFailed] = useState(false)
  const timer = useRef<number | undefined>(undefined)
  const stayButton = useRef<HTMLButtonElement>(null)
  const keepAlive = useRef<() => Promise<void>>(async () => {})
  // Only the first render's answer matters: later ones come from the server.
  const firstRemaining = useRef(remainingMs)

  useEffect(() => {
    let stopped = false
    const schedule = (ms: number) => {
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => void check(), Math.max(1_000, ms))
    }
    const apply = (status: Status) => {
      if (!status.signedIn) {
        const back = `${window.location.pathname}${window.location.search}`
        window.location.assign(`/sign-in?redirectTo=${encodeURIComponent(back)}`)
        return
      }
      if (status.remainingMs <= status.warnMs) {
        setWarning({ reason: status.reason, endsAt: Date.now() + status.remainingMs })
        // Look again when it should end, and sooner in case activity elsewhere moved it.
        schedule(Math.min(status.remainingMs + 500, 10_000))
      } else {
        setWarning(null)
        schedule(Math.min(status.remainingMs - status.warnMs, CHECK_EVERY_MS))
      }
    }
    const check = async () => {
      try {
        const response = await fetch('/session/status', { credentials: 'same-origin', cache: 'no-store' })
        if (stopped) return
        if (response.status === 401) return apply({ signedIn: false })
        if (!response.ok) return schedule(CHECK_EVERY_MS)
        apply((await response.json()) as Status)
      } catch {
        // Offline: nothing to ask; what is queued on this device stays queued.
        if (!stopped) schedule(CHECK_EVERY_MS)
      }
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check()
    }
    document.addEventListener('visibilitychange', onVisible)
    window.addEventListener('focus', onVisible)
    // The page arrived knowing how long its session had left: the first question waits until it matters (a page
    // load is activity, so there is no news before then). A page served from the phone's saved copy asks within a minute.
    const known = firstRemaining.current
    schedule(known === null ? 0 : Math.min(known - WARN_BEFORE_MS, CHECK_EVERY_MS))
    keepAlive.current = async () => {
      try {
        const response = await fetch('/session/keep-alive', { method: 'POST', credentials: 'same-origin', cache: 'no-store' })
        if (response.status === 401) return apply({ signedIn: false })
        if (!response.ok) throw new Error(String(response.status))
        setFailed(false)
        apply((await response.json()) as Status)
      } catch {
        setFailed(true)
      }
    }
    return () => {
      stopped = true
      window.clearTimeout(timer.current)
      document.removeEventListener('visibilitychange', onVisible)
      window.removeEventListener('focus', onVisible)
    }
  }, [])
  useEffect(() => {
    if (!warning) return
    const tick = () => setSeconds(Math.max(0, Math.ceil((warning.endsAt - Date.now()) / 1000)))
    tick()
    const id = window.setInterval(tick, 1000)
    stayButton.current?.focus()
    return () => window.clearInterval(id)
  }, [warning])

  if (!warning) return null
  return (
    <div
      role="alertdialog"
      aria-labelledby="session-warning-heading"
      aria-describedby="session-warning-text"
      className="fixed inset-x-2 bottom-2 z-20 mx-auto max-w-md rounded-lg border-2 border-amber-500 bg-white p-4 shadow-lg"
    >
      <h2 id="session-warning-heading" className="text-lg font-semibold">
        {t('session.warning.heading')}
      </h2>
      <p id="session-warning-text" className="my-2">
        {t(warning.reason === 'max' ? 'session.warning.max' : 'session.warning.idle', { seconds })}
      </p>
      {failed ? <p role="alert" className="mb-2 text-red-900">{t('session.warning.stayFailed')}</p> : null}
      {warning.reason === 'idle' ? (
        <button ref={stayButton} type="button" className={buttonClasses()} onClick={() => void keepAlive.current()}>
          {t('session.warning.stay')}
        </button>
      ) : null}
    </div>
  )
}
