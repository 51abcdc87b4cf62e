import { sql } from 'kysely'
import type { DB } from '#db/client.server.ts'
import type { Alert } from '#shared/accountability.ts'
import {
  complaintTimeline,
  type ComplaintTimeline,
  type ConcernSide,
  type ConcernStatus,
  type ConcernVisibility,
  documentedEfforts,
  type EffortInput,
  isStep,
  type LadderEntry,
  ladderStep,
  type LinkKind,
  standingSteps,
  type Step,
  type StepEntryKind,
  suggestNextStep,
  type Suggestion,
  takeBackOf,
  type UpdateKind,
} from '#shared/concerns.ts'
import { DomainError } from '#shared/domain-error.ts'
import { type ConcernAgreement, isWatched, itemState, watchEnds } from '#shared/agreements.ts'
export type { AgreementItem, ConcernAgreement } from '#shared/agreements.ts'
import { calendarForStudent } from './calendar.server.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { REASON_LABELS, type MissReason } from '#shared/services.ts'
import { studentAccountability } from './accountability.server.ts'
import type { Executor } from './audit.server.ts'
import { listGoals } from './goals.server.ts'
import { listAccommodations } from './accommodations.server.ts'
import { currentRecords } from './session-records.server.ts'
import { listServices } from './services.server.ts'
import { activeLanguage, t } from '#shared/i18n/i18n.ts'
import { supportNamesForReader } from '#shared/plain-translations.ts'
import { formatDay } from '#shared/i18n/format.ts'

/**
 * Reading the concern log. Visibility is enforced here, in the one query every read goes through: a family-only
 * concern exists only for those who may read it (the owned rule `concern.read`, asked by the caller). For anyone
 * else it is "not found", in every view.
 */

export interface Viewer {
  studentId: string
  /** Whether family-only concerns exist for this caller. */
  seesFamilyOnly: boolean
}

export interface LinkedRecord {
  kind: LinkKind
  recordId: string
  /** "Tue, Oct 14 · Speech-language therapy: missed (provider absent)" */
  label: string
  date: IsoDate
  /** The service a linked session record belongs to (for the suggestion's pattern check and the letter). */
  serviceId: string | null
}

export interface ConcernUpdate {
  id: string
  kind: UpdateKind
  date: IsoDate
  person: string
  text: string
  authorName: string
  createdAt: string
}

export interface ConcernStepEntry {
  /** `move`: up to `step`; `take_back`: the step `takenBack` was withdrawn and the concern is back at `step`. */
  kind: StepEntryKind
  step: Step
  takenBack: Step | null
  title: string
  date: IsoDate
  filedOn: IsoDate | null
  note: string
  byName: string
  createdAt: string
}

/** What one version of a concern says. */
export interface ConcernFields {
  date: IsoDate
  issue: string
  personContacted: string
  response: string
  followUp: string
  status: ConcernStatus
}

export interface ConcernVersion extends ConcernFields {
  version: number
  byName: string
  createdAt: string
}

export interface ConcernSummary extends ConcernFields {
  id: string
  visibility: ConcernVisibility
  createdByRole: ConcernSide
  step: Step
  stepSince: IsoDate
  filedOn: IsoDate | null
  efforts: number
  linkCount: number
  suggestion: Suggestion | null
  complaint: ComplaintTimeline | null
}

export interface ConcernDetail extends ConcernSummary {
  links: LinkedRecord[]
  updates: ConcernUpdate[]
  steps: ConcernStepEntry[]
  versions: ConcernVersion[]
  /** The agreement the concern ended with, its items and the watch after it (docs/domain.md#agreements). */
  agreement: ConcernAgreement | null
  /** When a family-only concern was shared with the team, and by whom. */
  shared: { at: string; byName: string } | null
  /** What taking a step back would do, when a step above the opening one stands. */
  takeBack: { from: Step; to: Step } | null
  /** Whether the caller may edit it, move it up the ladder and link records (the side that logged it). */
  canEdit: boolean
}

function visibleConcerns(db: Executor, viewer: Viewer) {
  let q = db.selectFrom('concerns').where('concerns.student_id', '=', viewer.studentId)
  if (!viewer.seesFamilyOnly) q = q.where('concerns.visibility', '=', 'team')
  return q
}

export async function loadConcernRows(db: Executor, viewer: Viewer, concernId?: string) {
  let q = visibleConcerns(db, viewer)
    .leftJoin('users as sharer', 'sharer.id', 'concerns.shared_by')
    .select(['concerns.id', 'concerns.visibility', 'concerns.created_by_role', 'concerns.created_at', 'concerns.shared_at', 'sharer.name as shared_by_name'])
  if (concernId) q = q.where('concerns.id', '=', concernId)
  const concerns = await q.orderBy('concerns.created_at').execute()
  const ids = concerns.map((c) => c.id)
  if (ids.length === 0) return []
  const [versions, steps, updates, links, agreements, reopens] = await Promise.all([
    db
      .selectFrom('concern_versions')
      .innerJoin('users', 'users.id', 'concern_versions.created_by')
      .select([
        'concern_versions.concern_id',
        'concern_versions.version',
        'concern_versions.date',
        'concern_versions.issue',
        'concern_versions.person_contacted',
        'concern_versions.response',
        'concern_versions.follow_up',
        'concern_versions.status',
        'concern_versions.created_at',
        'users.name as by_name',
      ])
      .where('concern_versions.concern_id', 'in', ids)
      .orderBy('concern_versions.version', 'desc')
      .execute(),
    db
      .selectFrom('concern_steps')
      .innerJoin('users', 'users.id', 'concern_steps.created_by')
      .select([
        'concern_steps.concern_id',
        'concern_steps.kind',
        'concern_steps.step',
        'concern_steps.date',
        'concern_steps.filed_on',
        'concern_steps.note',
        'concern_steps.created_at',
        'users.name as by_name',
      ])
      .where('concern_steps.concern_id', 'in', ids)
      // The order rows were written in: a take-back withdraws the move before it (two rows may share a created_at).
      .orderBy(sql`concern_steps.rowid`)
      .execute(),
    db
      .selectFrom('concern_updates')
      .innerJoin('users', 'users.id', 'concern_updates.author_id')
      .select([
        'concern_updates.id',
        'concern_updates.concern_id',
        'concern_updates.kind',
        'concern_updates.date',
        'concern_updates.person',
        'concern_updates.text',
        'concern_updates.created_at',
        'users.name as author_name',
      ])
      .where('concern_updates.concern_id', 'in', ids)
      .orderBy('concern_updates.date')
      .orderBy('concern_updates.created_at')
      .execute(),
    db.selectFrom('concern_links').select(['concern_id', 'kind', 'record_id']).where('concern_id', 'in', ids).orderBy('added_at').execute(),
    db.selectFrom('concern_agreements').select(['concern_id', 'agreed_on']).where('concern_id', 'in', ids).execute(),
    db.selectFrom('concern_reopens').select(['concern_id', 'service_name', 'date', 'created_at']).where('concern_id', 'in', ids).orderBy('created_at').execute(),
  ])
  return concerns.map((c) => ({
    concern: c,
    versions: versions.filter((v) => v.concern_id === c.id),
    steps: steps.filter((s) => s.concern_id === c.id),
    updates: updates.filter((u) => u.concern_id === c.id),
    links: links.filter((l) => l.concern_id === c.id),
    agreedOn: agreements.find((a) => a.concern_id === c.id)?.agreed_on ?? null,
    reopens: reopens.filter((r) => r.concern_id === c.id),
  }))
}

export type Loaded = Awaited<ReturnType<typeof loadConcernRows>>[number]

/**
 * The student's records a concern can link to, each with a readable label: the lists people choose from. Missed
 * sessions are marked as such, so the picker can list them first without reading the label's words.
 */
export interface LinkableRecords {
  sessions: (LinkedRecord & { missed: boolean })[]
  checks: LinkedRecord[]
  progress: LinkedRecord[]
}

export async function linkableRecords(db: Executor, studentId: string): Promise<LinkableRecords> {
  const services = await listServices(db, { studentIds: [studentId] })
  const names = new Map(services.map((s) => [s.id, s.name]))
  const records = (
    await currentRecords(
      db,
      services.map((s) => s.id),
    )
  ).filter((r) => !r.voided)
  const sessions = records.map((r) => {
    const what =
      r.kind === 'missed'
        ? t('refusals.records.sessionMissed', { reason: (REASON_LABELS[r.reason as MissReason] ?? r.reason ?? '').toLowerCase() })
        : r.kind === 'make_up'
          ? t('refusals.records.sessionMakeUp', { minutes: String(r.minutes) })
          : t('refusals.records.sessionDelivered', { minutes: String(r.minutes) })
    const label = t('refusals.records.label', { date: formatDay(r.date), name: names.get(r.serviceId) ?? '', what })
    return { kind: 'session' as const, recordId: r.recordId, date: r.date, serviceId: r.serviceId, label, missed: r.kind === 'missed' }
  })
  // Named as the reader reads them (docs/languages.md#plain-summaries).
  const accommodations = supportNamesForReader(await listAccommodations(db, studentId), activeLanguage())
  const checkRows = await db
    .selectFrom('accommodation_checks')
    .select(['id', 'accommodation_id', 'date', 'status', 'reason'])
    .where('student_id', '=', studentId)
    // An undo row is not evidence of anything: only the choices themselves can be linked.
    .where('kind', '=', 'record')
    .orderBy('date')
    .orderBy('recorded_at')
    .execute()
  const checks = checkRows.map((c) => ({
    kind: 'check' as const,
    recordId: c.id,
    date: c.date,
    serviceId: null,
    label: t('refusals.records.label', {
      date: formatDay(c.date),
      name: accommodations.get(c.accommodation_id) ?? t('refusals.records.accommodation'),
      what: t(`refusals.records.checkStatus.${c.status}`) + (c.reason ? t('refusals.records.checkReason', { reason: c.reason }) : ''),
    }),
  }))
  const goals = new Map((await listGoals(db as DB, studentId, { includeEnded: true })).map((g) => [g.id, g]))
  const points = await db
    .selectFrom('progress_points')
    .select(['id', 'goal_id', 'date', 'value', 'note'])
    .where('student_id', '=', studentId)
    .where('voided_at', 'is', null)
    .orderBy('date')
    .execute()
  const progress = points.map((p) => {
    const goal = goals.get(p.goal_id)
    return {
      kind: 'progress' as const,
      recordId: p.id,
      date: p.date,
      serviceId: null,
      label: t('refusals.records.label', {
        date: formatDay(p.date),
        name: goal ? t('refusals.records.areaGoal', { area: goal.area }) : t('refusals.records.goal'),
        what: `${p.value}${goal?.unit === 'percent' ? '%' : goal?.unit === 'minutes' ? t('refusals.records.minSuffix') : ''}`,
      }),
    }
  })
  return { sessions, checks, progress }
}

export function linkKey(kind: string, recordId: string): string {
  return `${kind}:${recordId}`
}

export async function linkableIndex(db: Executor, studentId: string): Promise<Map<string, LinkedRecord>> {
  const all = await linkableRecords(db, studentId)
  return new Map([...all.sessions, ...all.checks, ...all.progress].map((r) => [linkKey(r.kind, r.recordId), r]))
}

function fieldsOf(v: Loaded['versions'][number]): ConcernFields {
  return { date: v.date, issue: v.issue, personContacted: v.person_contacted, response: v.response, followUp: v.follow_up, status: v.status }
}

function asStep(step: number): Step {
  return isStep(step) ? step : 1
}

/** The ladder's log in the order it was written, as the pure rules read it. */
export function ladderEntries(loaded: Loaded): LadderEntry[] {
  return loaded.steps.map((s) => ({ kind: s.kind, step: asStep(s.step), date: s.date, filedOn: s.filed_on }))
}

/**
 * The latest version, and the step that stands now (moves less the ones taken back). A reopen by a new alert during
 * the agreement's watch (docs/domain.md#agreements) written after the latest version makes the concern open again,
 * until someone writes a later version.
 */
export function current(loaded: Loaded) {
  const latest = loaded.versions[0]
  const s = standingSteps(ladderEntries(loaded)).at(-1)
  if (!latest || !s) throw new Error(`Concern ${loaded.concern.id} has no version or step`)
  const reopened = loaded.reopens.some((r) => r.created_at > latest.created_at)
  const v = reopened ? { ...latest, status: 'open' as const } : latest
  return { v, s }
}

function effortsOf(loaded: Loaded): EffortInput[] {
  const first = loaded.versions.at(-1)!
  return [{ date: first.date, kind: 'opened' as const }, ...loaded.updates.map((u) => ({ date: u.date, kind: u.kind }))]
}

/** The accountability alerts of each service, for the "linked records show a pattern" half of the suggestion. */
async function alertsByService(db: DB, studentId: string, today: IsoDate): Promise<Map<string, { serviceName: string; alerts: Alert[] }>> {
  const numbers = await studentAccountability(db, studentId, today)
  const services = await listServices(db, { studentIds: [studentId] })
  const byKey = new Map(numbers.services.map((s) => [s.key, s]))
  return new Map(services.map((s) => [s.id, { serviceName: s.name, alerts: byKey.get(s.key)?.alerts ?? [] }]))
}

function summarize(loaded: Loaded, today: IsoDate, sessionService: Map<string, string>, alerts: Map<string, { serviceName: string; alerts: Alert[] }>): ConcernSummary {
  const { v, s } = current(loaded)
  const step = s.step
  const linkedServiceIds = new Set(loaded.links.filter((l) => l.kind === 'session').map((l) => sessionService.get(l.record_id)).filter((x): x is string => !!x))
  const linkedAlerts = [...linkedServiceIds].flatMap((id) => {
    const a = alerts.get(id)
    return a ? a.alerts.map((alert) => ({ serviceName: a.serviceName, alert })) : []
  })
  const entries = effortsOf(loaded)
  const status = v.status
  return {
    id: loaded.concern.id,
    visibility: loaded.concern.visibility,
    createdByRole: loaded.concern.created_by_role,
    ...fieldsOf(v),
    step,
    stepSince: s.date,
    filedOn: s.filedOn,
    efforts: documentedEfforts(entries, s.date),
    linkCount: loaded.links.length,
    suggestion: suggestNextStep({ step, status, stepSince: s.date, entries, linkedAlerts }),
    complaint: step === 5 && s.filedOn ? complaintTimeline(s.filedOn, today) : null,
  }
}

async function sessionServiceIndex(db: DB, studentId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('session_records').select(['record_id', 'service_id']).where('student_id', '=', studentId).execute()
  return new Map(rows.map((r) => [r.record_id, r.service_id]))
}

export async function listConcerns(db: DB, args: Viewer & { today: IsoDate }): Promise<ConcernSummary[]> {
  const loaded = await loadConcernRows(db, args)
  if (loaded.length === 0) return []
  const [index, alerts] = await Promise.all([sessionServiceIndex(db, args.studentId), alertsByService(db, args.studentId, args.today)])
  return loaded.map((l) => summarize(l, args.today, index, alerts)).sort((a, b) => b.date.localeCompare(a.date))
}

export async function loadOne(db: Executor, viewer: Viewer, concernId: string): Promise<Loaded> {
  const [loaded] = await loadConcernRows(db, viewer, concernId)
  // A family-only concern is "not found" for staff: the same answer as a concern that does not exist.
  if (!loaded) throw new DomainError('NOT_FOUND', t('refusals.concernNotFound'))
  return loaded
}

/** One concern in full; whether the caller may change it is the owned rule's to say (the router adds `canEdit`). */
export async function getConcern(db: DB, args: Viewer & { concernId: string; today: IsoDate }): Promise<Omit<ConcernDetail, 'canEdit'>> {
  const loaded = await loadOne(db, args, args.concernId)
  const [index, alerts, linkable, agreements] = await Promise.all([
    sessionServiceIndex(db, args.studentId),
    alertsByService(db, args.studentId, args.today),
    linkableIndex(db, args.studentId),
    concernAgreements(db, args, args.concernId),
  ])
  const summary = summarize(loaded, args.today, index, alerts)
  const entries = ladderEntries(loaded)
  const takeBack = takeBackOf(entries)
  return {
    ...summary,
    takeBack: takeBack ? { from: takeBack.from.step, to: takeBack.to.step } : null,
    agreement: agreements.get(args.concernId) ?? null,
    shared: loaded.concern.shared_at ? { at: loaded.concern.shared_at, byName: loaded.concern.shared_by_name ?? '' } : null,
    links: loaded.links.map(
      (l) =>
        linkable.get(linkKey(l.kind, l.record_id)) ?? {
          // A record voided after it was linked: the link stays, so the concern still says what it was about.
          kind: l.kind,
          recordId: l.record_id,
          date: '',
          serviceId: index.get(l.record_id) ?? null,
          label: 'A record that has since been voided',
        },
    ),
    updates: loaded.updates.map((u) => ({ id: u.id, kind: u.kind, date: u.date, person: u.person, text: u.text, authorName: u.author_name, createdAt: u.created_at })),
    steps: loaded.steps.map((s, i) => ({
      kind: s.kind,
      step: asStep(s.step),
      // The step a take-back withdrew: the one standing just before it.
      takenBack: s.kind === 'take_back' ? (standingSteps(entries.slice(0, i)).at(-1)?.step ?? null) : null,
      title: ladderStep(asStep(s.step)).title,
      date: s.date,
      filedOn: s.filed_on,
      note: s.note,
      byName: s.by_name,
      createdAt: s.created_at,
    })),
    versions: loaded.versions.map((v) => ({
      version: v.version,
      ...fieldsOf(v),
      byName: v.by_name,
      createdAt: v.created_at,
    })),
  }
}

/** The concern log's rows for the CSV export: exactly the concerns the caller may see. */
export async function concernLogRows(db: DB, viewer: Viewer & { today: IsoDate }) {
  const loaded = await loadConcernRows(db, viewer)
  return loaded.map((l) => {
    const { v, s } = current(l)
    return { ...fieldsOf(v), step: s.step }
  })
}

/** The open (not resolved) concerns the caller may see, oldest first: for the meeting brief. */
export async function openConcerns(db: DB, viewer: Viewer): Promise<{ id: string; date: IsoDate; issue: string; followUp: string }[]> {
  const loaded = await loadConcernRows(db, viewer)
  return loaded
    .map((l) => current(l).v)
    .filter((v) => v.status !== 'resolved')
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((v) => ({ id: v.concern_id, date: v.date, issue: v.issue, followUp: v.follow_up }))
}

/** Who logged a concern and who may read it: the facts its owned actions need, whoever asks. */
export async function concernOwnership(db: Executor, studentId: string, concernId: string): Promise<{ visibility: ConcernVisibility; createdByRole: ConcernSide } | null> {
  const row = await db
    .selectFrom('concerns')
    .select(['visibility', 'created_by_role'])
    .where('student_id', '=', studentId)
    .where('id', '=', concernId)
    .executeTakeFirst()
  return row ? { visibility: row.visibility, createdByRole: row.created_by_role } : null
}

/** Ids of the family-only concerns of a student: what the history hides from everyone but parents. */
export function familyOnlyConcernIds(db: Executor, studentId: string) {
  return db.selectFrom('concerns').select('id').where('student_id', '=', studentId).where('visibility', '=', 'family')
}

/**
 * The agreements of the concerns a viewer may read, by concern id: a plain exported read for the concern page, the
 * meeting brief and the family's record. Family-only concerns' agreements only when the viewer sees family-only ones.
 */
export async function concernAgreements(db: Executor, viewer: Viewer & { today: IsoDate }, concernId?: string): Promise<Map<string, ConcernAgreement>> {
  let q = visibleConcerns(db, viewer)
    .innerJoin('concern_agreements as a', 'a.concern_id', 'concerns.id')
    .select(['a.concern_id', 'a.agreed_on'])
  if (concernId) q = q.where('concerns.id', '=', concernId)
  const agreements = await q.execute()
  const out = new Map<string, ConcernAgreement>()
  if (agreements.length === 0) return out
  const ids = agreements.map((a) => a.concern_id)
  const [items, reopens, calendar] = await Promise.all([
    db
      .selectFrom('agreement_items as i')
      .leftJoin('users as who', 'who.id', 'i.who_user_id')
      .leftJoin('users as doer', 'doer.id', 'i.done_by')
      .select(['i.id', 'i.concern_id', 'i.kind', 'i.what', 'i.who_user_id', 'i.who_text', 'i.due_on', 'i.done_on', 'who.name as who_name', 'doer.name as done_by_name'])
      .where('i.concern_id', 'in', ids)
      .orderBy('i.due_on')
      .orderBy('i.created_at')
      .execute(),
    db.selectFrom('concern_reopens').select(['concern_id', 'date', 'service_name']).where('concern_id', 'in', ids).orderBy('created_at').execute(),
    calendarForStudent(db, viewer.studentId),
  ])
  for (const a of agreements) {
    const ends = watchEnds(a.agreed_on, calendar)
    out.set(a.concern_id, {
      agreedOn: a.agreed_on,
      watchEnds: ends,
      watched: isWatched(a.agreed_on, viewer.today, calendar),
      items: items
        .filter((i) => i.concern_id === a.concern_id)
        .map((i) => ({
          id: i.id,
          kind: i.kind,
          what: i.what,
          who: i.who_name ?? i.who_text,
          whoUserId: i.who_user_id,
          dueOn: i.due_on,
          state: itemState({ dueOn: i.due_on, doneOn: i.done_on }, viewer.today),
          done: i.done_on ? { on: i.done_on, byName: i.done_by_name ?? '' } : null,
        })),
      reopens: reopens.filter((r) => r.concern_id === a.concern_id).map((r) => ({ date: r.date, serviceName: r.service_name })),
    })
  }
  return out
}
