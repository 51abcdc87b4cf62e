/**
 * The server's one clock. Everything that asks "what time is it?" (the seed, tRPC contexts, Remix loaders,
 * the collaboration server, housekeeping) takes it from here, so tests can run the whole app on a chosen
 * day instead of whatever day the suite happens to run on (docs/decisions/008-one-clock.md).
 */
export type Clock = () => Date

/** The name of the setting, and of the per-browser cookie the test clock honours. */
export const CLOCK_VARIABLE = 'SAME_PAGE_NOW'
export const TEST_CLOCK_COOKIE = 'same-page-test-now'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/

/**
 * Reads a clock setting: `2026-11-18` (10:00 that morning, local time: a school morning) or a full
 * `2026-11-18T14:30:00` (local unless it carries an offset). Null when the text is not one of those or
 * names an impossible date.
 */
export function parseClockSetting(value: string): Date | null {
  const text = value.trim()
  if (!DATE_ONLY.test(text) && !DATE_TIME.test(text)) return null
  const at = DATE_ONLY.test(text) ? new Date(`${text}T10:00:00`) : new Date(text)
  if (Number.isNaN(at.getTime())) return null
  // new Date('2026-02-30T10:00') rolls over to March: refuse dates that do not exist.
  const local = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(text) && local !== text.slice(0, 10)) return null
  const year = at.getFullYear()
  return year >= 2000 && year <= 2100 ? at : null
}

/**
 * A clock that starts at `start` and runs on with real time, so records made during a test keep their
 * order and "a minute ago" stays true.
 */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow()
  return () => new Date(realNow() + offset)
}

export const realClock: Clock = () => new Date()

/**
 * The clock for this process: the real one, or in development and tests the day `SAME_PAGE_NOW` names.
 * Production never honours it (config refuses to start with it set), so no deployment can run on a fake day.
 */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const setting = env[CLOCK_VARIABLE]
  if (!setting || env.NODE_ENV === 'production') return realClock
  const start = parseClockSetting(setting)
  if (!start) throw new Error(`${CLOCK_VARIABLE} must be a date (2026-11-18) or a date and time (2026-11-18T14:30:00); got "${setting}".`)
  return clockStartingAt(start)
}

let processClock: Clock | null = null

/** The process-wide clock, read from the environment once. Tests and the server share it. */
export function systemClock(): Date {
  processClock ??= clockFromEnvironment()
  return processClock()
}

/**
 * Test clock per browser: with the test clock on (never in production), a request carrying the
 * `same-page-test-now` cookie is served as if it were that moment. Browser journeys use it to visit a
 * Saturday, a holiday or the summer break on one server; anything else falls back to the process clock.
 */
export function clockForRequest(cookieHeader: string | undefined, fallback: Clock): Clock {
  if (!cookieHeader) return fallback
  const match = cookieHeader.match(new RegExp(`(?:^|;\\s*)${TEST_CLOCK_COOKIE}=([^;]+)`))
  if (!match) return fallback
  let text: string
  try {
    text = decodeURIComponent(match[1]!)
  } catch {
    return fallback
  }
  const at = parseClockSetting(text)
  // Time runs on from the cookie's moment at the server's pace, so two taps in one journey keep their order.
  return at ? () => new Date(at.getTime() + (Date.now() - bootedAt)) : fallback
}

const bootedAt = Date.now()
