import type { TextDoc } from '#shared/plan-document.ts'
import { createFramedPdf, PDF_COLORS, pdfSafe, type PdfFrame } from './pdf-frame.server.ts'

/**
 * A TextDoc (headings and paragraphs) as a PDF in the common frame (docs/pdfs.md): used for documents whose words
 * matter more than their layout, such as the plan and its versions in the records export. `date` is the
 * document's own moment, so the same document gives the same bytes.
 */
export function renderTextPdf(textDoc: TextDoc, opts: { frame: Omit<PdfFrame, 'title'>; date: Date; subject: string }): Promise<Uint8Array<ArrayBuffer>> {
  const framed = createFramedPdf({
    frame: { ...opts.frame, title: textDoc.title },
    info: { Title: textDoc.title, Subject: opts.subject },
    date: opts.date,
  })
  const { doc, left, width } = framed
  const para = (text: string, o: { font?: string; size?: number; color?: string; gap?: number } = {}) => {
    if (doc.y > framed.bottom() - 14) doc.addPage()
    doc
      .font(o.font ?? 'Helvetica')
      .fontSize(o.size ?? 9.5)
      .fillColor(o.color ?? PDF_COLORS.ink)
      .text(pdfSafe(text), left, doc.y, { width })
    doc.moveDown(o.gap ?? 0.15)
  }
  para(textDoc.title, { font: 'Helvetica-Bold', size: 18, gap: 0.2 })
  para(textDoc.intro, { color: PDF_COLORS.muted, gap: 0.3 })
  for (const section of textDoc.sections) {
    // Keep a heading with a few lines of its section.
    if (doc.y > framed.bottom() - 80) doc.addPage()
    doc.moveDown(0.4)
    para(section.heading, { font: 'Helvetica-Bold', size: 12.5, color: PDF_COLORS.brand, gap: 0.25 })
    for (const block of section.blocks) {
      if (block.heading) para(block.heading, { font: 'Helvetica-Bold', size: 10.5, gap: 0.1 })
      if (block.meta) para(block.meta, { color: PDF_COLORS.muted, size: 8.5, gap: 0.1 })
      for (const line of block.lines) para(line)
      doc.moveDown(0.3)
    }
  }
  return framed.finish()
}
