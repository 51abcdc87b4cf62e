import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import * as Y from 'yjs'
import type { DB } from '#db/client.server.ts'
import { DomainError } from '#shared/domain-error.ts'
import type { NoteNode } from '#shared/notes/note-json.ts'
import { excerptAround, likeContains } from '#shared/notes/search-pattern.ts'
import { appendInTransaction, loadNotebookDoc, openDay, recordAuthors, recordStoredState } from '../collab/notebook-store.server.ts'
import { authorshipOf, docFromUpdates, plainTextOfDoc, readState, replaceContent, stateFromJson } from '../collab/note-doc.server.ts'
import { recordChange, type Executor } from './audit.server.ts'
import { collabHub } from './collab-hub.server.ts'
import { t } from '#shared/i18n/i18n.ts'
import { formatMoment } from '#shared/i18n/format.ts'

export interface NotebookSummary {
  id: string
  title: string
  createdAt: string
  updatedAt: string
  archivedAt: string | null
}

const summaryColumns = ['id', 'title', 'created_at', 'updated_at', 'archived_at'] as const
const shape = (r: { id: string; title: string; created_at: string; updated_at: string; archived_at: string | null }): NotebookSummary => ({
  id: r.id,
  title: r.title,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  archivedAt: r.archived_at,
})

export async function listNotebooks(db: DB, studentId: string, includeArchived = false): Promise<NotebookSummary[]> {
  let query = db.selectFrom('notebooks').select([...summaryColumns]).where('student_id', '=', studentId)
  if (!includeArchived) query = query.where('archived_at', 'is', null)
  const rows = await query.orderBy('archived_at').orderBy('updated_at', 'desc').execute()
  return rows.map(shape)
}

async function findNotebook(db: Executor, studentId: string, notebookId: string) {
  const row = await db
    .selectFrom('notebooks')
    .select([...summaryColumns])
    .where('id', '=', notebookId)
    .where('student_id', '=', studentId)
    .executeTakeFirst()
  if (!row) throw new DomainError('NOT_FOUND', t('refusals.notebookNotFound'))
  return row
}

export async function getNotebook(db: DB, studentId: string, notebookId: string): Promise<NotebookSummary> {
  return shape(await findNotebook(db, studentId, notebookId))
}

/**
 * A new notebook's first content is written here, on the server, in the same transaction as the notebook:
 * clients never seed a document, so two people opening a new notebook at once cannot both insert it.
 */
export function starterContent(title: string, at: Date): NoteNode {
  const day = formatMoment(at, 'longDate')
  return {
    type: 'doc',
    content: [
      // Not a heading: the page already shows the title as one.
      { type: 'paragraph', content: [{ type: 'text', text: t('refusals.records.notebookStarter', { title, day }) }] },
      { type: 'paragraph' },
    ],
  }
}

export async function createNotebook(
  db: DB,
  args: { studentId: string; title: string; actorId: string; now: Date; content?: NoteNode },
): Promise<NotebookSummary> {
  const { studentId, title, actorId, now } = args
  return db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('notebooks')
      .select('id')
      .where('student_id', '=', studentId)
      .where('title', '=', title)
      .where('archived_at', 'is', null)
      .executeTakeFirst()
    if (clash) throw new DomainError('CONFLICT', t('refusals.notebookTitleTaken', { title }), 'title')
    const id = randomUUID()
    const at = now.toISOString()
    await trx
      .insertInto('notebooks')
      .values({ id, student_id: studentId, title, plain_text: '', created_at: at, created_by: actorId, updated_at: at, archived_at: null, archived_by: null })
      .execute()
    const state = stateFromJson(args.content ?? starterContent(title, now))
    await trx.insertInto('notebook_updates').values({ notebook_id: id, update: state, created_at: at, user_id: actorId }).execute()
    await recordAuthors(trx, id, state, actorId, now)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    await recordStoredState(trx, id, doc, now)
    doc.destroy()
    await recordChange(trx, args, { entity: 'notebook', entityId: id, action: 'create', after: { title } })
    return shape({ id, title, created_at: at, updated_at: at, archived_at: null })
  })
}

export async function renameNotebook(
  db: DB,
  args: { studentId: string; notebookId: string; title: string; actorId: string; now: Date },
): Promise<NotebookSummary> {
  return db.transaction().execute(async (trx) => {
    const notebook = await findNotebook(trx, args.studentId, args.notebookId)
    if (notebook.title === args.title) return shape(notebook)
    const clash = await trx
      .selectFrom('notebooks')
      .select('id')
      .where('student_id', '=', args.studentId)
      .where('title', '=', args.title)
      .where('archived_at', 'is', null)
      .where('id', '!=', args.notebookId)
      .executeTakeFirst()
    if (clash) throw new DomainError('CONFLICT', t('refusals.notebookTitleTaken', { title: args.title }), 'title')
    await trx.updateTable('notebooks').set({ title: args.title }).where('id', '=', notebook.id).execute()
    await recordChange(trx, args, { entity: 'notebook', entityId: notebook.id, action: 'rename', before: { title: notebook.title }, after: { title: args.title } })
    return shape({ ...notebook, title: args.title })
  })
}

/** Archiving hides a notebook from the list and closes it for editing; its words and history stay readable. */
export async function archiveNotebook(
  db: DB,
  args: { studentId: string; notebookId: string; actorId: string; now: Date },
): Promise<NotebookSummary> {
  const result = await db.transaction().execute(async (trx) => {
    const notebook = await findNotebook(trx, args.studentId, args.notebookId)
    if (notebook.archived_at) throw new DomainError('CONFLICT', t('refusals.notebookArchived'))
    const at = args.now.toISOString()
    await trx.updateTable('notebooks').set({ archived_at: at, archived_by: args.actorId }).where('id', '=', notebook.id).execute()
    await recordChange(trx, args, {
      entity: 'notebook',
      entityId: notebook.id,
      action: 'archive',
      before: { title: notebook.title, archivedAt: null },
      after: { title: notebook.title, archivedAt: at },
    })
    return shape({ ...notebook, archived_at: at })
  })
  collabHub.notebookArchived(args.notebookId)
  return result
}

export interface NotebookDay {
  day: string
  updatedAt: string
  /** The first words, to tell days apart in the list. */
  preview: string
}

const previewOf = (text: string) => text.replace(/\s+/g, ' ').slice(0, 120)

/**
 * One entry per day with stored edits. Past days come from their snapshot; the day of the last stored edit
 * (the open day) from the notebook's live text, because flushes do not rewrite a snapshot (notebook-store).
 */
export async function listNotebookHistory(db: DB, studentId: string, notebookId: string): Promise<NotebookDay[]> {
  await findNotebook(db, studentId, notebookId)
  const [rows, live] = await Promise.all([
    db.selectFrom('notebook_snapshots').select(['day', 'updated_at', 'plain_text']).where('notebook_id', '=', notebookId).execute(),
    db.selectFrom('notebooks').select(['updated_at', 'plain_text']).where('id', '=', notebookId).executeTakeFirstOrThrow(),
  ])
  const open = await openDay(db, notebookId)
  const days = rows.filter((r) => r.day !== open).map((r) => ({ day: r.day, updatedAt: r.updated_at, preview: previewOf(r.plain_text) }))
  if (open) days.push({ day: open, updatedAt: live.updated_at, preview: previewOf(live.plain_text) })
  return days.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
}

/** A day's stored state: its snapshot, or for the open day the stored log itself. */
async function dayState(db: Executor, notebookId: string, day: string): Promise<{ state: Uint8Array; updatedAt: string } | null> {
  if (day === (await openDay(db, notebookId))) {
    const live = await db.selectFrom('notebooks').select('updated_at').where('id', '=', notebookId).executeTakeFirstOrThrow()
    const doc = await loadNotebookDoc(db, notebookId)
    try {
      return { state: Y.encodeStateAsUpdate(doc), updatedAt: live.updated_at }
    } finally {
      doc.destroy()
    }
  }
  const row = await db
    .selectFrom('notebook_snapshots')
    .select(['updated_at', 'state'])
    .where('notebook_id', '=', notebookId)
    .where('day', '=', day)
    .executeTakeFirst()
  return row ? { state: row.state, updatedAt: row.updated_at } : null
}

export interface NotebookDayView {
  day: string
  updatedAt: string
  json: NoteNode
  text: string
  /** Who wrote what: each block's words and the names of the people who typed them, most first. */
  authorship: { text: string; authors: string[] }[]
}

export async function getNotebookDay(db: DB, studentId: string, notebookId: string, day: string): Promise<NotebookDayView> {
  await findNotebook(db, studentId, notebookId)
  const found = await dayState(db, notebookId, day)
  if (!found) throw new DomainError('NOT_FOUND', t('refusals.noSnapshot'))
  const doc = docFromUpdates([found.state])
  try {
    const blocks = authorshipOf(doc)
    const clients = [...new Set(blocks.flatMap((b) => b.clients))]
    const names = new Map<number, string>()
    if (clients.length) {
      const rows = await db
        .selectFrom('notebook_authors')
        .innerJoin('users', 'users.id', 'notebook_authors.user_id')
        .select(['notebook_authors.client_id', 'users.name'])
        .where('notebook_authors.notebook_id', '=', notebookId)
        .where('notebook_authors.client_id', 'in', clients)
        .execute()
      for (const r of rows) names.set(Number(r.client_id), r.name)
    }
    const authorship = blocks.map((b) => ({
      text: b.text,
      // Text written before authors were recorded (or by the demo seed) has no name to show.
      authors: [...new Set(b.clients.map((c) => names.get(c) ?? t('refusals.records.unknownAuthor')))],
    }))
    return { day, updatedAt: found.updatedAt, ...readState(found.state), authorship }
  } finally {
    doc.destroy()
  }
}

/** The notebook as it now stands on the server, read-only (archived notebooks, and pages without scripts). */
export async function getNotebookContent(db: DB, studentId: string, notebookId: string): Promise<{ json: NoteNode; text: string }> {
  await findNotebook(db, studentId, notebookId)
  const doc = await loadNotebookDoc(db, notebookId)
  try {
    return readState(Y.encodeStateAsUpdate(doc))
  } finally {
    doc.destroy()
  }
}

/**
 * Restoring a day is a new edit on top of the live document, never a rewind: queued edits are stored first,
 * the replacement is computed against the stored document and appended as one more update, then applied to
 * the open document so everyone editing sees it. Later edits stay in the log; restoring again undoes this.
 */
export async function restoreNotebookDay(
  db: DB,
  args: { studentId: string; notebookId: string; day: string; actorId: string; now: Date },
): Promise<{ day: string }> {
  const notebook = await findNotebook(db, args.studentId, args.notebookId)
  if (notebook.archived_at) throw new DomainError('CONFLICT', t('refusals.archivedUnchangeable'))
  await collabHub.flush(args.notebookId)
  const update = await db.transaction().execute(async (trx) => {
    const snapshot = await dayState(trx, args.notebookId, args.day)
    if (!snapshot) throw new DomainError('NOT_FOUND', t('refusals.noSnapshot'), 'day')
    const doc = await loadNotebookDoc(trx, args.notebookId)
    try {
      const updates: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => updates.push(u))
      replaceContent(doc, snapshot.state)
      const merged = Y.mergeUpdates(updates)
      await appendInTransaction(trx, { notebookId: args.notebookId, updates: [{ update: merged, userId: args.actorId }], doc, at: args.now })
      await recordChange(trx, args, {
        entity: 'notebook',
        entityId: args.notebookId,
        action: 'restore',
        after: { title: notebook.title, restoredDay: args.day, text: plainTextOfDoc(doc).slice(0, 500) },
      })
      return merged
    } finally {
      doc.destroy()
    }
  })
  collabHub.applyStored(args.notebookId, update)
  return { day: args.day }
}

export interface NotebookSearchHit {
  id: string
  title: string
  archived: boolean
  excerpt: string
}

/** Case-insensitive (for ASCII) literal search in titles and text; wildcards typed by people match themselves. */
export async function searchNotebooks(db: DB, studentId: string, query: string): Promise<NotebookSearchHit[]> {
  const pattern = likeContains(query)
  const rows = await db
    .selectFrom('notebooks')
    .select(['id', 'title', 'archived_at', 'plain_text'])
    .where('student_id', '=', studentId)
    // ESCAPE makes the backslashes likeContains adds literal; SQLite and PostgreSQL both read it this way.
    .where((eb) => eb.or([sql<boolean>`plain_text like ${pattern} escape '\\'`, sql<boolean>`title like ${pattern} escape '\\'`]))
    .orderBy('archived_at')
    .orderBy('updated_at', 'desc')
    .limit(20)
    .execute()
  return rows.map((r) => ({ id: r.id, title: r.title, archived: r.archived_at !== null, excerpt: excerptAround(r.plain_text || r.title, query) }))
}

