import { useCallback, useEffect, useRef, useState } from 'react'
import type { CheckView } from '#app/utils/api-types.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { clearSavedPages } from '#app/pwa/saved-pages.client.ts'
import type { QueuedCheck } from './check-queue.client.ts'
import { startCheckSync, type CheckSync } from './check-sync.client.ts'
import { checkKey } from './shown-check.ts'
import { checkRules, loadCheckRules } from './check-rules-loader.ts'
import { today } from '#shared/i18n/en/today.ts'

addSections({ today })

// In the browser, the tap rules start on their way with the page's own code (see check-rules-loader.ts).
if (typeof document !== 'undefined') void loadCheckRules().catch(() => {})

export interface RefusedCheck {
  item: QueuedCheck
  message: string
}

export type CheckTap = Omit<QueuedCheck, 'clientId' | 'queuedAt'>

export type TapResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> }

/**
 * A change id made on the phone. crypto.randomUUID exists only on https (and localhost); elsewhere the same
 * 122 random bits come from getRandomValues, which every browser has.
 */
function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * The Today screen's side of the offline queue (app/routes/today/check-sync.client.ts): what waits, what the
 * server confirmed or refused since the page loaded, and `tap` to record a choice. Everything starts after
 * hydration, so the server's HTML and the first render agree; the queue left by an earlier visit then
 * shows as pending over the page's data.
 */
export function useCheckSync(userId: string) {
  const [waiting, setWaiting] = useState<QueuedCheck[]>([])
  const [confirmed, setConfirmed] = useState<ReadonlyMap<string, CheckView>>(new Map())
  const [refused, setRefused] = useState<RefusedCheck[]>([])
  const [signedOut, setSignedOut] = useState(false)
  const [memoryOnly, setMemoryOnly] = useState(false)
  const [sentThisVisit, setSentThisVisit] = useState(0)
  const sync = useRef<CheckSync | null>(null)

  useEffect(() => {
    const engine = startCheckSync(userId, {
      queueChanged: setWaiting,
      saved(item, record) {
        setConfirmed((prev) => new Map(prev).set(checkKey(item.accommodationId, item.date), record))
        setSentThisVisit((n) => n + 1)
      },
      refused(item, message) {
        setRefused((prev) => [...prev, { item, message }])
      },
      signedOut(value) {
        setSignedOut(value)
        // The session is gone: the phone keeps no student's pages for it (the waiting taps stay, decision 016).
        if (value) void clearSavedPages()
      },
    })
    sync.current = engine
    return () => {
      engine.stop()
      sync.current = null
    }
  }, [userId])

  const tap = useCallback((change: CheckTap): TapResult => {
    const item: QueuedCheck = { ...change, clientId: newClientId(), queuedAt: new Date().toISOString() }
    const rules = checkRules()
    if (!rules) {
      void loadCheckRules().catch(() => {})
      return { ok: false, fieldErrors: { form: [t('today.stillLoading')] } }
    }
    // The same schema the server applies: a change that could never be accepted is not queued at all.
    const read = rules.readTap(item)
    if (!read.ok) return { ok: false, fieldErrors: read.fieldErrors }
    item.reason = read.reason
    const key = checkKey(item.accommodationId, item.date)
    setRefused((prev) => prev.filter((r) => checkKey(r.item.accommodationId, r.item.date) !== key))
    const engine = sync.current
    if (!engine) return { ok: false, fieldErrors: { form: [t('today.stillLoading')] } }
    const { stored } = engine.record(item)
    if (!stored) setMemoryOnly(true)
    return { ok: true }
  }, [])

  return { waiting, confirmed, refused, signedOut, memoryOnly, sentThisVisit, tap }
}
