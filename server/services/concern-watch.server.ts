import { randomUUID } from 'node:crypto'
import { ALERT_TEXT, ALERTS, type Alert } from '#shared/accountability.ts'
import { isWatched } from '#shared/agreements.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { calendarForStudent } from './calendar.server.ts'
import { current, loadConcernRows } from './concerns-read.server.ts'
import { notify } from './notice-mail.server.ts'

/**
 * The watch after an agreement (docs/domain.md#agreements): for WATCH_SCHOOL_DAYS school days after a concern ended
 * with an agreement, a new accountability alert on a service the concern is linked to (through a linked session
 * record) reopens it, with a notice to the family and, for a concern the team sees, the case managers.
 *
 * It runs inside the notice pass's transaction for the student, on the alerts that pass found newly started: the pass
 * records each alert's start exactly once (the state it compares against is written in the same transaction), so a
 * concern is reopened once per alert start. A unique row per concern, alert and day guards against a repeat anyway.
 */
export async function reopenWatchedConcerns(
  trx: Executor,
  args: { studentId: string; started: readonly string[]; serviceNames: ReadonlyMap<string, string>; today: IsoDate; now: Date },
): Promise<number> {
  if (args.started.length === 0) return 0
  const agreed = await trx
    .selectFrom('concern_agreements')
    .innerJoin('concerns', 'concerns.id', 'concern_agreements.concern_id')
    .select(['concerns.id', 'concern_agreements.agreed_on'])
    .where('concerns.student_id', '=', args.studentId)
    .execute()
  if (agreed.length === 0) return 0
  const calendar = await calendarForStudent(trx, args.studentId)
  const watched = agreed.filter((a) => isWatched(a.agreed_on, args.today, calendar))
  if (watched.length === 0) return 0
  // Which service each linked session record belongs to, by the service's key (the alert names the key).
  const services = await trx
    .selectFrom('concern_links')
    .innerJoin('session_records', 'session_records.record_id', 'concern_links.record_id')
    .innerJoin('services', 'services.id', 'session_records.service_id')
    .select(['concern_links.concern_id', 'services.key'])
    .distinct()
    .where('concern_links.kind', '=', 'session')
    .where(
      'concern_links.concern_id',
      'in',
      watched.map((w) => w.id),
    )
    .execute()
  let reopened = 0
  for (const w of watched) {
    const keys = new Set(services.filter((s) => s.concern_id === w.id).map((s) => s.key))
    const hit = args.started.find((k) => keys.has(k.split(':')[0] ?? '') && (ALERTS as readonly string[]).includes(k.split(':')[1] ?? ''))
    if (!hit) continue
    const [loaded] = await loadConcernRows(trx, { studentId: args.studentId, seesFamilyOnly: true }, w.id)
    if (!loaded || current(loaded).v.status !== 'resolved') continue
    const [serviceKey = '', alert = ''] = hit.split(':')
    const serviceName = args.serviceNames.get(serviceKey) ?? serviceKey
    const inserted = await trx
      .insertInto('concern_reopens')
      .values({ id: randomUUID(), concern_id: w.id, alert_key: hit, service_name: serviceName, date: args.today, created_at: args.now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue
    reopened++
    await recordChange(trx, { actorId: null, studentId: args.studentId, now: args.now }, { entity: 'concern', entityId: w.id, action: 'reopen', after: { service: serviceName, alert } })
    // A family-only concern is told to the family alone: staff must not learn it exists.
    const roles: ('parent' | 'case_manager')[] = loaded.concern.visibility === 'family' ? ['parent'] : ['parent', 'case_manager']
    const people = await trx
      .selectFrom('team_members')
      .select('user_id')
      .distinct()
      .where('student_id', '=', args.studentId)
      .where('role', 'in', roles)
      .where('removed_at', 'is', null)
      .execute()
    const text = () => t('notices.concernReopened', { date: formatDay(w.agreed_on), service: serviceName, alert: ALERT_TEXT[alert as Alert] })
    for (const p of people) {
      await notify(trx, { userId: p.user_id, studentId: args.studentId, kind: 'concern_reopened', text, relatedId: w.id, actorId: null, subject: () => ({ service: serviceName }) }, args.now)
    }
  }
  return reopened
}
