import { t } from '#shared/i18n/i18n.ts'
import type { MeetingBrief } from '#shared/meeting-brief.ts'
import { createFramedPdf, PDF_COLORS, pdfSafe } from './pdf-frame.server.ts'

export { pdfSafe }

/**
 * The meeting brief as a PDF, made on the server with PDFKit (not a browser screenshot): the same sentences as
 * the printable page (shared/meeting-brief.ts), laid out for Letter paper in the common frame (header, page
 * numbers, confidentiality footer: server/services/pdf-frame.server.ts). Pure rendering: the brief comes
 * from the gated `brief.get` procedure, so this module never reads the database.
 */

const INK = PDF_COLORS.ink
const MUTED = PDF_COLORS.muted
const WARN = PDF_COLORS.warn
const BRAND = PDF_COLORS.brand

export function renderMeetingBriefPdf(brief: MeetingBrief, opts: { compress?: boolean } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const framed = createFramedPdf({
    frame: { schoolName: brief.school.name, studentName: brief.student.name, title: brief.title },
    info: {
      Title: brief.title,
      Subject: t('pdf.briefSubject', { asOf: brief.asOf, services: brief.services.map((s) => s.name).join(', ') || t('pdf.briefNoServices') }),
    },
    date: new Date(`${brief.asOf}T12:00:00Z`),
    compress: opts.compress,
  })
  const { doc, left, width } = framed

  const para = (text: string, o: { font?: string; size?: number; color?: string; indent?: number; gap?: number } = {}) => {
    doc
      .font(o.font ?? 'Helvetica')
      .fontSize(o.size ?? 9.5)
      .fillColor(o.color ?? INK)
      .text(pdfSafe(text), left + (o.indent ?? 0), doc.y, { width: width - (o.indent ?? 0) })
    doc.moveDown(o.gap ?? 0.15)
  }
  /** A list item with a hanging indent: the marker in the margin, wrapped lines under the text. */
  const item = (marker: string, text: string, o: { color?: string; font?: string; gap?: number } = {}) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 24) doc.addPage()
    const y = doc.y
    doc.font(o.font ?? 'Helvetica').fontSize(9.5).fillColor(o.color ?? INK)
    doc.text(marker, left + 4, y, { width: 14, align: 'right' })
    doc.text(pdfSafe(text), left + 22, y, { width: width - 22 })
    doc.moveDown(o.gap ?? 0.15)
  }
  const section = (title: string) => {
    // Keep a heading with at least a few lines of its section.
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage()
    doc.moveDown(0.5)
    para(title, { font: 'Helvetica-Bold', size: 12.5, color: BRAND, gap: 0.25 })
  }
  const bullet = (text: string, o: { color?: string; font?: string } = {}) => item('•', text, o)

  para(brief.title, { font: 'Helvetica-Bold', size: 18, gap: 0.2 })
  para(brief.intro, { color: MUTED, gap: 0.2 })

  if (brief.reductions.length > 0) {
    section(t('pdf.briefReductionsHeading'))
    for (const r of brief.reductions) bullet(r.text, { color: WARN })
  }

  section(t('pdf.briefServicesHeading'))
  if (brief.services.length === 0) para(t('pdf.briefNoServicesYet'))
  for (const s of brief.services) {
    para(s.name, { font: 'Helvetica-Bold', size: 10.5, gap: 0.1 })
    para(s.schedule, { color: MUTED, gap: 0.1 })
    para(s.delivery, { gap: 0.1 })
    para(t('pdf.briefSessions', { sessions: s.sessions }), { gap: 0.1 })
    para(t('pdf.briefLedger', { ledger: s.ledger }), { font: 'Helvetica-Bold', gap: 0.1 })
    if (s.missedReasons.length) para(t('pdf.briefMissedReasons', { reasons: s.missedReasons.join('; ') }), { gap: 0.1 })
    for (const a of s.alerts) bullet(t('pdf.briefAlert', { alert: a }), { color: WARN, font: 'Helvetica-Bold' })
    doc.moveDown(0.4)
  }

  section(t('pdf.briefAccommodationsHeading'))
  if (brief.accommodations.length === 0) para(t('pdf.briefNoAccommodationsYet'))
  for (const a of brief.accommodations) {
    const rate = a.fidelity ? t(a.low ? 'pdf.briefFidelityLow' : 'pdf.briefFidelity', { fidelity: a.fidelity }) : ''
    para(`${a.title}${rate}`, { font: 'Helvetica-Bold', color: a.low ? WARN : INK, gap: 0.05 })
    para(a.detail, { color: MUTED, gap: 0.25 })
  }

  section(t('pdf.briefGoalsHeading'))
  if (brief.goals.length === 0) para(t('pdf.briefNoGoals'))
  for (const g of brief.goals) {
    para(`${g.heading} — ${g.status}`, { font: 'Helvetica-Bold', size: 10.5, gap: 0.05 })
    para(g.summary, { gap: 0.05 })
    para(t('pdf.briefTarget', { target: g.target, reason: g.statusReason }), { color: MUTED, gap: 0.05 })
    para(g.latest, { gap: 0.05 })
    if (g.flag) para(g.flag, { font: 'Helvetica-Bold', color: WARN, gap: 0.05 })
    doc.moveDown(0.3)
  }

  section(t('pdf.briefConcernsHeading'))
  if (brief.concerns.items.length === 0) para(brief.concerns.emptyText)
  for (const c of brief.concerns.items) bullet(c.text)

  if (brief.agreements.length > 0) {
    section(t('concerns.agreement.briefHeading'))
    for (const a of brief.agreements) {
      para(a.heading, { font: 'Helvetica-Bold', size: 10.5, gap: 0.05 })
      if (a.watch) para(a.watch, { color: MUTED, gap: 0.05 })
      for (const i of a.items) bullet(i.text)
    }
  }

  section(t('pdf.briefQuestionsHeading'))
  brief.questions.forEach((q, i) => item(`${i + 1}.`, q, { gap: 0.25 }))

  doc.moveDown(1)
  para(t('pdf.briefFooter', { asOf: brief.asOf }), { size: 8, color: MUTED })
  return framed.finish()
}
