import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '#db/schema.ts'

type Trx = Transaction<Database>

const WEEKEND = new Set([0, 6])

/** The first school day on or after `date` and on or before `last`, or null. */
function schoolDayFrom(date: string, last: string, closures: ReadonlySet<string>): string | null {
  for (let d = new Date(`${date}T00:00:00Z`), n = 0; n < 14; d.setUTCDate(d.getUTCDate() + 1), n++) {
    const iso = d.toISOString().slice(0, 10)
    if (iso > last) return null
    if (!WEEKEND.has(d.getUTCDay()) && !closures.has(iso)) return iso
  }
  return null
}

/**
 * Leo's counseling, "60 minutes a month" in sessions of about 30 (docs/formats.md#period-mandates), held by the case
 * manager on days she chooses: two 30-minute sessions each month, near the 3rd and the 12th (clear of the winter break), recorded up to
 * `recordThrough`. Every month so far is met, so the demo's numbers and alerts for other services are unchanged.
 */
export async function seedPeriodService(
  trx: Trx,
  a: { leoId: string; caseManagerId: string; yearStart: string; yearEnd: string; recordThrough: string; closures: ReadonlySet<string>; at: string },
): Promise<string> {
  const september = `${a.yearStart.slice(0, 4)}-09-01`
  const id = randomUUID()
  await trx
    .insertInto('services')
    .values({ id, student_id: a.leoId, key: 'counseling', name: 'Counseling', provider_id: a.caseManagerId, setting: 'pull-out', grouping: 'individual', start_date: september, end_date: a.yearEnd, created_at: a.at, created_by: a.caseManagerId })
    .execute()
  await trx
    .insertInto('service_terms')
    .values({ id: randomUUID(), service_id: id, effective_from: september, minutes_per_session: 30, weekdays: '[]', per: 'month', sessions_per_period: null, minutes_per_period: 60, note: null, created_at: a.at, created_by: a.caseManagerId })
    .execute()
  for (let month = new Date(`${september}T00:00:00Z`), n = 0; n < 12; month.setUTCMonth(month.getUTCMonth() + 1), n++) {
    const first = month.toISOString().slice(0, 10)
    if (first > a.recordThrough || first > a.yearEnd) break
    const next = new Date(month)
    next.setUTCMonth(next.getUTCMonth() + 1)
    next.setUTCDate(0)
    const last = [a.recordThrough, a.yearEnd, next.toISOString().slice(0, 10)].sort()[0]!
    for (const dayOfMonth of ['03', '12']) {
      const date = schoolDayFrom(`${first.slice(0, 8)}${dayOfMonth}`, last, a.closures)
      if (!date) continue
      await trx
        .insertInto('session_records')
        .values({
          id: randomUUID(),
          record_id: randomUUID(),
          version: 1,
          service_id: id,
          student_id: a.leoId,
          date,
          kind: 'delivered',
          minutes: 30,
          reason: null,
          note: null,
          repays_date: null,
          voided: 0,
          change_reason: null,
          recorded_by: a.caseManagerId,
          recorded_at: `${date}T21:00:00.000Z`,
        })
        .execute()
    }
  }
  return id
}
