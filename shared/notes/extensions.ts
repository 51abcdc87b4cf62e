import type { AnyExtension } from '@tiptap/core'
import { TaskItem, TaskList } from '@tiptap/extension-list'
import StarterKit from '@tiptap/starter-kit'
import { addSections, t } from '../i18n/i18n.ts'
import { notes } from '../i18n/en/notes.ts'

addSections({ notes })

/** The Yjs fragment the editor binds to; the server writes initial content and restores into the same one. */
export const NOTE_FIELD = 'default'

/**
 * The one list of content extensions, shared by the browser editor and the server (which builds the same
 * ProseMirror schema to write a new notebook's first content and to read stored states back). Undo/redo is
 * off because the Collaboration extension brings its own, per-user undo.
 */
export function noteContentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], defaultProtocol: 'https' },
    }),
    TaskList,
    TaskItem.configure({
      nested: true,
      // Each checkbox is named by its task, so a screen reader says what is being ticked.
      a11y: {
        checkboxLabel: (node, checked) => t(checked ? 'notes.taskDone' : 'notes.taskToDo', { task: node.textContent || t('notes.emptyTask') }),
      },
    }),
  ]
}
