import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { caretColor } from '#shared/notes/caret-color.ts'
import {
  CLOSE_ARCHIVED,
  CLOSE_MESSAGE_TOO_BIG,
  CLOSE_REASON_SWITCHED_OFF,
  CLOSE_REMOVED,
  CLOSE_SIGNED_OUT,
  CLOSE_TOO_LARGE,
  CLOSE_UNREADABLE,
  coveredBy,
  decodeStoredAck,
  MAX_NOTEBOOK_BYTES,
  MAX_UPDATE_BYTES,
} from '#shared/notes/collab-protocol.ts'
import { NOTE_FIELD, noteContentExtensions } from '#shared/notes/extensions.ts'
import { stampContent } from '#shared/notes/stamp.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { reconnectWhenClosed } from './reconnect.client.ts'
import { notes } from '#shared/i18n/en/notes.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ notes })

interface Person {
  id: string
  name: string
}

interface Session {
  doc: Y.Doc
  socket: HocuspocusProviderWebsocket
  provider: HocuspocusProvider
  local: IndexeddbPersistence
}

export type NoteStatus = 'connecting' | 'saving' | 'saved' | 'offline' | Ended

/** Ends editing on this page: the socket stays closed. */
type Ended = 'removed' | 'archived' | 'signedOut' | 'switchedOff' | 'tooLarge' | 'notebookFull' | 'unreadable'
const REFUSED: readonly NoteStatus[] = ['tooLarge', 'notebookFull', 'unreadable']

// The limits in the words that name them: one change in KB, a whole notebook in MB.
const STATUS_SIZE: Partial<Record<NoteStatus, number>> = {
  tooLarge: Math.round(MAX_UPDATE_BYTES / 1024),
  notebookFull: Math.round(MAX_NOTEBOOK_BYTES / 1024 / 1024),
}

/**
 * The live notebook: one Yjs document kept in this browser's IndexedDB (edits survive a lost connection or a
 * closed tab) and synced through Hocuspocus on /collab. The server writes a new notebook's first content, so
 * this never seeds the document.
 */
export default function NoteEditor({ notebookId, title, user }: { notebookId: string; title: string; user: Person }) {
  const [session, setSession] = useState<Session | null>(null)
  useEffect(() => {
    const doc = new Y.Doc()
    // Per person as well as per notebook: a shared computer never shows one person's copy to another.
    const local = new IndexeddbPersistence(`same-page:${user.id}:${notebookId}`, doc)
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
    const socket = new HocuspocusProviderWebsocket({ url: `${scheme}//${window.location.host}/collab/${notebookId}` })
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: notebookId, document: doc })
    provider.attach()
    setSession({ doc, socket, provider, local })
    return () => {
      provider.destroy()
      socket.destroy()
      void local.destroy()
      doc.destroy()
    }
  }, [notebookId, user.id])
  const { t } = useTranslation()
  if (!session) return <p className="text-slate-700">{t('notes.editor.loading')}</p>
  return <LiveEditor key={notebookId} session={session} title={title} user={user} />
}

/** Anything with on and off, as Hocuspocus's socket and provider and the Yjs document all have. */
interface Emitter {
  on(event: string, listener: (...args: never[]) => void): unknown
  off(event: string, listener: (...args: never[]) => void): unknown
}

/** Starts every listener, in order; what it returns (an effect's clean-up) stops them all, in the same order. */
function listenAll(listeners: ReadonlyArray<readonly [target: Emitter, event: string, listener: (...args: never[]) => void]>): () => void {
  for (const [target, event, listener] of listeners) target.on(event, listener)
  return () => {
    for (const [target, event, listener] of listeners) target.off(event, listener)
  }
}

/**
 * "All changes saved" means on disk: the server sends the stored state vector after each write commits
 * (server/collab/collab-server.server.ts), and this page compares it with what it needs stored — what this
 * device held when it opened (its own earlier offline edits included) and everything typed here since.
 */
function useAllStored(session: Session): boolean {
  const { doc, provider, local } = session
  const stored = useRef(new Map<number, number>())
  const baseline = useRef(new Map<number, number>())
  const [allStored, setAllStored] = useState(false)
  useEffect(() => {
    const recompute = () => {
      const needed = new Map(baseline.current)
      const own = Y.getState(doc.store, doc.clientID)
      if (own > 0) needed.set(doc.clientID, own)
      setAllStored(coveredBy(needed, stored.current))
    }
    const onLocalLoaded = () => {
      baseline.current = Y.decodeStateVector(Y.encodeStateVector(doc))
      recompute()
    }
    const onStateless = ({ payload }: { payload: string }) => {
      const vector = decodeStoredAck(payload)
      if (!vector) return
      for (const [client, clock] of vector) stored.current.set(client, Math.max(clock, stored.current.get(client) ?? 0))
      recompute()
    }
    if (local.synced) onLocalLoaded()
    else local.once('synced', onLocalLoaded)
    const stopListening = listenAll([
      [provider, 'stateless', onStateless],
      [doc, 'update', recompute],
    ])
    return () => {
      local.off('synced', onLocalLoaded)
      stopListening()
    }
  }, [doc, provider, local])
  return allStored
}

function useNoteStatus(session: Session): NoteStatus {
  const { provider, socket, local } = session
  const [online, setOnline] = useState(() => navigator.onLine)
  const [socketStatus, setSocketStatus] = useState<WebSocketStatus>(socket.status)
  const [synced, setSynced] = useState(provider.isSynced)
  const allStored = useAllStored(session)
  const [ended, setEnded] = useState<Ended | null>(null)

  useEffect(() => {
    // Once editing has ended here (refused, removed, archived, signed out), coming back online must not reopen it.
    let stopped = false
    let stopWaiting = () => undefined as void
    const end = (why: Ended) => {
      stopped = true
      stopWaiting()
      setEnded(why)
      socket.disconnect()
    }
    const onStatus = ({ status }: { status: WebSocketStatus }) => setSocketStatus(status)
    const onSynced = ({ state }: { state: boolean }) => setSynced(state)
    const onClose = ({ event }: { event: { code: number; reason: string } }) => {
      const refused: Ended | null =
        event.code === CLOSE_UNREADABLE
          ? 'unreadable'
          : event.code === CLOSE_TOO_LARGE && event.reason === 'notebook-full'
            ? 'notebookFull'
            : event.code === CLOSE_TOO_LARGE || event.code === CLOSE_MESSAGE_TOO_BIG
              ? 'tooLarge'
              : null
      if (refused) {
        // The server refused what this device sent. Resending it from IndexedDB on every visit would be refused
        // forever, so the local copy goes; the server's copy (everything stored) is what a reload opens.
        end(refused)
        void local.clearData()
        return
      }
      if (event.code === CLOSE_REMOVED) {
        end('removed')
        // Someone removed from the team keeps no copy of the team's notes on this device.
        void local.clearData()
      } else if (event.code === CLOSE_ARCHIVED) {
        end('archived')
      } else if (event.code === CLOSE_SIGNED_OUT) {
        // Signed out in another tab, or the account switched off: stop retrying with a session that no longer exists.
        end(event.reason === CLOSE_REASON_SWITCHED_OFF ? 'switchedOff' : 'signedOut')
      }
    }
    // The browser knows it is offline before the socket times out: say so at once, reconnect when it returns.
    const goOffline = () => {
      setOnline(false)
      stopWaiting()
      socket.disconnect()
    }
    const goOnline = () => {
      setOnline(true)
      if (stopped) return
      stopWaiting()
      stopWaiting = reconnectWhenClosed(socket)
    }
    const stopListening = listenAll([
      [socket, 'status', onStatus],
      [socket, 'close', onClose],
      [provider, 'synced', onSynced],
    ])
    window.addEventListener('offline', goOffline)
    window.addEventListener('online', goOnline)
    return () => {
      stopListening()
      stopWaiting()
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
    }
  }, [provider, socket, local])

  if (ended) return ended
  if (!online || (synced && socketStatus === WebSocketStatus.Disconnected)) return 'offline'
  if (!synced) return socketStatus === WebSocketStatus.Disconnected ? 'offline' : 'connecting'
  return allStored ? 'saved' : 'saving'
}

function useOthers(session: Session): { clientId: number; name: string; color: string }[] {
  const { provider, doc } = session
  const [others, setOthers] = useState<{ clientId: number; name: string; color: string }[]>([])
  useEffect(() => {
    const awareness = provider.awareness
    if (!awareness) return
    const read = () => {
      const list: { clientId: number; name: string; color: string }[] = []
      awareness.getStates().forEach((state, clientId) => {
        const u = (state as { user?: { name?: unknown; color?: unknown } }).user
        if (clientId !== doc.clientID && typeof u?.name === 'string' && typeof u.color === 'string') list.push({ clientId, name: u.name, color: u.color })
      })
      setOthers(list)
    }
    read()
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [provider, doc])
  return others
}

function LiveEditor({ session, title, user }: { session: Session; title: string; user: Person }) {
  const status = useNoteStatus(session)
  const others = useOthers(session)
  const { t } = useTranslation()
  const editable = status !== 'removed' && status !== 'archived' && status !== 'signedOut' && status !== 'switchedOff' && !REFUSED.includes(status)
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      ...noteContentExtensions(),
      Collaboration.configure({ document: session.doc, field: NOTE_FIELD }),
      CollaborationCaret.configure({ provider: session.provider, user: { name: user.name, color: caretColor(user.id) } }),
    ],
    editorProps: {
      attributes: {
        'aria-label': t('notes.notebookText', { title }),
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'note-content min-h-64 rounded-b-md border border-slate-300 bg-white p-3 focus:outline-2 focus:outline-brand-700',
      },
    },
  })
  useEffect(() => {
    editor?.setEditable(editable)
  }, [editor, editable])

  return (
    <div className="space-y-3">
      <p
        role="status"
        aria-label={t('notes.editor.statusLabel')}
        className={`rounded-md border p-2 text-sm font-medium ${
          status === 'offline'
            ? 'border-amber-500 bg-amber-50 text-amber-950'
            : !editable
              ? 'border-red-300 bg-red-50 text-red-900'
              : 'border-slate-200 bg-slate-50 text-slate-800'
        }`}
      >
        {t(`notes.editor.status.${status}`, { size: STATUS_SIZE[status] ?? 0 })}
      </p>
      {REFUSED.includes(status) ? (
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="min-h-11 rounded border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100"
        >
          {t('notes.editor.reload')}
        </button>
      ) : null}
      <div aria-live="polite" className="text-sm text-slate-700">
        {others.length ? (
          <ul aria-label={t('notes.editor.alsoEditing')} className="flex flex-wrap gap-2">
            {others.map((o) => (
              <li key={o.clientId} className="rounded px-2 py-0.5 font-medium text-white" style={{ backgroundColor: o.color }}>
                {o.name}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('notes.editor.nobodyElse')}</p>
        )}
      </div>
      <div>
        {editor ? <Toolbar editor={editor} disabled={!editable} author={user.name} /> : null}
        <EditorContent editor={editor} />
      </div>
    </div>
  )
}

type Tool = 'bold' | 'italic' | 'heading' | 'subheading' | 'bullets' | 'numbers' | 'tasks' | 'link' | 'stamp'

function Toolbar({ editor, disabled, author }: { editor: Editor; disabled: boolean; author: string }) {
  const { t } = useTranslation()
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      // Levels 3 and 4: the page's h1 is the student and its h2 the notebook title.
      heading: e.isActive('heading', { level: 3 }),
      subheading: e.isActive('heading', { level: 4 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      tasks: e.isActive('taskList'),
      link: e.isActive('link'),
    }),
  })
  const chain = () => editor.chain().focus()
  const buttons: { tool: Tool; active?: boolean; run: () => void }[] = [
    { tool: 'bold', active: state.bold, run: () => chain().toggleBold().run() },
    { tool: 'italic', active: state.italic, run: () => chain().toggleItalic().run() },
    { tool: 'heading', active: state.heading, run: () => chain().toggleHeading({ level: 3 }).run() },
    { tool: 'subheading', active: state.subheading, run: () => chain().toggleHeading({ level: 4 }).run() },
    { tool: 'bullets', active: state.bullets, run: () => chain().toggleBulletList().run() },
    { tool: 'numbers', active: state.numbers, run: () => chain().toggleOrderedList().run() },
    { tool: 'tasks', active: state.tasks, run: () => chain().toggleTaskList().run() },
    {
      tool: 'link',
      active: state.link,
      run: () => {
        if (editor.isActive('link')) {
          chain().extendMarkRange('link').unsetLink().run()
          return
        }
        const href = window.prompt(t('notes.editor.linkPrompt'))?.trim()
        if (href) chain().extendMarkRange('link').setLink({ href }).run()
      },
    },
    // Who wrote the lines above, and when: the day on this device's clock, the day the person is writing in.
    { tool: 'stamp', run: () => chain().insertContent(stampContent(author, localIsoDate(new Date()))).run() },
  ]
  // One row on a 360 px phone: there each tool shows a short face, 30 px wide (its full name stays for screen
  // readers and as a tooltip), so all nine fit. Only a narrower screen wraps the row; it never widens the page.
  return (
    <div
      role="toolbar"
      aria-label={t('notes.editor.toolbar')}
      className="flex flex-wrap gap-px rounded-t-md border border-b-0 border-slate-300 bg-slate-50 p-0.5 sm:gap-1 sm:p-1"
    >
      {buttons.map((b) => {
        const label = b.tool === 'stamp' ? t('notes.stamp.tool') : t(`notes.editor.tools.${b.tool}`)
        return (
          <button
            key={b.tool}
            type="button"
            aria-pressed={b.active}
            disabled={disabled}
            title={label}
            onMouseDown={(event) => event.preventDefault()}
            onClick={b.run}
            className={`min-h-11 w-7.5 shrink-0 rounded text-sm font-medium sm:w-auto sm:px-3 ${
              b.active ? 'bg-brand-700 text-white' : 'bg-white text-slate-800 hover:bg-slate-100'
            } border border-slate-300 disabled:opacity-60`}
          >
            <span aria-hidden="true" className={`sm:hidden ${GLYPH_STYLE[b.tool] ?? ''}`}>
              {t(`notes.stamp.glyphs.${b.tool}`)}
            </span>
            <span className="max-sm:sr-only">{label}</span>
          </button>
        )
      })}
    </div>
  )
}

const GLYPH_STYLE: Partial<Record<Tool, string>> = { bold: 'font-bold', italic: 'font-serif italic', link: 'underline' }
