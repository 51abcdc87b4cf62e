/**
 * Lets waiting requests run. better-sqlite3 is synchronous, so a background pass whose every query is awaited
 * still never gives the event loop back: without this, a pass over a whole school holds every page for seconds.
 */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
