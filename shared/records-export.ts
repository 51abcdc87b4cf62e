import { toCsv } from './csv.ts'
import type { CheckChoice } from './accommodation-fidelity.ts'

/**
 * The family's whole record in one ZIP (docs/records.md): the pure parts. File names inside the ZIP, the index
 * page a family opens first, and the support log as CSV. The server gathers the records and writes the file.
 */

export const RECORD_SECTIONS = ['plan', 'numbers', 'records', 'concerns', 'reports', 'notebooks', 'history', 'attachments'] as const
export type RecordSection = (typeof RECORD_SECTIONS)[number]

export interface IndexEntry {
  /** The file's path inside the ZIP, '/'-separated. */
  path: string
  section: RecordSection
  description: string
  size: number
}

const NAME_MAX = 80

/**
 * One path segment safe on every system a family may unzip on: letters, digits, space, dot, dash and underscore
 * only (no separators, no '..', no reserved characters), never empty, never starting with a dot, at most 80
 * characters, with the extension kept when the name is cut.
 */
export function safeSegment(name: string, fallback = 'file'): string {
  let out = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
  if (out === '') out = fallback
  if (out.length > NAME_MAX) {
    const dot = out.lastIndexOf('.')
    const ext = dot > 0 && out.length - dot <= 10 ? out.slice(dot) : ''
    out = out.slice(0, NAME_MAX - ext.length).replace(/[\s.-]+$/, '') + ext
  }
  return out
}

/** Paths made unique the way a file manager does: a second "a.pdf" becomes "a (2).pdf". Case-insensitive. */
export function uniquePath(path: string, taken: Set<string>): string {
  let candidate = path
  const slash = path.lastIndexOf('/')
  const dot = path.lastIndexOf('.')
  const hasExt = dot > slash + 1
  const stem = hasExt ? path.slice(0, dot) : path
  const ext = hasExt ? path.slice(dot) : ''
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    if (n > 10_000) throw new RangeError('Too many files of the same name')
    candidate = `${stem} (${n})${ext}`
  }
  taken.add(candidate.toLowerCase())
  return candidate
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export interface IndexPage {
  title: string
  /** Whose copy it is and when it was made. */
  copyLine: string
  intro: string
  sectionTitles: Record<RecordSection, string>
  emptyLine: string
  entries: IndexEntry[]
}

/**
 * The index page: a plain HTML file with no script and no outside resource, opened from the unzipped folder,
 * listing every other file of the ZIP by section with what it is, each linked by its relative path.
 */
export function indexHtml(page: IndexPage): string {
  const sections = RECORD_SECTIONS.map((section) => {
    const entries = page.entries.filter((e) => e.section === section)
    const items = entries.length
      ? `<ul>\n${entries
          .map((e) => `<li><a href="${e.path.split('/').map(encodeURIComponent).join('/')}">${escapeHtml(e.path)}</a> (${formatBytes(e.size)}): ${escapeHtml(e.description)}</li>`)
          .join('\n')}\n</ul>`
      : `<p>${escapeHtml(page.emptyLine)}</p>`
    return `<section>\n<h2>${escapeHtml(page.sectionTitles[section])}</h2>\n${items}\n</section>`
  }).join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#0f172a}h2{color:#175a54;margin-top:1.5rem}li{margin:.25rem 0}</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.copyLine)}</p>
<p>${escapeHtml(page.intro)}</p>
${sections}
</body>
</html>
`
}

/** The paths an index page links to, in order: what a test compares with the ZIP's own list. */
export function indexLinks(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!.split('/').map(decodeURIComponent).join('/'))
}

export const SUPPORT_LOG_HEADER = ['date', 'support', 'status', 'reason', 'recorded_by', 'recorded_at', 'late', 'current'] as const

export interface SupportLogRow {
  date: string
  title: string
  status: CheckChoice
  reason: string | null
  recordedBy: string
  recordedAt: string
  late: boolean
  current: boolean
}

/** Every support record, oldest day first; a replaced record stays (current = false), as on the page. */
export function supportLogCsv(rows: readonly SupportLogRow[]): string {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt))
  return toCsv(
    SUPPORT_LOG_HEADER,
    sorted.map((r) => [r.date, r.title, r.status, r.reason ?? '', r.recordedBy, r.recordedAt, r.late, r.current]),
  )
}

export const HISTORY_CSV_HEADER = ['at', 'who', 'what'] as const

export function historyCsv(rows: readonly { at: string; who: string; what: string }[]): string {
  return toCsv(HISTORY_CSV_HEADER, [...rows].sort((a, b) => a.at.localeCompare(b.at)).map((r) => [r.at, r.who, r.what]))
}

export const EFFECTS_CSV_HEADER = ['date', 'what_happened', 'goal', 'note', 'recorded_by', 'recorded_at', 'corrected'] as const

/** What happened next (docs/effects.md), as it stands: oldest day first. */
export function effectsCsv(rows: readonly { date: string; kind: string; goal: string; note: string; recordedBy: string; recordedAt: string; corrected: boolean }[]): string {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt))
  return toCsv(
    EFFECTS_CSV_HEADER,
    sorted.map((r) => [r.date, r.kind, r.goal, r.note, r.recordedBy, r.recordedAt, r.corrected]),
  )
}

export const AGREEMENTS_CSV_HEADER = ['concern_date', 'concern', 'agreed_on', 'watched_until', 'item', 'what', 'who', 'due_on', 'state', 'done_on', 'done_by'] as const

/** Each agreement's promised items, one row each (an agreement with none has one row of its own). */
export function agreementsCsv(
  rows: readonly {
    concernDate: string
    concern: string
    agreedOn: string
    watchEnds: string
    items: readonly { kind: string; what: string; who: string; dueOn: string; state: string; done: { on: string; byName: string } | null }[]
  }[],
): string {
  const sorted = [...rows].sort((a, b) => a.agreedOn.localeCompare(b.agreedOn))
  return toCsv(
    AGREEMENTS_CSV_HEADER,
    sorted.flatMap((a) => {
      const head = [a.concernDate, a.concern, a.agreedOn, a.watchEnds]
      if (a.items.length === 0) return [[...head, '', '', '', '', '', '', '']]
      return a.items.map((i) => [...head, i.kind, i.what, i.who, i.dueOn, i.state, i.done?.on ?? '', i.done?.byName ?? ''])
    }),
  )
}
