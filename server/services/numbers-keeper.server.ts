import type { DB } from '#db/client.server.ts'
import { addDays, localIsoDate, type IsoDate } from '#shared/school-date.ts'
import { caseload } from './accountability.server.ts'
import { dropKeptBefore } from './numbers-kept.server.ts'
import { startPeriodicPass } from './periodic-pass.server.ts'
import { yieldToOthers } from './yield-to-others.server.ts'

/** Kept copies older than this many days are dropped (a later ask recomputes them, identically). */
const KEEP_DAYS = 7

/**
 * Makes every school's numbers for `today` ahead of the first person to ask (a school of 2,000 students is seconds of
 * work cold, milliseconds kept) and drops old copies. One school at a time, yielding between rounds.
 */
export async function warmKeptNumbers(db: DB, today: IsoDate): Promise<{ schools: number; services: number }> {
  const schools = await db.selectFrom('schools').select('id').execute()
  let services = 0
  for (const school of schools) {
    services += (await caseload(db, { userId: '', asOf: today, scope: { schoolId: school.id } })).length
    await yieldToOthers()
  }
  await dropKeptBefore(db, addDays(today, -KEEP_DAYS))
  return { schools: schools.length, services }
}

/** Warms at start-up (after the first requests are served) and again each day once the date has changed. */
export function startNumbersKeeper(args: { db: DB; now: () => Date; firstAfterMs?: number; everyMs?: number }): { stop: () => Promise<void> } {
  let warmedFor: IsoDate | null = null
  const pass = async () => {
    const today = localIsoDate(args.now())
    if (warmedFor === today) return
    await warmKeptNumbers(args.db, today)
    warmedFor = today
  }
  // Checked every few minutes, it warms once per day, soon after midnight.
  return startPeriodicPass(pass, { what: 'Warming the accountability numbers', firstAfterMs: args.firstAfterMs ?? 10_000, everyMs: args.everyMs ?? 5 * 60_000 })
}
