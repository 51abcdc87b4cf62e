import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { safeHref, type NoteNode } from '#shared/notes/note-json.ts'
import { notes } from '#shared/i18n/en/notes.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ notes })

/**
 * A stored note rendered read-only from its ProseMirror JSON (history days, archived notebooks, the page
 * before the editor loads). React escapes every text; links keep only http(s) and mailto targets.
 */
export function NoteView({ doc, label }: { doc: NoteNode; label: string }) {
  return (
    <div aria-label={label} role="document" className="note-content rounded-md border border-slate-200 bg-white p-3">
      {renderChildren(doc)}
    </div>
  )
}

function renderChildren(node: NoteNode): ReactNode[] {
  return (node.content ?? []).map((child, i) => renderNode(child, i))
}

function renderNode(node: NoteNode, key: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{renderChildren(node)}</p>
    case 'heading': {
      // Headings inside a note sit below the page's own h1 and h2 (the editor offers levels 3 and 4).
      const level = Math.min(6, Math.max(3, Number(node.attrs?.level ?? 3)))
      const Tag = `h${level}` as 'h3'
      return <Tag key={key}>{renderChildren(node)}</Tag>
    }
    case 'bulletList':
      return <ul key={key}>{renderChildren(node)}</ul>
    case 'orderedList':
      return <ol key={key}>{renderChildren(node)}</ol>
    case 'listItem':
      return <li key={key}>{renderChildren(node)}</li>
    case 'taskList':
      return (
        <ul key={key} data-type="taskList">
          {renderChildren(node)}
        </ul>
      )
    case 'taskItem': {
      return <TaskItem key={key} node={node} />
    }
    case 'blockquote':
      return <blockquote key={key}>{renderChildren(node)}</blockquote>
    case 'codeBlock':
      return (
        <pre key={key}>
          <code>{renderChildren(node)}</code>
        </pre>
      )
    case 'horizontalRule':
      return <hr key={key} />
    case 'hardBreak':
      return <br key={key} />
    case 'text':
      return <TextRun key={key} node={node} />
    default:
      return <div key={key}>{renderChildren(node)}</div>
  }
}

// Symbols, not words: hidden from screen readers, which hear the words beside them.
const TICKED = '☑'
const UNTICKED = '☐'

function TaskItem({ node }: { node: NoteNode }) {
  const { t } = useTranslation()
  const checked = Boolean(node.attrs?.checked)
  return (
    <li data-checked={checked}>
      <span aria-hidden="true">{checked ? TICKED : UNTICKED} </span>
      <span className="sr-only">{checked ? t('notes.view.done') : t('notes.view.toDo')}</span>
      <div>{renderChildren(node)}</div>
    </li>
  )
}

function TextRun({ node }: { node: NoteNode }) {
  let out: ReactNode = node.text ?? ''
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>
    else if (mark.type === 'italic') out = <em>{out}</em>
    else if (mark.type === 'underline') out = <u>{out}</u>
    else if (mark.type === 'strike') out = <s>{out}</s>
    else if (mark.type === 'code') out = <code>{out}</code>
    else if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href)
      if (href) out = <a href={href} rel="noopener noreferrer nofollow" className="text-brand-700 underline">{out}</a>
    }
  }
  return <>{out}</>
}
