import type { IsoDate } from './school-date.ts'
import { periodTermOn, type ServicePeriod, servicePeriods } from './service-periods.ts'
import type { MissedReason, MissReason, ServiceSchedule } from './services.ts'
import type { RecordLike } from './session-status.ts'

/** A due session for the alerts, oldest first: missed (any reason) or unrecorded, and whether the school's. */
export interface MissLike {
  date: IsoDate
  miss: boolean
  schoolMiss: boolean
}

export interface PeriodTally {
  minutesMandated: number
  minutesOwed: number
  sessions: { due: number; delivered: number; missed: number; unrecorded: number; pending: number }
  missedByReason: Partial<Record<MissedReason, number>>
  missLike: MissLike[]
}

/** The delivered and missed records of one period (make-ups repay, they are not the period's sessions). */
export function periodRecords<R extends RecordLike>(service: ServiceSchedule, period: ServicePeriod, records: readonly R[]): R[] {
  return records.filter(
    (r) => !r.voided && r.kind !== 'make_up' && r.date >= period.start && r.date <= period.end && periodTermOn(service, r.date)?.per === period.per,
  )
}

/**
 * The numbers of a service's months and reporting periods as of a date, exactly as docs/formats.md#period-mandates
 * defines them. Only ended periods count: a period's whole mandate is due once its last school day is past the
 * pending days, or earlier once it is met.
 */
export function periodTally(args: {
  service: ServiceSchedule
  /** Live records up to asOf. */
  records: readonly RecordLike[]
  closures: ReadonlySet<IsoDate>
  asOf: IsoDate
  pendingFrom: IsoDate
  owed: ReadonlySet<MissReason>
  schoolReasons: ReadonlySet<string>
}): PeriodTally {
  const out: PeriodTally = {
    minutesMandated: 0,
    minutesOwed: 0,
    sessions: { due: 0, delivered: 0, missed: 0, unrecorded: 0, pending: 0 },
    missedByReason: {},
    missLike: [],
  }
  for (const period of servicePeriods(args.service, args.closures)) {
    if (period.lastDay > args.asOf) continue
    const own = periodRecords(args.service, period, args.records)
    const delivered = own.filter((r) => r.kind === 'delivered')
    const missed = own.filter((r) => r.kind === 'missed')
    const given = delivered.reduce((sum, r) => sum + (r.minutes ?? 0), 0)
    const open = period.sessions - delivered.length - missed.length
    if (given < period.minutes && period.lastDay >= args.pendingFrom) {
      out.sessions.pending += Math.max(1, open)
      continue
    }
    // Sessions fewer than owed are unrecorded only while minutes are short: a met mandate owes nothing more.
    const unrecorded = given >= period.minutes ? 0 : Math.max(0, open)
    out.minutesMandated += period.minutes
    out.sessions.due += delivered.length + missed.length + unrecorded
    out.sessions.delivered += delivered.length
    out.sessions.missed += missed.length
    out.sessions.unrecorded += unrecorded
    // The shortfall is explained first by misses the policy owes, then by the others; what is left is unrecorded.
    let short = Math.max(0, period.minutes - given)
    const owedMisses = missed.filter((r) => args.owed.has(r.reason!)).length
    const owedByMisses = Math.min(short, owedMisses * period.sessionMinutes)
    short -= owedByMisses
    short -= Math.min(short, (missed.length - owedMisses) * period.sessionMinutes)
    out.minutesOwed += owedByMisses + (args.owed.has('unrecorded') ? short : 0)
    for (const r of missed) out.missedByReason[r.reason!] = (out.missedByReason[r.reason!] ?? 0) + 1
    for (const r of own) out.missLike.push({ date: r.date, miss: r.kind === 'missed', schoolMiss: r.kind === 'missed' && args.schoolReasons.has(r.reason!) })
    for (let i = 0; i < unrecorded; i++) out.missLike.push({ date: period.lastDay, miss: true, schoolMiss: true })
  }
  return out
}

export interface PeriodProgress<R extends RecordLike = RecordLike> {
  per: ServicePeriod['per']
  start: IsoDate
  end: IsoDate
  sessions: number
  minutes: number
  sessionMinutes: number
  /** The period's live delivered and missed records, oldest first. */
  records: R[]
  delivered: number
  minutesDelivered: number
}

/** Where a month's or reporting period's service stands on `date`: "1 of 4 sessions this month". Null if none holds it. */
export function periodProgress<R extends RecordLike>(service: ServiceSchedule, records: readonly R[], closures: ReadonlySet<IsoDate>, date: IsoDate): PeriodProgress<R> | null {
  const period = servicePeriods(service, closures).find((p) => p.start <= date && date <= p.end)
  if (!period) return null
  const own = periodRecords(service, period, records).sort((a, b) => a.date.localeCompare(b.date))
  const delivered = own.filter((r) => r.kind === 'delivered')
  return {
    per: period.per,
    start: period.start,
    end: period.end,
    sessions: period.sessions,
    minutes: period.minutes,
    sessionMinutes: period.sessionMinutes,
    records: own,
    delivered: delivered.length,
    minutesDelivered: delivered.reduce((sum, r) => sum + (r.minutes ?? 0), 0),
  }
}
