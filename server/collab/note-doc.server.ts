import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { NOTE_FIELD, noteContentExtensions } from '#shared/notes/extensions.ts'
import { plainTextOf, type NoteNode } from '#shared/notes/note-json.ts'

// Built once: the same schema the browser editor has, so server-written content is content the editor accepts.
let schema: ReturnType<typeof getSchema> | null = null
function noteSchema() {
  schema ??= getSchema(noteContentExtensions())
  return schema
}

/** A whole document as one Yjs update, written from ProseMirror JSON (new notebooks and the demo seed). */
export function stateFromJson(json: NoteNode): Uint8Array {
  const doc = prosemirrorJSONToYDoc(noteSchema(), json, NOTE_FIELD)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Applies stored updates into a fresh document; throws when any of them is not a valid Yjs update. */
export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  try {
    for (const update of updates) Y.applyUpdate(doc, update)
    // A valid-looking update can still leave items waiting for parents that never arrive: that is damage too.
    if (doc.store.pendingStructs || doc.store.pendingDs) throw new Error('The stored notebook is missing updates it depends on.')
    return doc
  } catch (error) {
    doc.destroy()
    throw error
  }
}

export function jsonOfDoc(doc: Y.Doc): NoteNode {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(NOTE_FIELD)) as NoteNode
}

export function plainTextOfDoc(doc: Y.Doc): string {
  return plainTextOf(jsonOfDoc(doc))
}

/** Reads a stored state (a snapshot) as JSON and text, for the read-only history. */
export function readState(state: Uint8Array): { json: NoteNode; text: string } {
  const doc = docFromUpdates([state])
  try {
    const json = jsonOfDoc(doc)
    return { json, text: plainTextOf(json) }
  } finally {
    doc.destroy()
  }
}

/**
 * Restoring an older day is a new edit, never a rewind: the live fragment's children are replaced by copies of
 * the snapshot's, so everyone's later edits stay in the update log and the restore itself can be undone the
 * same way.
 */
export function replaceContent(live: Y.Doc, snapshot: Uint8Array): void {
  const source = docFromUpdates([snapshot])
  try {
    const from = source.getXmlFragment(NOTE_FIELD)
    const to = live.getXmlFragment(NOTE_FIELD)
    live.transact(() => {
      if (to.length) to.delete(0, to.length)
      to.insert(
        0,
        from.toArray().map((node) => node.clone() as Y.XmlElement | Y.XmlText),
      )
    })
  } finally {
    source.destroy()
  }
}
