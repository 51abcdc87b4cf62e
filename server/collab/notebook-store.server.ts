import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import type { DB } from '#db/client.server.ts'
import type { Executor } from '../services/audit.server.ts'
import { snapshotAction } from '#shared/notes/snapshot-day.ts'
import { docFromUpdates, plainTextOfDoc } from './note-doc.server.ts'

/**
 * Where notebook documents live in SQLite (docs/decisions/005-notes-collaboration.md): an append-only log of
 * Yjs updates per notebook, folded by compaction, plus one snapshot per day. Everything goes through Kysely.
 */
export interface NotebookStore {
  /** The stored document; throws when a stored update cannot be read (the caller must not serve it empty). */
  load(notebookId: string): Promise<Y.Doc>
  /** Appends updates in one transaction and refreshes the notebook's text and today's snapshot from `doc`. */
  append(notebookId: string, updates: readonly Uint8Array[], doc: Y.Doc, at: Date): Promise<void>
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

export async function appendNotebookUpdates(
  db: DB,
  args: { notebookId: string; updates: readonly Uint8Array[]; doc: Y.Doc; at: Date },
): Promise<void> {
  if (args.updates.length === 0) return
  await db.transaction().execute(async (trx) => {
    const createdAt = args.at.toISOString()
    await trx
      .insertInto('notebook_updates')
      .values(args.updates.map((update) => ({ notebook_id: args.notebookId, update, created_at: createdAt })))
      .execute()
    await recordStoredState(trx, args.notebookId, args.doc, args.at)
  })
}

/** The notebook's searchable text and today's snapshot, from the document as it now stands. */
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
    .select(['id', 'update'])
    .where('notebook_id', '=', notebookId)
    .orderBy('id')
    .execute()
  if (rows.length < 2) return { merged: 0 }
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
      .values({ notebook_id: notebookId, update: merged, created_at: (options.at ?? new Date()).toISOString() })
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
