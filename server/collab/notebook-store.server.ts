import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import type { DB } from '#db/client.server.ts'
import type { Executor } from '../services/audit.server.ts'
import { snapshotAction, snapshotDay } from '#shared/notes/snapshot-day.ts'
import { docFromUpdates, plainTextOfDoc } from './note-doc.server.ts'

/**
 * Where notebook documents live in SQLite (docs/decisions/005-notes-collaboration.md): an append-only log of
 * Yjs updates per notebook, folded by compaction, plus one snapshot per day. Everything goes through Kysely.
 */
export interface NotebookStore {
  /** The stored document; throws when a stored update cannot be read (the caller must not serve it empty). */
  load(notebookId: string): Promise<Y.Doc>
  /** Appends updates in one transaction with their authors and refreshes the notebook's text from `doc`. */
  append(notebookId: string, updates: readonly AuthoredUpdate[], doc: Y.Doc, at: Date): Promise<void>
}

/** One Yjs update as it arrived, with the person whose socket sent it (null: written by the server itself). */
export interface AuthoredUpdate {
  update: Uint8Array
  userId: string | null
}

export function sqliteNotebookStore(db: DB): NotebookStore {
  return {
    load: (notebookId) => loadNotebookDoc(db, notebookId),
    append: (notebookId, updates, doc, at) => appendNotebookUpdates(db, { notebookId, updates, doc, at }),
  }
}

export async function loadNotebookDoc(db: Executor, notebookId: string): Promise<Y.Doc> {
  const rows = await db
    .selectFrom('notebook_updates')
    .select(['update'])
    .where('notebook_id', '=', notebookId)
    .orderBy('id')
    .execute()
  return docFromUpdates(rows.map((r) => r.update))
}

/**
 * A flush: the updates are appended with their authors, and the notebook's searchable text refreshed, in one
 * transaction. It never rewrites the whole document: the day's snapshot is written once, when the first edit
 * of a later day arrives (from the stored log as it stood, which is the earlier day's last state); until then
 * that day is read from the log itself (`openDay`).
 */
export async function appendNotebookUpdates(
  db: DB,
  args: { notebookId: string; updates: readonly (Uint8Array | AuthoredUpdate)[]; doc: Y.Doc; at: Date },
): Promise<void> {
  if (args.updates.length === 0) return
  await db.transaction().execute((trx) => appendInTransaction(trx, args))
}

/** The same, inside a caller's transaction (a restore appends its edit with the audit row). */
export async function appendInTransaction(
  trx: Executor,
  args: { notebookId: string; updates: readonly (Uint8Array | AuthoredUpdate)[]; doc: Y.Doc; at: Date },
): Promise<void> {
  const updates = args.updates.map((u) => (u instanceof Uint8Array ? { update: u, userId: null } : u))
  await closeEarlierDay(trx, args.notebookId, args.at)
  const createdAt = args.at.toISOString()
  await trx
    .insertInto('notebook_updates')
    .values(updates.map((u) => ({ notebook_id: args.notebookId, update: u.update, created_at: createdAt, user_id: u.userId })))
    .execute()
  for (const u of updates) if (u.userId) await recordAuthors(trx, args.notebookId, u.update, u.userId, args.at)
  await trx
    .updateTable('notebooks')
    .set({ plain_text: plainTextOfDoc(args.doc), updated_at: createdAt })
    .where('id', '=', args.notebookId)
    .execute()
}

/** The day of the notebook's last stored edit: the one day whose state is read from the log, not a snapshot. */
export async function openDay(db: Executor, notebookId: string): Promise<string | null> {
  const row = await db.selectFrom('notebooks').select('updated_at').where('id', '=', notebookId).executeTakeFirst()
  return row ? snapshotDay(new Date(row.updated_at)) : null
}

/** Before the first stored edit of a new day, the previous edit day's final state becomes its snapshot. */
async function closeEarlierDay(trx: Executor, notebookId: string, at: Date): Promise<void> {
  const day = await openDay(trx, notebookId)
  if (day === null || day === snapshotDay(at)) return
  const stored = await loadNotebookDoc(trx, notebookId)
  try {
    const state = Y.encodeStateAsUpdate(stored)
    const text = plainTextOfDoc(stored)
    const stamp = at.toISOString()
    await trx
      .insertInto('notebook_snapshots')
      .values({ id: randomUUID(), notebook_id: notebookId, day, state, plain_text: text, updated_at: stamp })
      .onConflict((oc) => oc.columns(['notebook_id', 'day']).doUpdateSet({ state, plain_text: text, updated_at: stamp }))
      .execute()
  } finally {
    stored.destroy()
  }
}

/**
 * Every Yjs item keeps the client id that created it, so remembering whose each client id is tells who wrote
 * each word, on any day, through compaction. The first person to send a client id keeps it: an update that
 * carries someone else's (a browser resending what it saw from others) does not take their words.
 */
export async function recordAuthors(trx: Executor, notebookId: string, update: Uint8Array, userId: string, at: Date): Promise<void> {
  const clients = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys()]
  if (clients.length === 0) return
  await trx
    .insertInto('notebook_authors')
    .values(clients.map((client_id) => ({ notebook_id: notebookId, client_id, user_id: userId, first_seen_at: at.toISOString() })))
    .onConflict((oc) => oc.columns(['notebook_id', 'client_id']).doNothing())
    .execute()
}

/**
 * The notebook's searchable text and a snapshot for the day of `at`, from the document as it now stands: written
 * once for a new notebook (and by the demo seed), never by a flush.
 */
export async function recordStoredState(trx: Executor, notebookId: string, doc: Y.Doc, at: Date): Promise<void> {
  const text = plainTextOfDoc(doc)
  const stamp = at.toISOString()
  await trx.updateTable('notebooks').set({ plain_text: text, updated_at: stamp }).where('id', '=', notebookId).execute()
  const last = await trx
    .selectFrom('notebook_snapshots')
    .select('day')
    .where('notebook_id', '=', notebookId)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst()
  const { day, kind } = snapshotAction(last?.day ?? null, at)
  const state = Y.encodeStateAsUpdate(doc)
  if (kind === 'update') {
    await trx
      .updateTable('notebook_snapshots')
      .set({ state, plain_text: text, updated_at: stamp })
      .where('notebook_id', '=', notebookId)
      .where('day', '=', day)
      .execute()
  } else {
    // A clock set back past the last snapshot's day lands on an existing row: refresh it rather than fail.
    await trx
      .insertInto('notebook_snapshots')
      .values({ id: randomUUID(), notebook_id: notebookId, day, state, plain_text: text, updated_at: stamp })
      .onConflict((oc) => oc.columns(['notebook_id', 'day']).doUpdateSet({ state, plain_text: text, updated_at: stamp }))
      .execute()
  }
}

export async function countNotebookUpdates(db: Executor, notebookId: string): Promise<number> {
  const row = await db
    .selectFrom('notebook_updates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notebook_id', '=', notebookId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Folds a notebook's stored updates into one. The rows are read and merged outside any write lock; then, in
 * one short transaction, only rows with id ≤ the highest id read are replaced by the merged row. An update
 * appended while the merge ran has a higher id and is kept as it is. `afterRead` lets tests (and the bench)
 * interleave writes at exactly that moment.
 */
export async function compactNotebook(
  db: DB,
  notebookId: string,
  options: { afterRead?: () => Promise<void>; at?: Date } = {},
): Promise<{ merged: number }> {
  const rows = await db
    .selectFrom('notebook_updates')
    .select(['id', 'update', 'user_id'])
    .where('notebook_id', '=', notebookId)
    .orderBy('id')
    .execute()
  if (rows.length < 2) return { merged: 0 }
  // Rows of one person stay theirs; a merged row of several people has no single author (notebook_authors has them).
  const authors = new Set(rows.map((r) => r.user_id))
  const author = authors.size === 1 ? rows[0]!.user_id : null
  const maxId = rows[rows.length - 1]!.id
  // Loading validates (damaged rows are never folded into a merged row) and, unlike Y.mergeUpdates, stays
  // linear: 10,000 keystroke updates fold in well under a second instead of many seconds.
  const doc = docFromUpdates(rows.map((r) => r.update))
  const merged = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  await options.afterRead?.()
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('notebook_updates')
      .where('notebook_id', '=', notebookId)
      .where('id', '<=', maxId)
      .executeTakeFirst()
    // Another compaction got here first: its merged row already holds these updates.
    if (Number(deleted.numDeletedRows) !== rows.length) throw new CompactionConflict()
    await trx
      .insertInto('notebook_updates')
      .values({ notebook_id: notebookId, update: merged, created_at: (options.at ?? new Date()).toISOString(), user_id: author })
      .execute()
  })
  return { merged: rows.length }
}

export class CompactionConflict extends Error {
  constructor() {
    super('The notebook was compacted by someone else meanwhile; nothing was changed.')
    this.name = 'CompactionConflict'
  }
}
