import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import type { Alert } from '#shared/accountability.ts'
import type { LetterCheck, LetterEntry, LetterProgress, LetterService, LetterSession } from '#shared/concern-letter.ts'
import {
  complaintTimeline,
  type ComplaintTimeline,
  type ConcernStatus,
  type ConcernVisibility,
  documentedEfforts,
  type EffortInput,
  isStep,
  ladderStep,
  type LinkKind,
  type Step,
  suggestNextStep,
  type Suggestion,
  type UpdateKind,
} from '#shared/concerns.ts'
import { DomainError } from '#shared/domain-error.ts'
import type { StudentRole } from '#shared/roles.ts'
import type { AddConcernUpdateInput, ConcernLinkInput, CreateConcernInput, EditConcernInput, EscalateConcernInput } from '#shared/schemas/concerns.ts'
import { formatSchoolDate, type IsoDate } from '#shared/school-date.ts'
import { REASON_LABELS, type MissReason } from '#shared/services.ts'
import { studentAccountability } from './accountability.server.ts'
import { type Executor, recordAudit } from './audit.server.ts'
import { listGoals } from './goals.server.ts'
import { listAccommodations } from './accommodations.server.ts'
import { currentRecords } from './session-records.server.ts'
import { listServices } from './services.server.ts'

/**
 * The concern log (docs/domain.md#concerns). Visibility is enforced here, in the one query every read goes through: a
 * family-only concern exists only for the student's parents. For anyone else it is "not found", in every view.
 */

/** Who sees family-only concerns: the student's parents and guardians, nobody else. */
export function seesFamilyOnly(role: StudentRole): boolean {
  return role === 'parent'
}

interface Viewer {
  studentId: string
  role: StudentRole
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
  step: Step
  title: string
  date: IsoDate
  filedOn: IsoDate | null
  note: string
  byName: string
  createdAt: string
}

export interface ConcernVersion {
  version: number
  date: IsoDate
  issue: string
  personContacted: string
  response: string
  followUp: string
  status: ConcernStatus
  byName: string
  createdAt: string
}

export interface ConcernSummary {
  id: string
  visibility: ConcernVisibility
  createdByRole: 'parent' | 'case_manager'
  date: IsoDate
  issue: string
  personContacted: string
  response: string
  followUp: string
  status: ConcernStatus
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
  /** Whether the caller may edit it, move it up the ladder and link records (the side that logged it). */
  canEdit: boolean
}

function visibleConcerns(db: Executor, viewer: Viewer) {
  let q = db.selectFrom('concerns').where('concerns.student_id', '=', viewer.studentId)
  if (!seesFamilyOnly(viewer.role)) q = q.where('concerns.visibility', '=', 'team')
  return q
}

async function loadConcernRows(db: Executor, viewer: Viewer, concernId?: string) {
  let q = visibleConcerns(db, viewer).select(['concerns.id', 'concerns.visibility', 'concerns.created_by_role', 'concerns.created_at'])
  if (concernId) q = q.where('concerns.id', '=', concernId)
  const concerns = await q.orderBy('concerns.created_at').execute()
  const ids = concerns.map((c) => c.id)
  if (ids.length === 0) return []
  const [versions, steps, updates, links] = await Promise.all([
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
      .select(['concern_steps.concern_id', 'concern_steps.step', 'concern_steps.date', 'concern_steps.filed_on', 'concern_steps.note', 'concern_steps.created_at', 'users.name as by_name'])
      .where('concern_steps.concern_id', 'in', ids)
      // Steps only go up, so the step number orders the history (and the last is the current one).
      .orderBy('concern_steps.step')
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
  ])
  return concerns.map((c) => ({
    concern: c,
    versions: versions.filter((v) => v.concern_id === c.id),
    steps: steps.filter((s) => s.concern_id === c.id),
    updates: updates.filter((u) => u.concern_id === c.id),
    links: links.filter((l) => l.concern_id === c.id),
  }))
}

type Loaded = Awaited<ReturnType<typeof loadConcernRows>>[number]

/** The student's records a concern can link to, each with a readable label: the lists people choose from. */
export interface LinkableRecords {
  sessions: LinkedRecord[]
  checks: LinkedRecord[]
  progress: LinkedRecord[]
}

const CHECK_STATUS_TEXT = { used: 'used', not_needed: 'not needed', not_provided: 'not provided', declined: 'declined' } as const

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
        ? `missed (${(REASON_LABELS[r.reason as MissReason] ?? r.reason ?? '').toLowerCase()})`
        : r.kind === 'make_up'
          ? `make-up, ${r.minutes} min`
          : `delivered, ${r.minutes} min`
    return { kind: 'session' as const, recordId: r.recordId, date: r.date, serviceId: r.serviceId, label: `${formatSchoolDate(r.date)} · ${names.get(r.serviceId) ?? ''}: ${what}` }
  })
  const accommodations = new Map((await listAccommodations(db, studentId)).map((a) => [a.id, a.title]))
  const checkRows = await db
    .selectFrom('accommodation_checks')
    .select(['id', 'accommodation_id', 'date', 'status', 'reason'])
    .where('student_id', '=', studentId)
    .orderBy('date')
    .orderBy('recorded_at')
    .execute()
  const checks = checkRows.map((c) => ({
    kind: 'check' as const,
    recordId: c.id,
    date: c.date,
    serviceId: null,
    label: `${formatSchoolDate(c.date)} · ${accommodations.get(c.accommodation_id) ?? 'Accommodation'}: ${CHECK_STATUS_TEXT[c.status]}${c.reason ? ` (${c.reason})` : ''}`,
  }))
  const goals = new Map((await listGoals(db as DB, studentId)).map((g) => [g.id, g]))
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
      label: `${formatSchoolDate(p.date)} · ${goal ? `${goal.area} goal` : 'Goal'}: ${p.value}${goal?.unit === 'percent' ? '%' : goal?.unit === 'minutes' ? ' min' : ''}`,
    }
  })
  return { sessions, checks, progress }
}

function linkKey(kind: string, recordId: string): string {
  return `${kind}:${recordId}`
}

async function linkableIndex(db: Executor, studentId: string): Promise<Map<string, LinkedRecord>> {
  const all = await linkableRecords(db, studentId)
  return new Map([...all.sessions, ...all.checks, ...all.progress].map((r) => [linkKey(r.kind, r.recordId), r]))
}

/** Every link must name one of this student's own records: another student's record is refused, naming nothing of it. */
async function assertLinkable(db: Executor, studentId: string, links: readonly ConcernLinkInput[]): Promise<void> {
  if (links.length === 0) return
  const index = await linkableIndex(db, studentId)
  for (const link of links) {
    if (!index.has(linkKey(link.kind, link.recordId))) {
      throw new DomainError('BAD_REQUEST', 'A linked record is not one of this student’s records. Choose records from the lists.', 'links')
    }
  }
}

function assertNotFuture(date: IsoDate, today: IsoDate, field = 'date'): void {
  if (date > today) throw new DomainError('BAD_REQUEST', 'The date can’t be in the future.', field)
}

function current(loaded: Loaded) {
  const v = loaded.versions[0]
  const s = loaded.steps.at(-1)
  if (!v || !s) throw new Error(`Concern ${loaded.concern.id} has no version or step`)
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
  const step = isStep(s.step) ? s.step : 1
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
    date: v.date,
    issue: v.issue,
    personContacted: v.person_contacted,
    response: v.response,
    followUp: v.follow_up,
    status,
    step,
    stepSince: s.date,
    filedOn: s.filed_on,
    efforts: documentedEfforts(entries, s.date),
    linkCount: loaded.links.length,
    suggestion: suggestNextStep({ step, status, stepSince: s.date, entries, linkedAlerts }),
    complaint: step === 5 && s.filed_on ? complaintTimeline(s.filed_on, today) : null,
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

function mayEdit(role: StudentRole, createdByRole: 'parent' | 'case_manager'): boolean {
  return (role === 'parent' || role === 'case_manager') && role === createdByRole
}

async function loadOne(db: Executor, viewer: Viewer, concernId: string): Promise<Loaded> {
  const [loaded] = await loadConcernRows(db, viewer, concernId)
  // A family-only concern is "not found" for staff: the same answer as a concern that does not exist.
  if (!loaded) throw new DomainError('NOT_FOUND', 'That concern was not found for this student.')
  return loaded
}

export async function getConcern(db: DB, args: Viewer & { concernId: string; today: IsoDate }): Promise<ConcernDetail> {
  const loaded = await loadOne(db, args, args.concernId)
  const [index, alerts, linkable] = await Promise.all([sessionServiceIndex(db, args.studentId), alertsByService(db, args.studentId, args.today), linkableIndex(db, args.studentId)])
  const summary = summarize(loaded, args.today, index, alerts)
  return {
    ...summary,
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
    steps: loaded.steps.map((s) => ({
      step: isStep(s.step) ? s.step : 1,
      title: ladderStep(isStep(s.step) ? s.step : 1).title,
      date: s.date,
      filedOn: s.filed_on,
      note: s.note,
      byName: s.by_name,
      createdAt: s.created_at,
    })),
    versions: loaded.versions.map((v) => ({
      version: v.version,
      date: v.date,
      issue: v.issue,
      personContacted: v.person_contacted,
      response: v.response,
      followUp: v.follow_up,
      status: v.status,
      byName: v.by_name,
      createdAt: v.created_at,
    })),
    canEdit: mayEdit(args.role, loaded.concern.created_by_role),
  }
}

interface Writer extends Viewer {
  actorId: string
  now: Date
  today: IsoDate
}

export async function createConcern(db: DB, args: Omit<CreateConcernInput, 'studentId'> & Writer): Promise<{ concernId: string }> {
  assertNotFuture(args.date, args.today)
  const role = args.role
  if (role !== 'parent' && role !== 'case_manager') throw new DomainError('FORBIDDEN', 'Only parents and the case manager log concerns.')
  // Staff cannot write a concern they would not be able to read.
  if (args.visibility === 'family' && args.role !== 'parent') {
    throw new DomainError('BAD_REQUEST', 'Only a parent can log a family-only concern.', 'visibility')
  }
  return db.transaction().execute(async (trx) => {
    const links = dedupeLinks(args.links)
    await assertLinkable(trx, args.studentId, links)
    const concernId = randomUUID()
    const at = args.now.toISOString()
    await trx
      .insertInto('concerns')
      .values({ id: concernId, student_id: args.studentId, visibility: args.visibility, created_by: args.actorId, created_by_role: role, created_at: at })
      .execute()
    await trx
      .insertInto('concern_versions')
      .values({
        id: randomUUID(),
        concern_id: concernId,
        version: 1,
        date: args.date,
        issue: args.issue,
        person_contacted: args.personContacted,
        response: args.response,
        follow_up: args.followUp,
        status: args.status,
        created_by: args.actorId,
        created_at: at,
      })
      .execute()
    await trx.insertInto('concern_steps').values({ id: randomUUID(), concern_id: concernId, step: 1, date: args.date, filed_on: null, note: '', created_by: args.actorId, created_at: at }).execute()
    for (const link of links) {
      await trx.insertInto('concern_links').values({ id: randomUUID(), concern_id: concernId, kind: link.kind, record_id: link.recordId, added_by: args.actorId, added_at: at }).execute()
    }
    await recordAudit(trx, {
      actorId: args.actorId,
      studentId: args.studentId,
      entity: 'concern',
      entityId: concernId,
      action: 'create',
      after: { date: args.date, issue: args.issue, status: args.status, visibility: args.visibility, links: links.length },
      at: args.now,
    })
    return { concernId }
  })
}

function dedupeLinks(links: readonly ConcernLinkInput[]): ConcernLinkInput[] {
  const seen = new Set<string>()
  return links.filter((l) => {
    const key = linkKey(l.kind, l.recordId)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function assertMayEdit(args: Viewer, loaded: Loaded): void {
  if (!mayEdit(args.role, loaded.concern.created_by_role)) {
    const side = loaded.concern.created_by_role === 'parent' ? 'the family' : 'the case manager'
    throw new DomainError('FORBIDDEN', `This concern was logged by ${side}; only they can change it. You can add a response.`)
  }
}

/** An edit is a new version: the earlier wording stays, with who changed it and when. */
export async function editConcern(db: DB, args: Omit<EditConcernInput, 'studentId'> & Writer): Promise<void> {
  assertNotFuture(args.date, args.today)
  await db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    assertMayEdit(args, loaded)
    const { v } = current(loaded)
    const next = { date: args.date, issue: args.issue, person_contacted: args.personContacted, response: args.response, follow_up: args.followUp, status: args.status }
    const unchanged = (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === v[k])
    if (unchanged) throw new DomainError('BAD_REQUEST', 'Nothing changed: edit a field before saving.')
    await trx
      .insertInto('concern_versions')
      .values({ id: randomUUID(), concern_id: args.concernId, version: v.version + 1, ...next, created_by: args.actorId, created_at: args.now.toISOString() })
      .execute()
    await recordAudit(trx, {
      actorId: args.actorId,
      studentId: args.studentId,
      entity: 'concern',
      entityId: args.concernId,
      action: 'update',
      before: { date: v.date, issue: v.issue, personContacted: v.person_contacted, response: v.response, followUp: v.follow_up, status: v.status },
      after: { date: args.date, issue: args.issue, personContacted: args.personContacted, response: args.response, followUp: args.followUp, status: args.status },
      at: args.now,
    })
  })
}

/** A contact or a response, appended with its author and date. Everyone who can see the concern may add one. */
export async function addConcernUpdate(db: DB, args: Omit<AddConcernUpdateInput, 'studentId'> & Writer): Promise<{ updateId: string }> {
  assertNotFuture(args.date, args.today)
  return db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    if (args.date < current(loaded).v.date) throw new DomainError('BAD_REQUEST', 'An entry can’t be dated before the concern was raised.', 'date')
    const updateId = randomUUID()
    await trx
      .insertInto('concern_updates')
      .values({ id: updateId, concern_id: args.concernId, kind: args.kind, date: args.date, person: args.person, text: args.text, author_id: args.actorId, created_at: args.now.toISOString() })
      .execute()
    await recordAudit(trx, {
      actorId: args.actorId,
      studentId: args.studentId,
      entity: 'concern',
      entityId: args.concernId,
      action: `add_${args.kind}`,
      after: { date: args.date, person: args.person, text: args.text },
      at: args.now,
    })
    return { updateId }
  })
}

export async function linkConcernRecords(db: DB, args: Viewer & { concernId: string; links: ConcernLinkInput[]; actorId: string; now: Date }): Promise<{ added: number }> {
  return db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    assertMayEdit(args, loaded)
    const links = dedupeLinks(args.links)
    await assertLinkable(trx, args.studentId, links)
    const existing = new Set(loaded.links.map((l) => linkKey(l.kind, l.record_id)))
    const fresh = links.filter((l) => !existing.has(linkKey(l.kind, l.recordId)))
    if (fresh.length === 0) throw new DomainError('CONFLICT', 'Those records are already linked to this concern.', 'links')
    for (const link of fresh) {
      await trx
        .insertInto('concern_links')
        .values({ id: randomUUID(), concern_id: args.concernId, kind: link.kind, record_id: link.recordId, added_by: args.actorId, added_at: args.now.toISOString() })
        .execute()
    }
    await recordAudit(trx, { actorId: args.actorId, studentId: args.studentId, entity: 'concern', entityId: args.concernId, action: 'link', after: { links: fresh }, at: args.now })
    return { added: fresh.length }
  })
}

/** Moving a concern up the ladder (never down: a step taken stays on the record) records the date. */
export async function escalateConcern(db: DB, args: Omit<EscalateConcernInput, 'studentId'> & Writer): Promise<void> {
  assertNotFuture(args.date, args.today)
  if (args.filedOn) assertNotFuture(args.filedOn, args.today, 'filedOn')
  await db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    assertMayEdit(args, loaded)
    const { v, s } = current(loaded)
    if (v.status === 'resolved') throw new DomainError('BAD_REQUEST', 'This concern is resolved. Reopen it before moving it up the ladder.', 'step')
    if (args.step <= s.step) throw new DomainError('BAD_REQUEST', `Choose a step above the current one (${s.step}. ${ladderStep(s.step).title}).`, 'step')
    if (args.date < s.date) throw new DomainError('BAD_REQUEST', `The date can’t be before the current step began (${formatSchoolDate(s.date)}).`, 'date')
    if (args.step === 5 && !args.filedOn) throw new DomainError('BAD_REQUEST', 'Enter the date the state complaint was filed: the 60-day decision date counts from it.', 'filedOn')
    if (args.step !== 5 && args.filedOn) throw new DomainError('BAD_REQUEST', 'A filing date belongs to a state complaint (step 5) only.', 'filedOn')
    await trx
      .insertInto('concern_steps')
      .values({
        id: randomUUID(),
        concern_id: args.concernId,
        step: args.step,
        date: args.date,
        filed_on: args.filedOn ?? null,
        note: args.note,
        created_by: args.actorId,
        created_at: args.now.toISOString(),
      })
      .execute()
    await recordAudit(trx, {
      actorId: args.actorId,
      studentId: args.studentId,
      entity: 'concern',
      entityId: args.concernId,
      action: 'escalate',
      before: { step: s.step },
      after: { step: args.step, date: args.date, filedOn: args.filedOn ?? null, note: args.note },
      at: args.now,
    })
  })
}

/** The concern log's rows for the CSV export: exactly the concerns the caller may see. */
export async function concernLogRows(db: DB, viewer: Viewer & { today: IsoDate }) {
  const loaded = await loadConcernRows(db, viewer)
  return loaded.map((l) => {
    const { v, s } = current(l)
    return {
      date: v.date,
      issue: v.issue,
      personContacted: v.person_contacted,
      response: v.response,
      followUp: v.follow_up,
      status: v.status,
      step: (isStep(s.step) ? s.step : 1) as Step,
    }
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
  const titles = new Map((await listAccommodations(db, args.studentId)).map((a) => [a.id, a.title]))
  const checks = linkedCheckIds.length
    ? await db.selectFrom('accommodation_checks').select(['accommodation_id', 'date', 'status', 'reason']).where('student_id', '=', args.studentId).where('id', 'in', linkedCheckIds).execute()
    : []
  const linkedPointIds = loaded.links.filter((l) => l.kind === 'progress').map((l) => l.record_id)
  const goals = new Map((await listGoals(db, args.studentId)).map((g) => [g.id, g]))
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
      text: v.response.trim() ? `response recorded: ${v.response.trim()}` : 'concern raised',
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
    sessions: linkedSessions.map((r) => ({ date: r.date, serviceName: serviceName.get(r.serviceId) ?? '', kind: r.kind, minutes: r.minutes, reason: r.reason })),
    checks: checks.map((c) => ({ date: c.date, title: titles.get(c.accommodation_id) ?? 'Accommodation', status: c.status, reason: c.reason })),
    progress: points.map((p) => {
      const g = goals.get(p.goal_id)
      return { date: p.date, goalArea: g?.area ?? 'A', value: `${p.value}${g?.unit === 'percent' ? '%' : g?.unit === 'minutes' ? ' minutes' : ''}`, note: p.note }
    }),
    entries,
  }
}

/** Ids of the family-only concerns of a student: what the history hides from everyone but parents. */
export function familyOnlyConcernIds(db: Executor, studentId: string) {
  return db.selectFrom('concerns').select('id').where('student_id', '=', studentId).where('visibility', '=', 'family')
}
