import type { Node as PmNode, Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { NOTE_FIELD } from '#shared/notes/extensions.ts'
import type { NoteNode } from '#shared/notes/note-json.ts'
import { MAX_NOTEBOOK_BYTES, MAX_UPDATE_BYTES, type RefusalReason } from '#shared/notes/collab-protocol.ts'
import { noteSchema } from './note-doc.server.ts'

export type Verdict = { ok: true } | { ok: false; reason: RefusalReason }

export interface GuardLimits {
  maxUpdateBytes: number
  maxNotebookBytes: number
}

class Unreadable extends Error {}

// Any shared type of the document; Yjs's own generics do not nest.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Shared = Y.AbstractType<any>

// y-prosemirror stores a second mark of the same type as `name--hash`.
const markName = (attr: string) => /(.*)(--[a-zA-Z0-9+/=]{8})$/.exec(attr)?.[1] ?? attr

/**
 * A block as ProseMirror JSON, read strictly: unlike y-tiptap's converters, which skip (and delete) what they
 * cannot read, anything but elements and text (a Y.Text, a Y.Map, a plain value, an embed) is an error.
 */
function strictJson(el: Y.XmlElement): NoteNode {
  const content: NoteNode[] = []
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlElement) content.push(strictJson(child))
    else if (child instanceof Y.XmlText) {
      for (const d of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof d.insert !== 'string') throw new Unreadable('embedded value in text')
        const marks = Object.entries(d.attributes ?? {}).map(([name, attrs]) => ({
          type: markName(name),
          ...(attrs && typeof attrs === 'object' ? { attrs: attrs as Record<string, unknown> } : {}),
        }))
        content.push({ type: 'text', text: d.insert, ...(marks.length ? { marks } : {}) })
      }
    } else throw new Unreadable('not an element or text')
  }
  const attrs = el.getAttributes()
  return { type: el.nodeName, ...(Object.keys(attrs).length ? { attrs } : {}), ...(content.length ? { content } : {}) }
}

/** Throws unless `el` is a block the editor's schema accepts (node types, attributes, marks and content rules). */
export function checkBlock(schema: Schema, el: unknown): PmNode {
  if (!(el instanceof Y.XmlElement)) throw new Unreadable('top-level content must be elements')
  const node = schema.nodeFromJSON(strictJson(el))
  node.check()
  return node
}

/**
 * Throws unless the fragment reads as a valid document of the notes schema. Blocks for which `deep` says no
 * were checked before and are unchanged: only their place at the top level is checked again.
 */
export function checkFragment(schema: Schema, fragment: Y.XmlFragment, deep: (block: Y.XmlElement) => boolean = () => true): void {
  let match = schema.topNodeType.contentMatch
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) throw new Unreadable('top-level content must be elements')
    const type = deep(child) ? checkBlock(schema, child).type : schema.nodes[child.nodeName]
    const next = type ? match.matchType(type) : null
    if (!next) throw new Unreadable(`${child.nodeName} cannot sit at the top of a note`)
    match = next
  }
}

/** The top-level block a changed type belongs to, the fragment itself, or null for anything outside it. */
function topLevelOf(type: Shared, fragment: Y.XmlFragment): Shared | 'fragment' | null {
  let current: Shared = type
  for (;;) {
    if (current === fragment) return 'fragment'
    const parent = current._item?.parent
    if (!(parent instanceof Y.AbstractType)) return null
    if (parent === fragment) return current._item!.deleted ? null : current
    current = parent
  }
}

/**
 * Checks each incoming update on a scratch copy of a live notebook before Hocuspocus applies or broadcasts it
 * (docs/decisions/005-notes-collaboration.md). The scratch copy follows the live document (every update the
 * live document applies reaches it too) and is one step ahead of it: an accepted update is already in it. Only
 * the blocks an update touches are read again, so a keystroke costs a block, not the whole notebook; a refused
 * update leaves the scratch copy dirty, so it is rebuilt from the live document.
 */
export class NotebookGuard {
  private scratch: Y.Doc
  private readonly schema = noteSchema()
  /** The scratch copy's encoded size when last measured, and the bytes accepted since (an upper bound). */
  private measured: number
  private grown = 0
  private readonly follow = (update: Uint8Array) => Y.applyUpdate(this.scratch, update)

  constructor(
    private readonly live: Y.Doc,
    private readonly limits: GuardLimits = { maxUpdateBytes: MAX_UPDATE_BYTES, maxNotebookBytes: MAX_NOTEBOOK_BYTES },
  ) {
    this.scratch = this.copy()
    this.measured = Y.encodeStateAsUpdate(this.scratch).byteLength
    live.on('update', this.follow)
  }

  private copy(): Y.Doc {
    const doc = new Y.Doc({ gc: this.live.gc })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.live))
    return doc
  }

  private rebuild() {
    this.scratch.destroy()
    this.scratch = this.copy()
    this.measured = Y.encodeStateAsUpdate(this.scratch).byteLength
    this.grown = 0
  }

  check(update: Uint8Array): Verdict {
    if (update.byteLength > this.limits.maxUpdateBytes) return { ok: false, reason: 'update-too-large' }
    const nearFull = this.measured + this.grown + update.byteLength > this.limits.maxNotebookBytes
    const sizeBefore = nearFull ? Y.encodeStateAsUpdate(this.scratch).byteLength : 0
    const fragment = this.scratch.getXmlFragment(NOTE_FIELD)
    const touched = new Set<Shared | 'fragment'>()
    let before = new Map<number, number>()
    const collect = (tr: Y.Transaction) => {
      before = tr.beforeState
      for (const type of tr.changed.keys()) {
        const top = topLevelOf(type, fragment)
        if (top) touched.add(top)
      }
    }
    const hadPending = Boolean(this.scratch.store.pendingStructs || this.scratch.store.pendingDs)
    this.scratch.on('afterTransaction', collect)
    try {
      Y.applyUpdate(this.scratch, update)
      // Items waiting for parents that never came would make the stored log unloadable (docFromUpdates).
      if (!hadPending && (this.scratch.store.pendingStructs || this.scratch.store.pendingDs)) throw new Unreadable('missing parents')
      // A block is read again when it changed or is new; the others only keep their place checked.
      const isNew = (block: Y.XmlElement) => block._item!.id.clock >= (before.get(block._item!.id.client) ?? 0)
      if (touched.has('fragment')) checkFragment(this.schema, fragment, (block) => touched.has(block) || isNew(block))
      else for (const block of touched) checkBlock(this.schema, block)
    } catch {
      this.rebuild()
      return { ok: false, reason: 'unreadable-update' }
    } finally {
      this.scratch.off('afterTransaction', collect)
    }
    if (nearFull) {
      const sizeAfter = Y.encodeStateAsUpdate(this.scratch).byteLength
      // An edit that only removes is always welcome: it is how a full notebook is trimmed.
      if (sizeAfter > this.limits.maxNotebookBytes && sizeAfter > sizeBefore) {
        this.rebuild()
        return { ok: false, reason: 'notebook-full' }
      }
      this.measured = sizeAfter
      this.grown = 0
    } else this.grown += update.byteLength
    return { ok: true }
  }

  destroy() {
    this.live.off('update', this.follow)
    this.scratch.destroy()
  }
}
