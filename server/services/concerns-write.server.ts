import type { AuditActionOf } from '#shared/audit-events.ts'
import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { type ConcernSide, filedOnRefusal, ladderStep, takeBackOf } from '#shared/concerns.ts'
import { DomainError } from '#shared/domain-error.ts'
import {
  type AddAgreementItemInput,
  type AddConcernUpdateInput,
  type ConcernLinkInput,
  type CreateConcernInput,
  type EditConcernInput,
  type EscalateConcernInput,
  ITEM_DUE_MAX_DAYS,
  type RecordAgreementInput,
  type TakeBackStepInput,
} from '#shared/schemas/concerns.ts'
import { addDays, type IsoDate } from '#shared/school-date.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { current, ladderEntries, linkableIndex, linkKey, loadOne, type Viewer } from './concerns-read.server.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'

/** Writing the concern log: every change is a new row (version, update, link, step), never an overwrite. */

/** Every link must name one of this student's own records: another student's record is refused, naming nothing of it. */
async function assertLinkable(db: Executor, studentId: string, links: readonly ConcernLinkInput[]): Promise<void> {
  if (links.length === 0) return
  const index = await linkableIndex(db, studentId)
  for (const link of links) {
    if (!index.has(linkKey(link.kind, link.recordId))) {
      throw new DomainError('BAD_REQUEST', t('refusals.linkNotOwn'), 'links')
    }
  }
}

/** Every change to a concern is audited against the concern, by the person writing. */
function auditConcern(trx: Executor, args: { actorId: string; studentId: string; now: Date }, concernId: string, action: AuditActionOf<'concern'>, change: { before?: unknown; after: unknown }): Promise<void> {
  return recordChange(trx, args, { entity: 'concern', entityId: concernId, action, ...change })
}

function assertNotFuture(date: IsoDate, today: IsoDate, field = 'date'): void {
  if (date > today) throw new DomainError('BAD_REQUEST', t('refusals.futureDate'), field)
}

/** Whether the caller's side may change the concern is checked before these run (the owned rule `concern.editOwnSide`). */
interface Writer extends Viewer {
  actorId: string
  now: Date
  today: IsoDate
}

export async function createConcern(db: DB, args: Omit<CreateConcernInput, 'studentId'> & Writer & { side: ConcernSide | null }): Promise<{ concernId: string }> {
  assertNotFuture(args.date, args.today)
  const side = args.side
  if (!side) throw new DomainError('FORBIDDEN', t('refusals.concernSidesOnly'))
  // Staff cannot write a concern they would not be able to read.
  if (args.visibility === 'family' && !args.seesFamilyOnly) {
    throw new DomainError('BAD_REQUEST', t('refusals.familyOnlyByParent'), 'visibility')
  }
  return db.transaction().execute(async (trx) => {
    const links = dedupeLinks(args.links)
    await assertLinkable(trx, args.studentId, links)
    const concernId = randomUUID()
    const at = args.now.toISOString()
    await trx
      .insertInto('concerns')
      .values({ id: concernId, student_id: args.studentId, visibility: args.visibility, created_by: args.actorId, created_by_role: side, created_at: at })
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
    await auditConcern(trx, args, concernId, 'create', { after: { date: args.date, issue: args.issue, status: args.status, visibility: args.visibility, links: links.length } })
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

/** An edit is a new version: the earlier wording stays, with who changed it and when. */
export async function editConcern(db: DB, args: Omit<EditConcernInput, 'studentId'> & Writer): Promise<void> {
  assertNotFuture(args.date, args.today)
  await db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    const { v } = current(loaded)
    const next = { date: args.date, issue: args.issue, person_contacted: args.personContacted, response: args.response, follow_up: args.followUp, status: args.status }
    const unchanged = (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === v[k])
    if (unchanged) throw new DomainError('BAD_REQUEST', t('refusals.nothingChanged'))
    await trx
      .insertInto('concern_versions')
      .values({ id: randomUUID(), concern_id: args.concernId, version: v.version + 1, ...next, created_by: args.actorId, created_at: args.now.toISOString() })
      .execute()
    await auditConcern(trx, args, args.concernId, 'update', { before: { date: v.date, issue: v.issue, personContacted: v.person_contacted, response: v.response, followUp: v.follow_up, status: v.status }, after: { date: args.date, issue: args.issue, personContacted: args.personContacted, response: args.response, followUp: args.followUp, status: args.status } })
  })
}

/** A contact or a response, appended with its author and date. Everyone who can see the concern may add one. */
export async function addConcernUpdate(db: DB, args: Omit<AddConcernUpdateInput, 'studentId'> & Writer): Promise<{ updateId: string }> {
  assertNotFuture(args.date, args.today)
  return db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    if (args.date < current(loaded).v.date) throw new DomainError('BAD_REQUEST', t('refusals.entryBeforeRaised'), 'date')
    const updateId = randomUUID()
    await trx
      .insertInto('concern_updates')
      .values({ id: updateId, concern_id: args.concernId, kind: args.kind, date: args.date, person: args.person, text: args.text, author_id: args.actorId, created_at: args.now.toISOString() })
      .execute()
    await auditConcern(trx, args, args.concernId, `add_${args.kind}`, { after: { date: args.date, person: args.person, text: args.text } })
    return { updateId }
  })
}

export async function linkConcernRecords(db: DB, args: Viewer & { concernId: string; links: ConcernLinkInput[]; actorId: string; now: Date }): Promise<{ added: number }> {
  return db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    const links = dedupeLinks(args.links)
    await assertLinkable(trx, args.studentId, links)
    const existing = new Set(loaded.links.map((l) => linkKey(l.kind, l.record_id)))
    const fresh = links.filter((l) => !existing.has(linkKey(l.kind, l.recordId)))
    if (fresh.length === 0) throw new DomainError('CONFLICT', t('refusals.linksAlreadyLinked'), 'links')
    for (const link of fresh) {
      await trx
        .insertInto('concern_links')
        .values({ id: randomUUID(), concern_id: args.concernId, kind: link.kind, record_id: link.recordId, added_by: args.actorId, added_at: args.now.toISOString() })
        .execute()
    }
    await auditConcern(trx, args, args.concernId, 'link', { after: { links: fresh } })
    return { added: fresh.length }
  })
}

/** Moving a concern up the ladder (never down: a step taken stays on the record) records the date. */
export async function escalateConcern(db: DB, args: Omit<EscalateConcernInput, 'studentId'> & Writer): Promise<void> {
  assertNotFuture(args.date, args.today)
  if (args.filedOn) assertNotFuture(args.filedOn, args.today, 'filedOn')
  await db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    const { v, s } = current(loaded)
    if (v.status === 'resolved') throw new DomainError('BAD_REQUEST', t('refusals.resolvedReopen'), 'step')
    if (args.step <= s.step) throw new DomainError('BAD_REQUEST', t('refusals.stepNotAbove', { step: s.step, title: ladderStep(s.step).title }), 'step')
    if (args.date < s.date) throw new DomainError('BAD_REQUEST', t('refusals.beforeStepBegan', { date: formatDay(s.date) }), 'date')
    const filing = filedOnRefusal(args.step, args.filedOn)
    if (filing) throw new DomainError('BAD_REQUEST', filing, 'filedOn')
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
    await auditConcern(trx, args, args.concernId, 'escalate', { before: { step: s.step }, after: { step: args.step, date: args.date, filedOn: args.filedOn ?? null, note: args.note } })
  })
}

/**
 * Taking back the latest step that stands (one recorded by mistake) writes a new `take_back` row at the step it returns
 * to; the mistaken step stays in the log. `args.step` is the step the person saw standing: if it has changed since (a
 * second tap, another tab), nothing is written.
 */
export async function takeBackConcernStep(db: DB, args: Omit<TakeBackStepInput, 'studentId'> & Writer): Promise<{ step: number }> {
  return db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    const back = takeBackOf(ladderEntries(loaded))
    if (!back) throw new DomainError('BAD_REQUEST', t('refusals.ladderTakeBack.nothingToTakeBack'), 'step')
    if (back.from.step !== args.step) throw new DomainError('CONFLICT', t('refusals.ladderTakeBack.stepMoved', { current: back.from.step, step: args.step }), 'step')
    await trx
      .insertInto('concern_steps')
      .values({
        id: randomUUID(),
        concern_id: args.concernId,
        kind: 'take_back',
        step: back.to.step,
        date: args.today,
        filed_on: null,
        note: args.note,
        created_by: args.actorId,
        created_at: args.now.toISOString(),
      })
      .execute()
    await auditConcern(trx, args, args.concernId, 'take_back_step', { before: { step: back.from.step }, after: { step: back.to.step, note: args.note } })
    return { step: back.to.step }
  })
}

// Agreements (docs/domain.md#agreements) ----------------------------------------------------------------------

/**
 * A concern that ended with an agreement: the day (once per concern). The concern is marked resolved by a new version
 * if it was not already, and is then watched for WATCH_SCHOOL_DAYS school days (shared/agreements.ts).
 */
export async function recordAgreement(db: DB, args: Omit<RecordAgreementInput, 'studentId'> & Writer): Promise<void> {
  assertNotFuture(args.agreedOn, args.today, 'agreedOn')
  await db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    if (loaded.agreedOn) throw new DomainError('CONFLICT', t('concerns.agreement.already', { date: formatDay(loaded.agreedOn) }), 'agreedOn')
    const first = loaded.versions.at(-1)!
    if (args.agreedOn < first.date) throw new DomainError('BAD_REQUEST', t('concerns.agreement.agreedBeforeRaised'), 'agreedOn')
    const at = args.now.toISOString()
    await trx.insertInto('concern_agreements').values({ concern_id: args.concernId, agreed_on: args.agreedOn, created_by: args.actorId, created_at: at }).execute()
    const { v } = current(loaded)
    if (v.status !== 'resolved') {
      await trx
        .insertInto('concern_versions')
        .values({
          id: randomUUID(),
          concern_id: args.concernId,
          version: loaded.versions[0]!.version + 1,
          date: v.date,
          issue: v.issue,
          person_contacted: v.person_contacted,
          response: v.response,
          follow_up: v.follow_up,
          status: 'resolved',
          created_by: args.actorId,
          created_at: at,
        })
        .execute()
    }
    await auditConcern(trx, args, args.concernId, 'agree', { before: { status: v.status }, after: { agreedOn: args.agreedOn, status: 'resolved' } })
  })
}

/** One promised item: what, who does it (a team member or words), and by when. */
export async function addAgreementItem(db: DB, args: Omit<AddAgreementItemInput, 'studentId'> & Writer): Promise<{ itemId: string }> {
  return db.transaction().execute(async (trx) => {
    const loaded = await loadOne(trx, args, args.concernId)
    if (!loaded.agreedOn) throw new DomainError('BAD_REQUEST', t('concerns.agreement.needsAgreement'))
    if (!args.whoUserId && !args.whoText.trim()) throw new DomainError('BAD_REQUEST', t('concerns.agreement.whoRequired'), 'whoText')
    if (args.dueOn < loaded.agreedOn) throw new DomainError('BAD_REQUEST', t('concerns.agreement.dueBeforeAgreed'), 'dueOn')
    if (args.dueOn > addDays(loaded.agreedOn, ITEM_DUE_MAX_DAYS)) throw new DomainError('BAD_REQUEST', t('concerns.agreement.dueTooFar'), 'dueOn')
    let whoName = args.whoText
    if (args.whoUserId) {
      const member = await trx
        .selectFrom('team_members')
        .innerJoin('users', 'users.id', 'team_members.user_id')
        .select('users.name')
        .where('team_members.student_id', '=', args.studentId)
        .where('team_members.user_id', '=', args.whoUserId)
        .where('team_members.removed_at', 'is', null)
        .executeTakeFirst()
      if (!member) throw new DomainError('BAD_REQUEST', t('concerns.agreement.whoNotOnTeam'), 'whoUserId')
      whoName = member.name
    }
    const itemId = randomUUID()
    await trx
      .insertInto('agreement_items')
      .values({
        id: itemId,
        concern_id: args.concernId,
        kind: args.kind,
        what: args.what,
        who_user_id: args.whoUserId ?? null,
        who_text: args.whoUserId ? '' : args.whoText,
        due_on: args.dueOn,
        created_by: args.actorId,
        created_at: args.now.toISOString(),
      })
      .execute()
    await auditConcern(trx, args, args.concernId, 'add_item', { after: { itemId, kind: args.kind, what: args.what, who: whoName, dueOn: args.dueOn } })
    return { itemId }
  })
}

/** Marking an item done records who and when, once; it is never unmarked. */
export async function markAgreementItemDone(db: DB, args: { concernId: string; itemId: string } & Writer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await loadOne(trx, args, args.concernId)
    const item = await trx.selectFrom('agreement_items').select(['what', 'done_at']).where('id', '=', args.itemId).where('concern_id', '=', args.concernId).executeTakeFirst()
    if (!item) throw new DomainError('NOT_FOUND', t('concerns.agreement.itemNotFound'))
    const done = await trx
      .updateTable('agreement_items')
      .set({ done_on: args.today, done_by: args.actorId, done_at: args.now.toISOString() })
      .where('id', '=', args.itemId)
      .where('done_at', 'is', null)
      .executeTakeFirst()
    if (Number(done.numUpdatedRows) === 0) throw new DomainError('CONFLICT', t('concerns.agreement.alreadyDone'))
    await auditConcern(trx, args, args.concernId, 'item_done', { after: { itemId: args.itemId, what: item.what, doneOn: args.today } })
  })
}

/**
 * A family-only concern shared with the team: one way only. The row's visibility becomes 'team' with when and by whom;
 * a concern already shared is refused, and nothing makes a shared concern family-only again.
 */
export async function shareConcern(db: DB, args: { concernId: string } & Writer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await loadOne(trx, args, args.concernId)
    const shared = await trx
      .updateTable('concerns')
      .set({ visibility: 'team', shared_at: args.now.toISOString(), shared_by: args.actorId })
      .where('id', '=', args.concernId)
      .where('student_id', '=', args.studentId)
      .where('visibility', '=', 'family')
      .executeTakeFirst()
    if (Number(shared.numUpdatedRows) === 0) throw new DomainError('BAD_REQUEST', t('concerns.share.alreadyShared'))
    await auditConcern(trx, args, args.concernId, 'share', { before: { visibility: 'family' }, after: { visibility: 'team' } })
  })
}
