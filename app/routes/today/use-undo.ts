import { useCallback, useEffect, useState } from 'react'
import type { ShownCheck } from './shown-check.ts'
import type { CheckTap, TapResult } from './use-check-sync.ts'

/** How long the last tap can be undone. */
export const UNDO_MS = 60_000

/** A tap about to be made, with what its row showed before it: the undo puts that back. */
export interface UndoableTap {
  change: CheckTap
  before: ShownCheck | null
}

export interface LastTap {
  /** What the person did, in words ("Break card: Used"). */
  what: string
  corrections: CheckTap[]
  until: number
}

/**
 * The corrections that take taps back: each support gets what it showed before (its earlier choice again),
 * or `cleared` when it had none. They are new records, so every earlier version stays on the server.
 */
export function undoOf(taps: readonly UndoableTap[]): CheckTap[] {
  return taps.map(({ change, before }) =>
    before ? { ...change, status: before.status, reason: before.reason ?? undefined } : { ...change, status: 'cleared', reason: undefined },
  )
}

/**
 * The last tap (or "All as planned"), undoable for a minute. Taps and their undo both go through `tap`, the
 * phone's queue: each has its own client id, works offline and is sent in order.
 */
export function useUndo(tap: (change: CheckTap) => TapResult) {
  const [last, setLast] = useState<LastTap | null>(null)

  useEffect(() => {
    if (!last) return
    const timer = setTimeout(() => setLast(null), Math.max(0, last.until - Date.now()))
    return () => clearTimeout(timer)
  }, [last])

  const record = useCallback(
    (taps: readonly UndoableTap[], what: string): TapResult => {
      let result: TapResult = { ok: true }
      const made: UndoableTap[] = []
      for (const t of taps) {
        const r = tap(t.change)
        if (r.ok) made.push(t)
        else result = r
      }
      if (made.length) setLast({ what, corrections: undoOf(made), until: Date.now() + UNDO_MS })
      return result
    },
    [tap],
  )

  const undo = useCallback(() => {
    if (!last) return
    for (const c of last.corrections) tap(c)
    setLast(null)
  }, [last, tap])

  return { last, record, undo }
}
