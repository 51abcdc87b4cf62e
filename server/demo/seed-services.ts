import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { missedSessionText } from '#shared/notifications.ts'
import { DEFAULT_MAKE_UP_REASONS, type MissedReason } from '#shared/services.ts'
import type { Database } from '#db/schema.ts'

type Trx = Transaction<Database>

interface Args {
  johnnyId: string
  speechId: string
  otId: string
  caseManagerId: string
  parentId: string
  today: string
  at: string
  closures: ReadonlySet<string>
  yearStart: string
  yearEnd: string
  /** The last day whose sessions were recorded. */
  recordThrough: string
}

const DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

export function schoolDays(from: string, to: string, closures: ReadonlySet<string>, weekdays: readonly string[]): string[] {
  const out: string[] = []
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10)
    if (weekdays.includes(DAY[d.getUTCDay()]!) && !closures.has(iso)) out.push(iso)
  }
  return out
}

/**
 * Johnny's speech (2×30 min, Tue/Thu) and OT (1×45 min, Wed) since September: mostly delivered, a run of
 * provider-absent speech misses a few weeks back (with one made up), a short OT session, and two speech
 * sessions nobody recorded — the record a family needs before a follow-up meeting.
 */
export async function seedServices(trx: Trx, a: Args): Promise<{ speechServiceId: string; otServiceId: string }> {
  const september = `${a.yearStart.slice(0, 4)}-09-01`
  const services = [
    { key: 'speech', name: 'Speech-language therapy', provider: a.speechId, minutes: 30, weekdays: ['tue', 'thu'], setting: 'pull-out' as const },
    { key: 'ot', name: 'Occupational therapy', provider: a.otId, minutes: 45, weekdays: ['wed'], setting: 'push-in' as const },
  ]
  const ids: Record<string, string> = {}
  for (const s of services) {
    const id = randomUUID()
    ids[s.key] = id
    await trx
      .insertInto('services')
      .values({ id, student_id: a.johnnyId, key: s.key, name: s.name, provider_id: s.provider, setting: s.setting, grouping: 'individual', start_date: september, end_date: a.yearEnd, created_at: a.at, created_by: a.caseManagerId })
      .execute()
    await trx
      .insertInto('service_terms')
      .values({ id: randomUUID(), service_id: id, effective_from: september, minutes_per_session: s.minutes, weekdays: JSON.stringify(s.weekdays), note: null, created_at: a.at, created_by: a.caseManagerId })
      .execute()
  }

  const insert = async (r: { service: string; date: string; kind: 'delivered' | 'missed' | 'make_up'; minutes?: number; reason?: string; note?: string; repays?: string; by: string }) => {
    const recordId = randomUUID()
    await trx
      .insertInto('session_records')
      .values({
        id: randomUUID(),
        record_id: recordId,
        version: 1,
        service_id: ids[r.service]!,
        student_id: a.johnnyId,
        date: r.date,
        kind: r.kind,
        minutes: r.minutes ?? null,
        reason: r.reason ?? null,
        note: r.note ?? null,
        repays_date: r.repays ?? null,
        voided: 0,
        change_reason: null,
        recorded_by: r.by,
        recorded_at: `${r.date}T21:00:00.000Z`,
      })
      .execute()
    if (r.kind === 'missed') {
      // The family heard of each miss the evening it was recorded, as the app tells them (the seed, like the
      // rest of the demo history, writes no audit rows).
      const reason = r.reason as MissedReason
      const text = missedSessionText({ serviceName: services.find((s) => s.key === r.service)!.name, date: r.date, reason, makeUpOwed: DEFAULT_MAKE_UP_REASONS.includes(reason) })
      await trx
        .insertInto('notifications')
        .values({ id: randomUUID(), user_id: a.parentId, student_id: a.johnnyId, kind: 'session_missed', text, related_id: recordId, created_at: `${r.date}T21:00:00.000Z`, seen_at: null })
        .execute()
    }
  }

  const through = a.recordThrough
  const speech = schoolDays(september, through, a.closures, ['tue', 'thu'])
  const n = speech.length
  // A run of four provider-absent misses about three to four weeks back, and two unrecorded sessions after them.
  const missed = new Set(speech.slice(Math.max(0, n - 14), Math.max(0, n - 10)))
  const unrecorded = new Set(speech.slice(Math.max(0, n - 8), Math.max(0, n - 6)))
  for (const date of speech) {
    if (unrecorded.has(date)) continue
    if (missed.has(date)) await insert({ service: 'speech', date, kind: 'missed', reason: 'provider_absent', note: 'No substitute SLP.', by: a.speechId })
    else await insert({ service: 'speech', date, kind: 'delivered', minutes: 30, by: a.speechId })
  }
  const firstMiss = [...missed][0]
  if (firstMiss) {
    // Made up on the Friday after the run, when the provider was back.
    const makeUpDay = schoolDays(firstMiss, through, a.closures, ['fri']).find((d) => d > [...missed].at(-1)!)
    if (makeUpDay) await insert({ service: 'speech', date: makeUpDay, kind: 'make_up', minutes: 30, repays: firstMiss, by: a.speechId })
  }

  const ot = schoolDays(september, through, a.closures, ['wed'])
  for (const [i, date] of ot.entries()) {
    if (i === ot.length - 5) await insert({ service: 'ot', date, kind: 'delivered', minutes: 30, note: 'Fire drill cut the session short.', by: a.otId })
    else if (i === ot.length - 3) await insert({ service: 'ot', date, kind: 'missed', reason: 'student_absent', by: a.otId })
    else await insert({ service: 'ot', date, kind: 'delivered', minutes: 45, by: a.otId })
  }
  // Laura read the notices of the first misses the next morning; the latest speech miss and what came after
  // it are still unseen, so her home page shows them.
  const lastSpeechMiss = [...missed].at(-1)
  if (lastSpeechMiss) {
    const notices = await trx.selectFrom('notifications').select(['id', 'created_at']).where('student_id', '=', a.johnnyId).execute()
    for (const n of notices) {
      if (n.created_at.slice(0, 10) >= lastSpeechMiss) continue
      const nextMorning = new Date(Date.parse(n.created_at) + 14 * 3_600_000).toISOString()
      await trx.updateTable('notifications').set({ seen_at: nextMorning }).where('id', '=', n.id).execute()
    }
  }
  return { speechServiceId: ids.speech!, otServiceId: ids.ot! }
}
