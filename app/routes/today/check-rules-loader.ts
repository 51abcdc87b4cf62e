import type * as CheckRulesModule from './check-rules.ts'

type CheckRules = typeof CheckRulesModule

let loaded: CheckRules | null = null
let loading: Promise<CheckRules> | null = null

/**
 * Fetches the tap rules (check-rules.ts, with zod) once. Started as soon as Today's code runs in the browser, so
 * they are in place by the first tap; offline, the service worker has the chunk. A failed fetch is tried again on
 * the next call.
 */
export function loadCheckRules(): Promise<CheckRules> {
  loading ??= import('./check-rules.ts').then(
    (rules) => (loaded = rules),
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}

/** The rules if they have arrived; null while they are still on their way. */
export function checkRules(): CheckRules | null {
  return loaded
}
