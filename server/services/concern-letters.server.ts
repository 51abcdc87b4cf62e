import type { DB } from '#db/client.server.ts'
import type { LetterCheck, LetterEntry, LetterProgress, LetterService, LetterSession } from '#shared/concern-letter.ts'
import { type ConcernVisibility, isStep, type Step } from '#shared/concerns.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { studentAccountability } from './accountability.server.ts'
import { listAccommodations } from './accommodations.server.ts'
import { current, loadOne, type Viewer } from './concerns-read.server.ts'
import { listGoals } from './goals.server.ts'
import { currentRecords } from './session-records.server.ts'
import { sessionsForServices } from './session-checklist.server.ts'
import { listServices } from './services.server.ts'
import { t } from '#shared/i18n/i18n.ts'
import { namesInOtherLanguages } from '#shared/plain-translations.ts'

export interface LetterFacts {
  student: { name: string }
  step: Step
  concern: { date: IsoDate; issue: string }
  visibility: ConcernVisibility
  services: LetterService[]
  sessions: LetterSession[]
  checks: LetterCheck[]
  progress: LetterProgress[]
  entries: LetterEntry[]
}

/**
 * What the letter builder needs, from the records: the linked records, the IEP's terms and the accountability
 * numbers of the linked services, and the concern's dated contacts. On a family-only concern every contact and
 * response is family-only: the letter leaves it out unless the family picks it.
 */
export async function letterFacts(db: DB, args: Viewer & { concernId: string; today: IsoDate }): Promise<LetterFacts> {
  const loaded = await loadOne(db, args, args.concernId)
  const { v, s } = current(loaded)
  const student = await db.selectFrom('students').select('name').where('id', '=', args.studentId).executeTakeFirstOrThrow()
  const services = await listServices(db, { studentIds: [args.studentId] })
  const records = await currentRecords(
    db,
    services.map((x) => x.id),
  )
  const linkedSessionIds = new Set(loaded.links.filter((l) => l.kind === 'session').map((l) => l.record_id))
  const linkedSessions = records.filter((r) => linkedSessionIds.has(r.recordId) && !r.voided)
  const serviceName = new Map(services.map((x) => [x.id, x.name]))
  const serviceIds = new Set(linkedSessions.map((r) => r.serviceId))
  const numbers = await studentAccountability(db, args.studentId, args.today)
  // Each linked miss with the make-ups that repay it and what is still owed, by the same rules as the sessions page.
  const firstLinked = linkedSessions.reduce<IsoDate>((min, r) => (r.date < min ? r.date : min), args.today)
  const rows = await sessionsForServices(
    db,
    services.filter((x) => serviceIds.has(x.id)),
    firstLinked,
    args.today,
    args.today,
  )
  const rowOf = (serviceId: string, date: IsoDate) => rows.find((x) => x.service.id === serviceId)?.rows.find((r) => r.date === date)
  const letterServices = services
    .filter((x) => serviceIds.has(x.id))
    .flatMap((x) => {
      const n = numbers.services.find((ns) => ns.key === x.key)
      return n
        ? [
            {
              name: x.name,
              minutesPerSession: n.minutesPerSession,
              weekdays: n.weekdays,
              minutesMandated: n.minutesMandated,
              minutesDelivered: n.minutesDelivered,
              sessions: n.sessions,
              ledger: n.ledger,
            },
          ]
        : []
    })
  const linkedCheckIds = loaded.links.filter((l) => l.kind === 'check').map((l) => l.record_id)
  // The plan's name of each support and its names in other languages: the letter picks by its own language.
  const supports = new Map((await listAccommodations(db, args.studentId)).map((a) => [a.id, a]))
  const checks = linkedCheckIds.length
    ? await db.selectFrom('accommodation_checks').select(['accommodation_id', 'date', 'status', 'reason']).where('student_id', '=', args.studentId).where('id', 'in', linkedCheckIds).execute()
    : []
  const linkedPointIds = loaded.links.filter((l) => l.kind === 'progress').map((l) => l.record_id)
  const goals = new Map((await listGoals(db, args.studentId, { includeEnded: true })).map((g) => [g.id, g]))
  const points = linkedPointIds.length
    ? await db.selectFrom('progress_points').select(['goal_id', 'date', 'value', 'note']).where('student_id', '=', args.studentId).where('id', 'in', linkedPointIds).where('voided_at', 'is', null).execute()
    : []
  const familyOnly = loaded.concern.visibility === 'family'
  const entries: LetterEntry[] = []
  if (v.person_contacted.trim() || v.response.trim()) {
    entries.push({
      id: 'first-contact',
      date: v.date,
      kind: 'contact',
      person: v.person_contacted,
      text: v.response.trim() ? t('refusals.records.responseRecorded', { response: v.response.trim() }) : t('refusals.records.concernRaised'),
      familyOnly,
    })
  }
  for (const u of loaded.updates) entries.push({ id: u.id, date: u.date, kind: u.kind, person: u.person, text: u.text, familyOnly })
  return {
    student: { name: student.name },
    step: (isStep(s.step) ? s.step : 1) as Step,
    concern: { date: v.date, issue: v.issue },
    visibility: loaded.concern.visibility,
    services: letterServices,
    sessions: linkedSessions.map((r) => {
      const row = r.kind === 'missed' ? rowOf(r.serviceId, r.date) : undefined
      return {
        date: r.date,
        serviceName: serviceName.get(r.serviceId) ?? '',
        kind: r.kind,
        minutes: r.minutes,
        reason: r.reason,
        makeUps: (row?.makeUps ?? []).map((m) => ({ date: m.date, minutes: m.minutes ?? 0 })),
        owedMinutes: row?.owedMinutes ?? 0,
      }
    }),
    checks: checks.map((c) => {
      const support = supports.get(c.accommodation_id)
      const title = support?.title ?? t('refusals.records.accommodation')
      return { date: c.date, title, titles: support ? namesInOtherLanguages(support) : {}, status: c.status, reason: c.reason }
    }),
    progress: points.map((p) => {
      const g = goals.get(p.goal_id)
      return { date: p.date, goalArea: g?.area ?? 'A', value: `${p.value}${g?.unit === 'percent' ? '%' : g?.unit === 'minutes' ? t('refusals.records.minutesSuffix') : ''}`, note: p.note }
    }),
    entries,
  }
}

