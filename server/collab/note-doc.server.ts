import { getSchema } from '@tiptap/core'
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { NOTE_FIELD, noteContentExtensions } from '#shared/notes/extensions.ts'
import { plainTextOf, type NoteNode } from '#shared/notes/note-json.ts'

// Built once: the same schema the browser editor has, so server-written content is content the editor accepts.
let schema: ReturnType<typeof getSchema> | null = null
export function noteSchema() {
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

/**
 * Who wrote what: for each top-level block with words, its text and the Yjs client ids that typed them, most
 * characters first. Every Yjs item keeps the client id that created it (through merges and snapshots);
 * notebook_authors says whose each id is.
 */
export function authorshipOf(doc: Y.Doc): { text: string; clients: number[] }[] {
  const blocks: { text: string; clients: number[] }[] = []
  for (const block of doc.getXmlFragment(NOTE_FIELD).toArray()) {
    const chars = new Map<number, number>()
    const parts: string[] = []
    const walk = (node: unknown) => {
      if (node instanceof Y.XmlText) {
        for (let item = node._start; item; item = item.right) {
          if (item.deleted || !(item.content instanceof Y.ContentString)) continue
          chars.set(item.id.client, (chars.get(item.id.client) ?? 0) + item.length)
          parts.push(item.content.str)
        }
      } else if (node instanceof Y.XmlElement) {
        for (const child of node.toArray()) walk(child)
        parts.push(' ')
      }
    }
    walk(block)
    const text = parts.join('').replace(/\s+/g, ' ').trim()
    if (!text) continue
    blocks.push({ text, clients: [...chars.entries()].sort((a, b) => b[1] - a[1]).map(([client]) => client) })
  }
  return blocks
}
