import { afterEach, beforeEach } from 'vitest'

/**
 * A console.error during a test fails that test (docs/decisions/013-shared-test-setup.md, after the Epic Stack's setup): an error
 * the app only logs (a tRPC INTERNAL_SERVER_ERROR, a failed query) must not pass unnoticed. The message is
 * still printed so the cause is visible. Replaced directly rather than with vi.spyOn, so a test's own
 * vi.restoreAllMocks() cannot switch the guard off.
 */
const original = console.error
let logged: unknown[][] = []

beforeEach(() => {
  logged = []
  console.error = (...args: unknown[]) => {
    logged.push(args)
    original(...args)
  }
})

afterEach(() => {
  console.error = original
  if (logged.length > 0) {
    const first = logged[0]!.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')
    const count = logged.length
    logged = []
    throw new Error(`console.error was called ${count} time${count === 1 ? '' : 's'} during this test; first: ${first}`)
  }
})
