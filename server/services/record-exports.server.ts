import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { createReadableStreamFromReadable } from '@remix-run/node'
import yazl from 'yazl'
import type { DB } from '#db/client.server.ts'
import { accountabilityJson } from '#shared/accountability-json.ts'
import { concernLogCsv } from '#shared/concern-log-csv.ts'
import { DomainError } from '#shared/domain-error.ts'
import { describeHistoryEntry } from '#shared/history-text.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { OwnerKind } from '#shared/attachments.ts'
import { AGREEMENT_KIND_LABELS } from '#shared/agreements.ts'
import { EFFECT_KIND_LABELS } from '#shared/effects.ts'
import { goalVersionLines, planDocument, type PlanVersion } from '#shared/plan-document.ts'
import { areaLabel } from '#shared/plan-labels.ts'
import { agreementsCsv, effectsCsv, historyCsv, indexHtml, type IndexEntry, type IndexPage, type RecordSection, RECORD_SECTIONS, safeSegment, supportLogCsv, uniquePath } from '#shared/records-export.ts'
import { formatSchoolDate, localIsoDate } from '#shared/school-date.ts'
import { sessionLogCsv } from '#shared/session-log-csv.ts'
import { checkLog } from './accommodation-checks.server.ts'
import { listAccommodations } from './accommodations.server.ts'
import { studentAccountability } from './accountability.server.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { concernAgreements, concernLogRows, listConcerns } from './concerns-read.server.ts'
import { listEffects } from './effects.server.ts'
import { goalVersions, listGoals } from './goals.server.ts'
import { currentPlan } from './iep-calendar.server.ts'
import { concernLetters } from './letters-sent.server.ts'
import { listStudentAttachments } from './attachments.server.ts'
import { plannedMakeUps } from './make-up-plans.server.ts'
import { getNotebookContent, listNotebooks } from './notebooks.server.ts'
import { notify } from './notice-mail.server.ts'
import { getProfiles } from './profiles.server.ts'
import { issuedPdf, listReports } from './progress-reports.server.ts'
import { sessionLog } from './session-checklist.server.ts'
import { listServices } from './services.server.ts'
import { listStudentHistory } from './team.server.ts'
import { renderTextPdf } from './text-pdf.server.ts'

/**
 * One student's whole record as one ZIP (docs/records.md): built in the background, one at a time, into the data
 * folder beside the database; the row says where it stands and, once ready, exactly what it holds (paths, size,
 * SHA-256). `side` decides what is in it: the family's copy holds the family-only concerns; the school's copy
 * (a records request, answered by the school admin) never does, and leaves out the notebooks, which the school
 * admin may not open (docs/roles.md) and the family holds already.
 */

export type ExportSide = 'family' | 'school'

/** A family may ask for this many files a day per child: each is the whole record, and disk is finite. */
export const EXPORTS_PER_DAY = 10
/** The history in the file: everything, bounded so a runaway log cannot fill the disk. */
const HISTORY_MAX = 200_000

export interface RecordExportView {
  id: string
  side: ExportSide
  status: 'queued' | 'building' | 'ready' | 'failed'
  createdAt: string
  finishedAt: string | null
  size: number | null
  sha256: string | null
  fileCount: number | null
}

type Entry = Omit<IndexEntry, 'size'> & ({ bytes: Uint8Array | string } | { file: string })

// Where the files live: beside the database file, whatever folder it is in (tests each have their own).
const dataDirs = new WeakMap<DB, string>()

export async function dataDirOf(db: DB): Promise<string> {
  const known = dataDirs.get(db)
  if (known) return known
  const rows = (await sql<{ name: string; file: string }>`pragma database_list`.execute(db)).rows
  const main = rows.find((r) => r.name === 'main')
  if (!main?.file) throw new Error('The records export needs a database file (not an in-memory database)')
  const dir = path.dirname(main.file)
  dataDirs.set(db, dir)
  return dir
}

export async function exportFilePath(db: DB, exportId: string): Promise<string> {
  return path.join(await dataDirOf(db), 'exports', `${safeSegment(exportId)}.zip`)
}

/** The made file as a web stream (for a download), or null when it is not on disk. */
export async function openExportFile(db: DB, exportId: string): Promise<ReadableStream<Uint8Array> | null> {
  const file = await exportFilePath(db, exportId)
  let handle: fs.promises.FileHandle
  try {
    handle = await fs.promises.open(file, 'r')
  } catch {
    return null
  }
  return createReadableStreamFromReadable(handle.createReadStream())
}

function view(r: {
  id: string
  side: ExportSide
  status: RecordExportView['status']
  created_at: string
  finished_at: string | null
  size: number | null
  sha256: string | null
  contents: string | null
}): RecordExportView {
  return {
    id: r.id,
    side: r.side,
    status: r.status,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    size: r.size,
    sha256: r.sha256,
    fileCount: r.contents ? (JSON.parse(r.contents) as string[]).length : null,
  }
}

const VIEW_COLUMNS = ['id', 'side', 'status', 'created_at', 'finished_at', 'size', 'sha256', 'contents'] as const

/** The files a person asked for about a student (every one of the side's with no person given), newest first. */
export async function listMyExports(db: DB, args: { studentId: string; userId: string | null; side: ExportSide }): Promise<RecordExportView[]> {
  let query = db.selectFrom('record_exports').select(VIEW_COLUMNS).where('student_id', '=', args.studentId).where('side', '=', args.side)
  if (args.userId) query = query.where('requested_by', '=', args.userId)
  const rows = await query
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute()
  return rows.map(view)
}

export async function getExport(db: DB, exportId: string): Promise<(RecordExportView & { studentId: string; requestedBy: string }) | null> {
  const row = await db
    .selectFrom('record_exports')
    .select([...VIEW_COLUMNS, 'student_id', 'requested_by'])
    .where('id', '=', exportId)
    .executeTakeFirst()
  return row ? { ...view(row), studentId: row.student_id, requestedBy: row.requested_by } : null
}

/**
 * Asks for a new file: refused past EXPORTS_PER_DAY a day; one already waiting or being made for the same person,
 * student and side is returned instead of a second. The build itself runs after the caller's request returns.
 */
export async function requestExport(
  db: DB,
  args: { studentId: string; userId: string; side: ExportSide; now: Date; requestId?: string; clock?: () => Date },
): Promise<{ exportId: string; alreadyRunning: boolean }> {
  const made = await db.transaction().execute(async (trx) => {
    const running = await trx
      .selectFrom('record_exports')
      .select('id')
      .where('student_id', '=', args.studentId)
      .where('requested_by', '=', args.userId)
      .where('side', '=', args.side)
      .where('status', 'in', ['queued', 'building'])
      .executeTakeFirst()
    // A records request answered by this file is linked in the same transaction, before the build can finish.
    const link = async (exportId: string) => {
      if (args.requestId) await trx.updateTable('records_requests').set({ export_id: exportId }).where('id', '=', args.requestId).where('fulfilled_on', 'is', null).execute()
    }
    if (running) {
      await link(running.id)
      return { exportId: running.id, alreadyRunning: true }
    }
    const since = new Date(args.now.getTime() - 24 * 3600_000).toISOString()
    const { n } = await trx
      .selectFrom('record_exports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('student_id', '=', args.studentId)
      .where('requested_by', '=', args.userId)
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow()
    if (Number(n) >= EXPORTS_PER_DAY) throw new DomainError('TOO_MANY_REQUESTS', t('records.exports.tooMany', { count: EXPORTS_PER_DAY }))
    const exportId = randomUUID()
    await trx
      .insertInto('record_exports')
      .values({ id: exportId, student_id: args.studentId, requested_by: args.userId, side: args.side, status: 'queued', created_at: args.now.toISOString() })
      .execute()
    await link(exportId)
    return { exportId, alreadyRunning: false }
  })
  if (!made.alreadyRunning) scheduleExport(db, made.exportId, args.clock)
  return made
}

// One build at a time for the whole process: a large record streams to disk without holding the event loop, and
// a second family's request waits its turn instead of doubling the load on a small server.
const queue: { db: DB; exportId: string; clock: (() => Date) | undefined }[] = []
let draining: Promise<void> | null = null

/** `clock`: the asking request's (the day the file is made and a request fulfilled); the system's when resumed. */
export function scheduleExport(db: DB, exportId: string, clock?: () => Date): void {
  queue.push({ db, exportId, clock })
  if (!draining) {
    draining = (async () => {
      // Let the request that asked for it answer first.
      await new Promise((resolve) => setImmediate(resolve))
      for (let job = queue.shift(); job; job = queue.shift()) await runExport(job.db, job.exportId, job.clock)
    })().finally(() => {
      draining = null
    })
  }
}

/** Resolves once every file asked for so far is made (or failed): for tests and a clean shutdown. */
export async function exportsIdle(): Promise<void> {
  while (draining) await draining
}

/** At start-up: files that were waiting or half-made when the server stopped are made again. */
export async function resumeExports(db: DB): Promise<number> {
  const rows = await db.selectFrom('record_exports').select('id').where('status', 'in', ['queued', 'building']).orderBy('created_at').execute()
  for (const r of rows) scheduleExport(db, r.id)
  return rows.length
}

/**
 * Makes one file: gathers the records as its side may see them, writes the ZIP to a temporary name while hashing
 * it, then renames it into place and marks the row ready. A failure marks the row failed and leaves no file.
 */
export async function runExport(db: DB, exportId: string, clock: () => Date = () => new Date()): Promise<void> {
  const claimed = await db
    .updateTable('record_exports')
    .set({ status: 'building' })
    .where('id', '=', exportId)
    .where('status', 'in', ['queued', 'building'])
    .returning(['student_id', 'requested_by', 'side', 'created_at'])
    .executeTakeFirst()
  if (!claimed) return
  const target = await exportFilePath(db, exportId)
  const partial = `${target}.part`
  try {
    const madeAt = new Date(claimed.created_at)
    const { entries, page } = await gatherRecord(db, { studentId: claimed.student_id, side: claimed.side, requestedBy: claimed.requested_by, madeAt })
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const written = await writeZip(entries, page, partial, madeAt)
    fs.renameSync(partial, target)
    const finishedAt = clock()
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('record_exports')
        .set({ status: 'ready', finished_at: finishedAt.toISOString(), size: written.size, sha256: written.sha256, contents: JSON.stringify(written.paths), error: null })
        .where('id', '=', exportId)
        .execute()
      const facts = { side: claimed.side, files: written.paths.length, size: written.size, sha256: written.sha256 }
      // The family's own copy is its business: kept in the audit log, not shown in the student's history to staff.
      const historyStudent = claimed.side === 'school' ? claimed.student_id : null
      await recordChange(trx, { actorId: claimed.requested_by, studentId: historyStudent, now: finishedAt }, { entity: 'record_export', entityId: exportId, action: 'make', after: facts })
      await fulfilRequestsOf(trx, { exportId, studentId: claimed.student_id, adminId: claimed.requested_by, at: finishedAt, facts, paths: written.paths })
      if (claimed.side === 'family') {
        const student = await trx.selectFrom('students').select(['name', 'preferred_name']).where('id', '=', claimed.student_id).executeTakeFirstOrThrow()
        const first = student.preferred_name?.trim() || student.name.trim().split(/\s+/)[0] || student.name
        await notify(
          trx,
          {
            userId: claimed.requested_by,
            studentId: claimed.student_id,
            kind: 'records_ready',
            text: () => t('records.exports.noticeReady', { student: first }),
            relatedId: exportId,
            actorId: null,
            subject: () => ({}),
          },
          finishedAt,
        )
      }
    })
  } catch (error) {
    fs.rmSync(partial, { force: true })
    if (!isClosedDatabase(error)) {
      console.error('records export failed', exportId, error)
      await db
        .updateTable('record_exports')
        .set({ status: 'failed', finished_at: clock().toISOString(), error: t('records.exports.failedReason') })
        .where('id', '=', exportId)
        .execute()
        .catch(() => undefined)
    }
  }
}

function isClosedDatabase(error: unknown): boolean {
  return error instanceof Error && /database connection is not open|driver has already been destroyed/i.test(error.message)
}

/** A records request answered by this file is fulfilled the moment the file is made: the day, who, and what was given. */
async function fulfilRequestsOf(
  trx: Executor,
  args: { exportId: string; studentId: string; adminId: string; at: Date; facts: Record<string, unknown>; paths: string[] },
): Promise<void> {
  const requests = await trx.selectFrom('records_requests').select(['id', 'requested_by', 'received_on']).where('export_id', '=', args.exportId).where('fulfilled_on', 'is', null).execute()
  for (const r of requests) {
    await trx
      .updateTable('records_requests')
      .set({ fulfilled_on: localIsoDate(args.at), fulfilled_by: args.adminId })
      .where('id', '=', r.id)
      .execute()
    await recordChange(
      trx,
      { actorId: args.adminId, studentId: args.studentId, now: args.at },
      {
        entity: 'records_request',
        entityId: r.id,
        action: 'fulfil',
        after: { requestedBy: r.requested_by, receivedOn: r.received_on, fulfilledOn: localIsoDate(args.at), ...args.facts, paths: args.paths },
      },
    )
  }
}

/** Every file of the record, as `side` may see it, with what each one is. */
export async function gatherRecord(
  db: DB,
  args: { studentId: string; side: ExportSide; requestedBy: string; madeAt: Date },
): Promise<{ entries: Entry[]; page: Omit<IndexPage, 'entries'> }> {
  const { studentId, side, madeAt } = args
  const today = localIsoDate(madeAt)
  const family = side === 'family'
  const viewer = { studentId, seesFamilyOnly: family, today }
  const student = await db
    .selectFrom('students')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select(['students.name', 'schools.name as school'])
    .where('students.id', '=', studentId)
    .executeTakeFirstOrThrow()
  const frame = { schoolName: student.school, studentName: student.name }
  const entries: Entry[] = []
  const add = (entry: Entry) => entries.push(entry)

  // The plan as it stands and every version of its parts.
  const [goals, accommodations, services, profiles, iep] = await Promise.all([
    listGoals(db, studentId, { includeEnded: true }),
    listAccommodations(db, studentId),
    listServices(db, { studentIds: [studentId], today }),
    getProfiles(db, studentId),
    currentPlan(db, studentId),
  ])
  const versions: PlanVersion[] = []
  for (const g of goals) {
    for (const v of await goalVersions(db, studentId, g.id)) {
      versions.push({
        kind: 'goal',
        subject: t('records.plan.goalSubject', { area: areaLabel(g.area) }),
        version: v.version,
        createdAt: v.createdAt,
        createdBy: v.createdBy,
        lines: goalVersionLines(v),
      })
    }
  }
  for (const a of await accommodationVersionRows(db, studentId)) {
    versions.push({ kind: 'accommodation', subject: t('records.plan.accommodationSubject', { title: a.title }), version: a.version, createdAt: a.createdAt, createdBy: a.createdBy, lines: [a.description] })
  }
  const planDoc = planDocument({
    studentName: student.name,
    asOf: today,
    iep: iep && { startDate: iep.startDate, endDate: iep.endDate, annualReviewDate: iep.annualReviewDate, reevaluationDate: iep.reevaluationDate },
    profiles: { communication: profiles.communication as unknown as Record<string, string>, regulation: profiles.regulation as unknown as Record<string, string> },
    goals,
    accommodations,
    services: services.map((s) => ({ name: s.name, providerName: s.providerName, startDate: s.startDate, endDate: s.endDate, terms: s.terms })),
    versions,
  })
  add({
    path: 'plan/plan.pdf',
    section: 'plan',
    description: t('records.index.describe.plan'),
    bytes: await renderTextPdf(planDoc, { frame, date: madeAt, subject: planDoc.intro }),
  })

  // The numbers, in the public format, and the logs behind them.
  const [numbers, planned] = await Promise.all([studentAccountability(db, studentId, today), plannedMakeUps(db, studentId)])
  add({
    path: 'numbers/accountability.json',
    section: 'numbers',
    description: t('records.index.describe.accountability'),
    bytes: `${JSON.stringify(accountabilityJson(numbers, planned), null, 2)}\n`,
  })
  add({ path: 'records/sessions.csv', section: 'records', description: t('records.index.describe.sessions'), bytes: sessionLogCsv(await sessionLog(db, studentId)) })
  add({ path: 'records/supports.csv', section: 'records', description: t('records.index.describe.supports'), bytes: supportLogCsv(await checkLog(db, studentId)) })
  const goalNames = new Map(goals.map((g) => [g.id, areaLabel(g.area)]))
  const effects = await listEffects(db, studentId)
  add({
    path: 'records/what-happened-next.csv',
    section: 'records',
    description: t('records.index.describe.effects'),
    bytes: effectsCsv(
      effects.map((e) => ({
        date: e.date,
        kind: EFFECT_KIND_LABELS[e.kind],
        goal: e.goalId ? (goalNames.get(e.goalId) ?? '') : '',
        note: e.note,
        recordedBy: e.recordedByName,
        recordedAt: e.recordedAt,
        corrected: e.corrected,
      })),
    ),
  })

  // The concern log as this side sees it, and every letter of each concern.
  add({ path: 'concerns/concern-log.csv', section: 'concerns', description: t('records.index.describe.concernLog'), bytes: concernLogCsv(await concernLogRows(db, viewer)) })
  const concerns = await listConcerns(db, viewer)
  const agreements = await concernAgreements(db, viewer)
  if (agreements.size) {
    const byId = new Map(concerns.map((c) => [c.id, c]))
    add({
      path: 'concerns/agreements.csv',
      section: 'concerns',
      description: t('records.index.describe.agreements'),
      bytes: agreementsCsv(
        [...agreements].map(([concernId, a]) => ({
          concernDate: byId.get(concernId)?.date ?? '',
          concern: byId.get(concernId)?.issue ?? '',
          agreedOn: a.agreedOn,
          watchEnds: a.watchEnds,
          items: a.items.map((i) => ({ kind: AGREEMENT_KIND_LABELS[i.kind], what: i.what, who: i.who, dueOn: i.dueOn, state: i.state, done: i.done })),
        })),
      ),
    })
  }
  for (const concern of concerns) {
    const { letters } = await concernLetters(db, { ...viewer, concernId: concern.id })
    for (const letter of letters) {
      const text = [
        `${letter.subject}`,
        `${formatSchoolDate(letter.sentOn)} · ${letter.sentByName} · ${letter.recipients.map((r) => r.name).join(', ')}`,
        '',
        letter.body,
        '',
      ].join('\n')
      add({
        path: `concerns/letters/${letter.sentOn} ${safeSegment(letter.subject, 'letter')}.txt`,
        section: 'concerns',
        description: t('records.index.describe.letter', { date: formatSchoolDate(concern.date), subject: letter.subject }),
        bytes: text,
      })
    }
  }

  // Progress reports: every issued version, the very bytes the family was sent.
  for (const report of await listReports(db, { studentId, issuedOnly: true })) {
    for (const v of report.versions) {
      const { pdf } = await issuedPdf(db, { studentId, periodId: report.period.id, version: v.version })
      add({
        path: `reports/${safeSegment(report.period.name, 'period')} v${v.version}.pdf`,
        section: 'reports',
        description: t('records.index.describe.report', { period: report.period.name, version: v.version }),
        bytes: pdf,
      })
    }
  }

  // Notebooks, as text: only in the family's copy (the school admin may not open them; the family holds them).
  if (family) {
    for (const nb of await listNotebooks(db, studentId, true)) {
      const { text } = await getNotebookContent(db, studentId, nb.id)
      add({ path: `notebooks/${safeSegment(nb.title, 'notebook')}.txt`, section: 'notebooks', description: t('records.index.describe.notebook', { title: nb.title }), bytes: text })
    }
  }

  // The history, in the same sentences as the history page, as this side may read it.
  const goalContext = Object.fromEntries(goals.map((g) => [g.id, { area: g.area, unit: g.unit }]))
  const history = await listStudentHistory(db, studentId, { limit: HISTORY_MAX, hideFamilyOnly: !family, hideNotebookText: !family, hideDrafts: true })
  add({
    path: 'history/history.csv',
    section: 'history',
    description: t('records.index.describe.history'),
    bytes: historyCsv(history.map((h) => ({ at: h.at, who: h.actorName ?? '', what: describeHistoryEntry(h, { goals: goalContext }) }))),
  })

  for (const extra of await attachmentEntries(db, studentId, side)) add(extra)

  // Unique, safe paths; then the index, which names them all.
  const taken = new Set<string>(['index.html'])
  for (const e of entries) e.path = uniquePath(e.path, taken)
  const who = (await db.selectFrom('users').select('name').where('id', '=', args.requestedBy).executeTakeFirst())?.name ?? ''
  const words = { student: student.name, who, date: formatSchoolDate(today) }
  const page = {
    title: t('records.index.title', words),
    copyLine: t(family ? 'records.index.familyCopy' : 'records.index.schoolCopy', words),
    intro: t('records.index.intro', words),
    sectionTitles: Object.fromEntries(RECORD_SECTIONS.map((s) => [s, t(`records.index.sections.${s}`)])) as Record<RecordSection, string>,
    emptyLine: t(family ? 'records.index.empty' : 'records.index.emptySchool'),
  }
  return { entries, page }
}

/** Attached files: filled in by the attachments feature (docs/attachments.md). */
/**
 * Every attached file this side may see, under a folder for the kind of record it belongs to, named by the day it
 * was attached and its own name. The school's side leaves out the family-only concerns' files (the service does)
 * and the notebooks', which the school admin may not open.
 */
async function attachmentEntries(db: DB, studentId: string, side: ExportSide): Promise<Entry[]> {
  const files = await listStudentAttachments(db, studentId, { side })
  return files
    .filter((f) => side === 'family' || f.ownerKind !== 'notebook')
    .map((f) => {
      const day = localIsoDate(new Date(f.uploadedAt))
      return {
        path: `attachments/${ATTACHMENT_FOLDERS[f.ownerKind]}/${day} ${safeSegment(f.fileName, 'file')}`,
        section: 'attachments' as const,
        description: t('records.index.describe.attachment', { name: f.fileName, owner: t(`records.index.owners.${f.ownerKind}`), date: formatSchoolDate(day) }),
        file: f.path,
      }
    })
}

const ATTACHMENT_FOLDERS: Record<OwnerKind, string> = {
  concern: 'concerns',
  letter: 'letters',
  session_record: 'sessions',
  progress_point: 'progress',
  notebook: 'notebooks',
}

async function accommodationVersionRows(db: DB, studentId: string) {
  const rows = await db
    .selectFrom('accommodation_versions as av')
    .innerJoin('accommodations', 'accommodations.id', 'av.accommodation_id')
    .innerJoin('users', 'users.id', 'av.created_by')
    .select(['av.version', 'av.title', 'av.description', 'av.created_at', 'users.name'])
    .where('accommodations.student_id', '=', studentId)
    .execute()
  return rows.map((r) => ({ version: r.version, title: r.title, description: r.description, createdAt: r.created_at, createdBy: r.name }))
}

const STORED = /\.(pdf|png|jpe?g|gif|webp|zip)$/i

/** Writes the ZIP (index first) to `file`, hashing it as it is written. */
async function writeZip(entries: Entry[], page: Omit<IndexPage, 'entries'>, file: string, madeAt: Date): Promise<{ size: number; sha256: string; paths: string[] }> {
  const sized: IndexEntry[] = entries.map((e) => ({
    path: e.path,
    section: e.section,
    description: e.description,
    size: 'bytes' in e ? (typeof e.bytes === 'string' ? Buffer.byteLength(e.bytes) : e.bytes.byteLength) : fs.statSync(e.file).size,
  }))
  const index = indexHtml({ ...page, entries: sized })
  const zip = new yazl.ZipFile()
  const options = (p: string) => ({ mtime: madeAt, mode: 0o100644, compress: !STORED.test(p) })
  zip.addBuffer(Buffer.from(index), 'index.html', options('index.html'))
  for (const e of entries) {
    if ('bytes' in e) zip.addBuffer(typeof e.bytes === 'string' ? Buffer.from(e.bytes) : Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength), e.path, options(e.path))
    else zip.addFile(e.file, e.path, options(e.path))
  }
  zip.end()
  const hash = createHash('sha256')
  let size = 0
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(file)
    zip.outputStream.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      size += chunk.length
    })
    zip.outputStream.on('error', reject)
    out.on('error', reject)
    out.on('finish', resolve)
    zip.outputStream.pipe(out)
  })
  return { size, sha256: hash.digest('hex'), paths: ['index.html', ...entries.map((e) => e.path)] }
}

