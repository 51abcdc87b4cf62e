import { lastInstructionalDays } from './school-calendar.ts'
import type { IsoDate } from './school-date.ts'
import type { MissedReason, ScheduledSession } from './services.ts'

/** The smallest slice of a session record the status rules need. */
export interface RecordLike {
  recordId: string
  date: IsoDate
  kind: 'delivered' | 'missed' | 'make_up'
  minutes: number | null
  reason: MissedReason | null
  repaysDate: IsoDate | null
  voided: boolean
}

export type SessionStatus = 'delivered' | 'missed' | 'pending' | 'unrecorded' | 'upcoming'

/** docs/formats.md#pending: a session unrecorded within the last 5 instructional days up to asOf is pending, not yet unrecorded. */
export const PENDING_DAYS = 5

export interface SessionRow<R extends RecordLike = RecordLike> {
  date: IsoDate
  mandateMinutes: number
  status: SessionStatus
  /** The live (not voided) delivered or missed record for this session. */
  record: R | null
  /** Voided records for this date, shown struck through. */
  voided: R[]
  /** Make-ups that repay this session, and the minutes still owed. */
  makeUps: R[]
  owedMinutes: number
}

/**
 * Joins a service's scheduled sessions with its records as of a day. A session with no live record is
 * upcoming (after asOf), pending (within the last 5 instructional days) or unrecorded (older: an
 * undocumented session is not a delivered one).
 */
export function sessionRows<R extends RecordLike>(
  scheduled: readonly ScheduledSession[],
  records: readonly R[],
  closures: ReadonlySet<IsoDate>,
  asOf: IsoDate,
  owesMakeUp: (reason: MissedReason | 'unrecorded') => boolean,
): SessionRow<R>[] {
  const pendingFrom = lastInstructionalDays(asOf, PENDING_DAYS, closures)[0] ?? asOf
  return scheduled.map((s) => {
    const forDay = records.filter((r) => r.date === s.date && r.kind !== 'make_up')
    const record = forDay.find((r) => !r.voided) ?? null
    const makeUps = records.filter((r) => r.kind === 'make_up' && !r.voided && r.repaysDate === s.date)
    let status: SessionStatus
    if (record) status = record.kind === 'delivered' ? 'delivered' : 'missed'
    else if (s.date > asOf) status = 'upcoming'
    else status = s.date >= pendingFrom ? 'pending' : 'unrecorded'
    const owes =
      (status === 'missed' && record?.reason && owesMakeUp(record.reason)) || (status === 'unrecorded' && owesMakeUp('unrecorded'))
    const repaid = makeUps.reduce((sum, m) => sum + (m.minutes ?? 0), 0)
    return {
      date: s.date,
      mandateMinutes: s.minutes,
      status,
      record,
      voided: forDay.filter((r) => r.voided),
      makeUps,
      owedMinutes: owes ? Math.max(0, s.minutes - repaid) : 0,
    }
  })
}
