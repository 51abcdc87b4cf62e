/**
 * A background pass run once after start-up (when the first requests have been served) and then on a timer, never
 * two at a time: a tick while one runs is skipped. A failed pass is logged and the next tick tries again. The timers
 * never keep the process alive; `stop` waits for a pass in flight.
 */
export function startPeriodicPass(pass: () => Promise<unknown>, args: { what: string; firstAfterMs: number; everyMs: number }): { stop: () => Promise<void> } {
  let running: Promise<unknown> | null = null
  const tick = () => {
    if (running) return
    running = pass()
      .catch((error: unknown) => console.error(`${args.what} failed; the next one tries again`, error))
      .finally(() => {
        running = null
      })
  }
  const first = setTimeout(tick, args.firstAfterMs)
  const timer = setInterval(tick, args.everyMs)
  first.unref()
  timer.unref()
  return {
    stop: async () => {
      clearTimeout(first)
      clearInterval(timer)
      await running
    },
  }
}
