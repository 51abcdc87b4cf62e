import PDFDocument from 'pdfkit'
import { t } from '#shared/i18n/i18n.ts'

/**
 * What every PDF the app makes carries (docs/pdfs.md): on each page a header with the school's and the student's
 * names and the document's title, "Page N of M", and the confidentiality footer. The pages are buffered
 * (PDFKit `bufferPages`) so the frame is drawn once the page count is known.
 *
 * The bytes depend on the content alone: the creation and modification dates come from the caller (a day or a
 * moment that belongs to the document, never the clock), and PDFKit derives the trailer's /ID from the info
 * dictionary (an MD5 of it), so the same document gives the same file.
 */

export interface PdfFrame {
  schoolName: string
  studentName: string
  /** The document's title and period, as the header shows it on every page. */
  title: string
}

export interface FramedPdfOptions {
  frame: PdfFrame
  info: { Title: string; Subject: string }
  /** The document's own moment: written as CreationDate and ModDate. */
  date: Date
  compress?: boolean
}

export interface FramedPdf {
  doc: PDFKit.PDFDocument
  /** The usable width between the side margins. */
  left: number
  width: number
  /** The lowest y a line of body text may start at and still end above the footer. */
  bottom: () => number
  /** Draws the frame on every page, ends the document and resolves to its bytes. */
  finish: () => Promise<Uint8Array<ArrayBuffer>>
}

// The 14 standard PDF fonts cover Windows-1252 only; anything else would print as a blank box.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const REPLACEMENTS: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '−': '-' }

export function pdfSafe(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === '\n') out += ch
    else out += REPLACEMENTS[ch] ?? '?'
  }
  return out
}

export const PDF_COLORS = { ink: '#0f172a', muted: '#334155', faint: '#94a3b8', warn: '#7c2d12', brand: '#175a54', rule: '#cbd5e1' } as const

/** Letter paper; the body keeps clear of the header band at the top and the footer band at the bottom. */
const SIDE = 48
const TOP = 64
const BOTTOM = 60
const HEADER_Y = 24
const FOOTER_GAP = 40

export function createFramedPdf(opts: FramedPdfOptions): FramedPdf {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: TOP, bottom: BOTTOM, left: SIDE, right: SIDE },
    bufferPages: true,
    compress: opts.compress ?? true,
    info: {
      Title: pdfSafe(opts.info.Title),
      Author: t('pdf.author'),
      Subject: pdfSafe(opts.info.Subject),
      CreationDate: opts.date,
      ModDate: opts.date,
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => {
      const all = Buffer.concat(chunks)
      const out = new Uint8Array(new ArrayBuffer(all.length))
      out.set(all)
      resolve(out)
    })
    doc.on('error', reject)
  })
  const left = SIDE
  const width = doc.page.width - SIDE * 2
  return {
    doc,
    left,
    width,
    bottom: () => doc.page.height - doc.page.margins.bottom,
    finish: () => {
      drawFrame(doc, opts.frame, left, width)
      doc.end()
      return done
    },
  }
}

function drawFrame(doc: PDFKit.PDFDocument, frame: PdfFrame, left: number, width: number): void {
  const range = doc.bufferedPageRange()
  const pages = range.count
  const header = pdfSafe(t('pdf.frame.header', { school: frame.schoolName, student: frame.studentName }))
  const title = pdfSafe(frame.title)
  const footer = pdfSafe(t('pdf.frame.confidential'))
  const half = width / 2 - 6
  for (let i = range.start; i < range.start + pages; i++) {
    doc.switchToPage(i)
    const { height } = doc.page
    // Text below the bottom margin makes PDFKit start a new page: lift the margins while drawing the frame.
    const margins = { ...doc.page.margins }
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 }
    const one = { lineBreak: false, ellipsis: true, height: 11 }
    doc.font('Helvetica-Bold').fontSize(8).fillColor(PDF_COLORS.muted)
    doc.text(header, left, HEADER_Y, { ...one, width: half })
    doc.font('Helvetica').text(title, left + width - half, HEADER_Y, { ...one, width: half, align: 'right' })
    doc.save().moveTo(left, HEADER_Y + 14).lineTo(left + width, HEADER_Y + 14).lineWidth(0.5).strokeColor(PDF_COLORS.rule).stroke().restore()

    const y = height - FOOTER_GAP
    doc.save().moveTo(left, y - 6).lineTo(left + width, y - 6).lineWidth(0.5).strokeColor(PDF_COLORS.rule).stroke().restore()
    const pageOf = pdfSafe(t('pdf.frame.pageOf', { page: i - range.start + 1, pages }))
    doc.font('Helvetica').fontSize(7.5).fillColor(PDF_COLORS.muted)
    doc.text(footer, left, y, { width: width - 80, height: 20 })
    doc.text(pageOf, left + width - 76, y, { ...one, width: 76, align: 'right' })
    doc.page.margins = margins
  }
}
