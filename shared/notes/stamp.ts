import type { JSONContent } from '@tiptap/core'
import { formatDay } from '../i18n/format.ts'
import { addSections, t } from '../i18n/i18n.ts'
import type { IsoDate } from '../school-date.ts'
import { notes } from '../i18n/en/notes.ts'

addSections({ notes })

/** "— Laura Miller, Sat, Dec 5": who wrote the lines above, and on which day. */
export function stampText(author: string, date: IsoDate): string {
  return t('notes.stamp.line', { name: author, date: formatDay(date) })
}

/**
 * The stamp as a line of its own: a paragraph node, so that inserted inside a line it splits it rather than
 * running the name into the words around it.
 */
export function stampContent(author: string, date: IsoDate): JSONContent {
  return { type: 'paragraph', content: [{ type: 'text', text: stampText(author, date) }] }
}
