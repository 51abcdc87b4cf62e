import type { DB } from '#db/client.server.ts'
import { ALERTS, type Alert } from '#shared/accountability.ts'
import { alertKey, alertText, alertTransitions, sessionUnrecordedText } from '#shared/notifications.ts'
import { addDays, formatSchoolDate, type IsoDate, localIsoDate } from '#shared/school-date.ts'
import type { Executor } from './audit.server.ts'
import { studentAccountability } from './accountability.server.ts'
import { calendarNotices } from './iep-calendar.server.ts'
import { reopenWatchedConcerns } from './concern-watch.server.ts'
import { notify } from './notice-mail.server.ts'
import { sessionsForServices } from './session-checklist.server.ts'
import { listServices } from './services.server.ts'
import { startPeriodicPass } from './periodic-pass.server.ts'
import { yieldToOthers } from './yield-to-others.server.ts'

/**
 * How far back an unrecorded session is still announced: long enough to catch up after the server was down over
 * a holiday, short enough that the first pass after notices arrived does not announce a whole year of old gaps
 * (those are on the caseload page already).
 */
export const UNRECORDED_LOOKBACK_DAYS = 21

export interface PassResult {
  alertNotices: number
  unrecordedNotices: number
  /** IEP dates, reports and goal data due soon or late (docs/iep-calendar.md), told to the case managers. */
  calendarNotices: number
}

/**
 * The server's periodic look at every student (docs/decisions/019-alert-transitions.md): each alert that started or
 * cleared since the last look, told to the student's parents and case managers; each session whose recording
 * window has closed unrecorded, told to the case managers once, ever. One transaction per student: the new state
 * and its notices (and mails) land together, so a crash mid-pass repeats nothing and the next pass catches up.
 */
export async function runNoticePass(db: DB, now: Date): Promise<PassResult> {
  const today = localIsoDate(now)
  const students = await db.selectFrom('students').select('id').orderBy('id').execute()
  const result: PassResult = { alertNotices: 0, unrecordedNotices: 0, calendarNotices: 0 }
  for (const { id } of students) {
    await yieldToOthers()
    result.alertNotices += await alertsPass(db, id, today, now)
    result.unrecordedNotices += await unrecordedPass(db, id, today, now)
    result.calendarNotices += await calendarNotices(db, id, today, now)
  }
  return result
}

function parseKeys(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : []
  } catch {
    return []
  }
}

async function teamOf(db: Executor, studentId: string, roles: ('parent' | 'case_manager')[]): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .select('user_id')
    .distinct()
    .where('student_id', '=', studentId)
    .where('role', 'in', roles)
    .where('removed_at', 'is', null)
    .execute()
  return rows.map((r) => r.user_id)
}

async function alertsPass(db: DB, studentId: string, today: IsoDate, now: Date): Promise<number> {
  const numbers = await studentAccountability(db, studentId, today)
  const names = new Map<string, string>()
  const current: string[] = []
  for (const service of numbers.services) {
    names.set(service.key, service.name)
    for (const alert of service.alerts) current.push(alertKey(service.key, alert))
  }
  return db.transaction().execute(async (trx) => {
    const state = await trx.selectFrom('notice_alert_state').select('alerts').where('student_id', '=', studentId).executeTakeFirst()
    const at = now.toISOString()
    const json = JSON.stringify([...current].sort())
    if (!state) {
      // The first look is the baseline: alerts already on before notices existed are not news.
      await trx.insertInto('notice_alert_state').values({ student_id: studentId, alerts: json, checked_at: at }).execute()
      return 0
    }
    const { started, cleared } = alertTransitions(parseKeys(state.alerts), current)
    await trx.updateTable('notice_alert_state').set({ alerts: json, checked_at: at }).where('student_id', '=', studentId).execute()
    // An alert's start is seen here exactly once: a concern watched after its agreement reopens in the same transaction.
    await reopenWatchedConcerns(trx, { studentId, started, serviceNames: names, today, now })
    if (started.length === 0 && cleared.length === 0) return 0
    const people = await teamOf(trx, studentId, ['parent', 'case_manager'])
    let sent = 0
    const changes = [...started.map((key) => ({ key, started: true })), ...cleared.map((key) => ({ key, started: false }))]
    for (const change of changes) {
      const [serviceKey = '', alert = ''] = change.key.split(':')
      if (!(ALERTS as readonly string[]).includes(alert)) continue
      const serviceName = names.get(serviceKey) ?? serviceKey
      const text = () => alertText({ serviceName, alert: alert as Alert, started: change.started })
      for (const userId of people) {
        const made = await notify(
          trx,
          { userId, studentId, kind: change.started ? 'alert_started' : 'alert_cleared', text, relatedId: change.key, actorId: null, subject: () => ({ service: serviceName }) },
          now,
        )
        if (made) sent++
      }
    }
    return sent
  })
}

async function unrecordedPass(db: DB, studentId: string, today: IsoDate, now: Date): Promise<number> {
  const services = await listServices(db, { studentIds: [studentId] })
  if (services.length === 0) return 0
  const sessions = await sessionsForServices(db, services, addDays(today, -UNRECORDED_LOOKBACK_DAYS), today, today)
  const gaps = sessions.flatMap((s) => s.rows.filter((r) => r.status === 'unrecorded').map((r) => ({ serviceId: s.service.id, serviceName: s.service.name, date: r.date })))
  if (gaps.length === 0) return 0
  return db.transaction().execute(async (trx) => {
    const announced = await trx
      .selectFrom('notice_unrecorded_sent')
      .select(['service_id', 'date'])
      .where(
        'service_id',
        'in',
        services.map((s) => s.id),
      )
      .execute()
    const done = new Set(announced.map((a) => `${a.service_id}:${a.date}`))
    const fresh = gaps.filter((g) => !done.has(`${g.serviceId}:${g.date}`))
    if (fresh.length === 0) return 0
    const caseManagers = await teamOf(trx, studentId, ['case_manager'])
    let sent = 0
    for (const gap of fresh) {
      await trx.insertInto('notice_unrecorded_sent').values({ service_id: gap.serviceId, date: gap.date, sent_at: now.toISOString() }).execute()
      const text = () => sessionUnrecordedText({ serviceName: gap.serviceName, date: gap.date })
      for (const userId of caseManagers) {
        const made = await notify(
          trx,
          {
            userId,
            studentId,
            kind: 'session_unrecorded',
            text,
            relatedId: `${gap.serviceId}:${gap.date}`,
            actorId: null,
            subject: () => ({ service: gap.serviceName, date: formatSchoolDate(gap.date) }),
          },
          now,
        )
        if (made) sent++
      }
    }
    return sent
  })
}

/**
 * Runs the pass shortly after start-up (catching up whatever happened while the server was down) and then every `everyMs`.
 * A pass never overlaps the last one; a failed pass is logged and the next one tries again.
 */
export function startNoticePass(args: { db: DB; now: () => Date; everyMs?: number; firstAfterMs?: number }): { stop: () => Promise<void> } {
  // The first pass (the catch-up) waits until start-up's own work is done and the first requests are served.
  return startPeriodicPass(() => runNoticePass(args.db, args.now()), {
    what: 'The notice pass',
    firstAfterMs: args.firstAfterMs ?? 30_000,
    everyMs: args.everyMs ?? 5 * 60_000,
  })
}
