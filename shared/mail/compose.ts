import { addSections, t } from '../i18n/i18n.ts'
import { mail } from '../i18n/en/mail.ts'

addSections({ mail })

/**
 * One email, as its parts: what it says, in plain words, with at most one thing to do. Every message is
 * rendered twice from these parts, as plain text and as simple HTML, so neither can say something the other
 * does not.
 */
export interface MailBody {
  /** "Hello Laura," (omitted when the recipient has no name on record). */
  greeting?: string | null
  paragraphs: readonly string[]
  /** Rows of a small table (a digest's numbers); each cell already in words. */
  table?: { caption: string; head: readonly string[]; rows: readonly (readonly string[])[] } | null
  /** The one thing to do: a link, named for what it does. */
  action?: { label: string; url: string } | null
  /** Why the person got this, and how to hear less of it (notices and digests carry their settings link). */
  footer?: readonly string[]
  /** Links in the footer, e.g. "Change how you hear about Johnny". */
  footerLinks?: readonly { label: string; url: string }[]
}

export interface RenderedMail {
  text: string
  html: string
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/** Only web links go into an href: a "javascript:" or "data:" URL in a message would be an attack, not a link. */
function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : '#'
}

/** The message as plain text and as simple HTML (no images, no scripts, inline styles only), signed by the school. */
export function renderMail(args: { schoolName: string | null; body: MailBody }): RenderedMail {
  const { body } = args
  const signature = args.schoolName ? t('mail.signedBySchool', { school: args.schoolName }) : t('mail.signed')
  const text: string[] = []
  const html: string[] = []
  if (body.greeting) {
    text.push(body.greeting, '')
    html.push(`<p>${escapeHtml(body.greeting)}</p>`)
  }
  for (const p of body.paragraphs) {
    text.push(p, '')
    html.push(`<p>${escapeHtml(p)}</p>`)
  }
  if (body.table && body.table.rows.length > 0) {
    const { caption, head, rows } = body.table
    text.push(`${caption}:`)
    for (const row of rows) text.push(`- ${row.map((cell, i) => (i === 0 ? cell : `${head[i]}: ${cell}`)).join(' · ')}`)
    text.push('')
    const th = head.map((h) => `<th scope="col" style="text-align:left;padding:4px 8px;border-bottom:1px solid #ccc">${escapeHtml(h)}</th>`).join('')
    const trs = rows
      .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row" style="text-align:left;padding:4px 8px">${escapeHtml(cell)}</th>` : `<td style="padding:4px 8px">${escapeHtml(cell)}</td>`)).join('')}</tr>`)
      .join('')
    html.push(`<table style="border-collapse:collapse"><caption style="text-align:left;font-weight:bold">${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${trs}</tbody></table>`)
  }
  if (body.action) {
    text.push(`${body.action.label}: ${body.action.url}`, '')
    html.push(`<p><a href="${safeHref(body.action.url)}" style="font-weight:bold">${escapeHtml(body.action.label)}</a></p>`)
  }
  text.push(signature)
  html.push(`<p>${escapeHtml(signature)}</p>`)
  const footer = body.footer ?? []
  const links = body.footerLinks ?? []
  if (footer.length > 0 || links.length > 0) {
    text.push('', '--')
    for (const line of footer) text.push(line)
    for (const link of links) text.push(`${link.label}: ${link.url}`)
    const footerHtml = [...footer.map((line) => escapeHtml(line)), ...links.map((l) => `<a href="${safeHref(l.url)}">${escapeHtml(l.label)}</a>`)]
    html.push(`<hr><p style="font-size:small;color:#555">${footerHtml.join('<br>')}</p>`)
  }
  return {
    text: `${text.join('\n').trimEnd()}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${html.join('\n')}</body></html>`,
  }
}

/** A subject line is one line: newlines in a name would let a sender forge headers, so they become spaces. */
export function subjectLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim().slice(0, 200)
}
