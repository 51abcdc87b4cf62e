import type { Action } from './permissions.ts'

/**
 * Attachments (docs/attachments.md): files a person adds to a record. Pure rules only: which records take files,
 * which types are allowed and how a plain-text or email file is recognised from its bytes, and the name a file is
 * stored and downloaded under. The bytes themselves are the server's (server/services/attachments.server.ts).
 */

/** 10 MB: the most one file may hold. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024

/** The records a file can be attached to, in the order the issue asked for them. */
export const OWNER_KINDS = ['concern', 'letter', 'session_record', 'progress_point', 'notebook'] as const
export type OwnerKind = (typeof OWNER_KINDS)[number]

/**
 * Records a page lists by the dozen (a goal's data points, the session log), whose files are counted in one read and
 * opened one record at a time. Neither follows a concern's visibility, so a count never says more than the list would.
 */
export const LISTED_OWNER_KINDS = ['session_record', 'progress_point'] as const satisfies readonly OwnerKind[]

/**
 * The table's action that lets a person read the record a file is attached to: who may read the record may read its
 * files, and nobody else. A concern's (and its letters') files also follow the concern's visibility ('concern.read').
 */
export const OWNER_VIEW_ACTION: Readonly<Record<OwnerKind, Action>> = {
  concern: 'concerns.view',
  letter: 'concerns.view',
  session_record: 'plan.view',
  progress_point: 'plan.view',
  notebook: 'notes.view',
}

/** Types with a magic number, recognised from their first bytes by the file-type library. */
export const BINARY_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const
/** Types without one: recognised here from the bytes (valid UTF-8, no NUL; an email's header block). */
export const TEXT_TYPES = ['text/plain', 'message/rfc822'] as const
export type AttachmentType = (typeof BINARY_TYPES)[number] | (typeof TEXT_TYPES)[number]

export function isBinaryType(mime: string): mime is (typeof BINARY_TYPES)[number] {
  return (BINARY_TYPES as readonly string[]).includes(mime)
}

/** The file name endings each type is saved with; the first is added when a name ends otherwise. */
const EXTENSIONS: Readonly<Record<AttachmentType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'text/plain': ['txt', 'text', 'log', 'csv', 'md'],
  'message/rfc822': ['eml'],
}

/** What a text file is, from its bytes alone: plain text, an email, or neither (binary, broken UTF-8, a NUL byte). */
export function detectTextType(bytes: Uint8Array): 'text/plain' | 'message/rfc822' | null {
  if (bytes.includes(0)) return null
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
  return looksLikeEmail(text) ? 'message/rfc822' : 'text/plain'
}

const HEADER_LINE = /^[!-9;-~]+:/
const CONTINUATION = /^[ \t]/

/**
 * An RFC 822 message starts with a header block: lines `Name: value` (or folded continuations) up to the first
 * empty line, with at least a From and a Subject or Date among them.
 */
export function looksLikeEmail(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const names = new Set<string>()
  let headers = 0
  for (const line of lines) {
    if (line === '') break
    if (CONTINUATION.test(line) && headers > 0) continue
    if (!HEADER_LINE.test(line)) return false
    names.add(line.slice(0, line.indexOf(':')).toLowerCase())
    headers++
  }
  return headers >= 2 && names.has('from') && (names.has('subject') || names.has('date'))
}

/** The most characters a stored file name keeps (its ending included). */
export const FILE_NAME_MAX = 120

/**
 * The name a file is listed and downloaded under: the last part of what the browser sent, without control
 * characters or those file systems refuse, bounded in length, and ending as its real type does (a text file
 * sent as `page.html` is kept as `page.html.txt`, so opening the download never runs it as a page).
 */
export function safeFileName(declared: string, type: AttachmentType): string {
  const base = declared.split(/[/\\]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  let name = base.replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim()
  name = name.replace(/^[.\s]+|[.\s]+$/g, '')
  const endings = EXTENSIONS[type]
  const dot = name.lastIndexOf('.')
  const ending = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  let stem = name
  let ext = endings[0]!
  if (endings.includes(ending)) {
    stem = name.slice(0, dot)
    ext = ending
  }
  if (!stem) stem = 'file'
  const room = FILE_NAME_MAX - ext.length - 1
  if (stem.length > room) stem = [...stem].slice(0, room).join('').slice(0, room)
  return `${stem}.${ext}`
}

/** A Content-Disposition that always downloads: an ASCII fallback name and the exact one in RFC 5987 form. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;%]/g, '_')
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`
}

/** Why an upload was refused: each has its sentence in the catalogue (attachments.refused.*). */
export const UPLOAD_REFUSALS = ['tooLarge', 'empty', 'wrongType', 'noFile', 'notFound'] as const
export type UploadRefusal = (typeof UPLOAD_REFUSALS)[number]

export function isUploadRefusal(value: unknown): value is UploadRefusal {
  return typeof value === 'string' && (UPLOAD_REFUSALS as readonly string[]).includes(value)
}

/** The page to go back to after an upload: only one of the same student's own pages, never another site. */
export function safeBackPath(back: string | null | undefined, studentId: string): string {
  const home = `/students/${encodeURIComponent(studentId)}`
  if (!back) return home
  if (!back.startsWith(`${home}/`) && back !== home) return home
  if (!/^[A-Za-z0-9/_-]*$/.test(back)) return home
  return back
}

/** Where a form sends a file for a record; `back` is the page to return to (checked again by the server). */
export function attachmentUploadUrl(studentId: string, kind: OwnerKind, ownerId: string, back: string): string {
  return `/api/students/${encodeURIComponent(studentId)}/attachments/${kind}/${encodeURIComponent(ownerId)}?back=${encodeURIComponent(back)}`
}

/** Where an attached file is downloaded. */
export function attachmentDownloadUrl(studentId: string, attachmentId: string): string {
  return `/api/students/${encodeURIComponent(studentId)}/attachments/${encodeURIComponent(attachmentId)}`
}

/** The query a page reads after an upload: which record's form it was, and what happened. */
export const UPLOAD_RESULT_PARAMS = { owner: 'attachedTo', done: 'attached', refused: 'attachRefused', removed: 'attachmentRemoved' } as const

/**
 * On a page of many records (LISTED_OWNER_KINDS), the one record whose files are open: asked for with `?files=<id>`,
 * and kept open after an upload or a removal sent the person back with the record's id.
 */
export function openFilesOwner(params: URLSearchParams): string | null {
  return params.get('files') || params.get(UPLOAD_RESULT_PARAMS.owner) || null
}

/** Where a page sends "remove this file" (a route of the student's pages, through the same gate). */
export function attachmentRemoveUrl(studentId: string, attachmentId: string): string {
  return `/students/${encodeURIComponent(studentId)}/attachments/${encodeURIComponent(attachmentId)}/remove`
}
