/** A stored note as ProseMirror JSON (what the server reads out of a Yjs state for history and search). */
export interface NoteMark {
  type: string
  attrs?: Record<string, unknown>
}

export interface NoteNode {
  type: string
  attrs?: Record<string, unknown>
  content?: NoteNode[]
  text?: string
  marks?: NoteMark[]
}

const BLOCKS = new Set(['paragraph', 'heading', 'codeBlock', 'taskItem', 'listItem', 'blockquote', 'horizontalRule'])

/**
 * The words of a note, one block per line, for search and for the read-only history. Task items keep their
 * state as "[x]" / "[ ]" so a search for a finished task still reads right.
 */
export function plainTextOf(node: NoteNode): string {
  const lines: string[] = []
  let line = ''
  const endLine = () => {
    const trimmed = line.replace(/\s+/g, ' ').trim()
    if (trimmed) lines.push(trimmed)
    line = ''
  }
  const walk = (n: NoteNode) => {
    if (n.type === 'text') {
      line += n.text ?? ''
      return
    }
    if (n.type === 'hardBreak') {
      line += ' '
      return
    }
    const isBlock = BLOCKS.has(n.type)
    if (isBlock && line) endLine()
    if (n.type === 'taskItem') line += n.attrs?.checked ? '[x] ' : '[ ] '
    for (const child of n.content ?? []) {
      // A list item's paragraphs continue its own line rather than starting new ones.
      if ((n.type === 'taskItem' || n.type === 'listItem') && child.type === 'paragraph') {
        for (const c of child.content ?? []) walk(c)
        line += ' '
      } else walk(child)
    }
    if (isBlock) endLine()
  }
  walk(node)
  endLine()
  return lines.join('\n')
}

/** Only these link targets are ever rendered as links (stored notes are user content). */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null
  try {
    const url = new URL(href)
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.toString() : null
  } catch {
    return null
  }
}
