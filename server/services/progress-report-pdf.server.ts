import { fidelityDaysSentence, fidelityReading } from '#shared/fidelity-words.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { t } from '#shared/i18n/i18n.ts'
import { briefFirstName, percent } from '#shared/meeting-brief.ts'
import { codeLabel, MIN_POINTS_TO_JUDGE, type ProgressReportDoc, type ReportCaution, type ReportGoal, type ReportService } from '#shared/progress-report.ts'
import type { RegulationState } from '#shared/schemas/plan.ts'
import { MISSED_REASONS, REASON_LABELS } from '#shared/services.ts'
import { listInWords } from '#shared/word-list.ts'
import { createFramedPdf, PDF_COLORS, pdfSafe } from './pdf-frame.server.ts'

/**
 * A progress report (shared/progress-report.ts) as a PDF, in the common frame (server/services/pdf-frame.server.ts).
 * Pure rendering: the same document and version give the same bytes, always (docs/pdfs.md#same-bytes), so the
 * file stored at issue time can be checked against its hash and rendered again to the same file.
 * Charts are drawn as vector paths, not images: sharp at any zoom and a few hundred bytes each.
 */

export interface ReportVersionInfo {
  version: number
  issuedAt: string
  correctionReason: string | null
}

const { ink: INK, muted: MUTED, warn: WARN, brand: BRAND, rule: RULE, faint: FAINT } = PDF_COLORS
const CAUTION_FILL = '#fef3c7'
const CAUTION_EDGE = '#d97706'
const CAUTION_PAD = 6
const MARK: Record<RegulationState, string> = { calm: BRAND, uneasy: '#b45309', dysregulated: '#b91c1c' }
const CHART_HEIGHT = 120
const CHART_AXIS = 34
/** The chart with its axis labels and legend, as much room as it needs on a page. */
const CHART_TOTAL = CHART_HEIGHT + 40

const day = (date: string) => formatDay(date, 'medium')
const areaTitle = (area: string) => area.charAt(0).toUpperCase() + area.slice(1)

/** The first number in a baseline's words ("About 6 minutes in September" → 6), or null when there is none. */
export function baselineNumber(baseline: string): number | null {
  const match = /-?\d+(?:\.\d+)?/.exec(baseline)
  return match ? Number(match[0]) : null
}

/** The words of a caution, with the numbers it needs. */
export function cautionText(caution: ReportCaution, goal: Pick<ReportGoal, 'points' | 'mastery'>, studentName: string): string {
  if (caution === 'met_on_paper') return t('reports.cautions.met_on_paper', { name: briefFirstName({ name: studentName, preferredName: null }) })
  return t('reports.cautions.too_few_points', { count: goal.points.length, needed: Math.max(MIN_POINTS_TO_JUDGE, goal.mastery.consecutive) })
}

export function renderProgressReportPdf(report: ProgressReportDoc, version: ReportVersionInfo, opts: { compress?: boolean } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const title = t('pdf.report.title', { period: report.period.name, start: day(report.period.start), end: day(report.period.end) })
  const framed = createFramedPdf({
    frame: { schoolName: report.school.name, studentName: report.student.name, title: t('pdf.report.frameTitle', { period: report.period.name }) },
    info: { Title: title, Subject: t('pdf.report.subject', { name: report.student.name, period: report.period.name, version: version.version }) },
    date: new Date(version.issuedAt),
    compress: opts.compress,
  })
  const { doc, left, width } = framed
  const first = briefFirstName({ name: report.student.name, preferredName: null })

  const style = (o: { font?: string; size?: number; color?: string }) =>
    doc
      .font(o.font ?? 'Helvetica')
      .fontSize(o.size ?? 9.5)
      .fillColor(o.color ?? INK)
  const heightOf = (text: string, o: { font?: string; size?: number; indent?: number } = {}) => {
    style(o)
    return doc.heightOfString(pdfSafe(text), { width: width - (o.indent ?? 0) })
  }
  /** Starts a new page unless `height` points still fit above the footer. */
  const keep = (height: number) => {
    if (doc.y + height > framed.bottom()) doc.addPage()
  }
  const para = (text: string, o: { font?: string; size?: number; color?: string; indent?: number; gap?: number } = {}) => {
    keep(heightOf(text, o))
    style(o).text(pdfSafe(text), left + (o.indent ?? 0), doc.y, { width: width - (o.indent ?? 0) })
    doc.moveDown(o.gap ?? 0.15)
  }
  /** A heading, kept with at least `next` points of what follows it. */
  const heading = (text: string, next = 60, o: { size?: number; color?: string } = {}) => {
    const size = o.size ?? 13
    keep(heightOf(text, { font: 'Helvetica-Bold', size }) + next + 8)
    doc.moveDown(0.4)
    para(text, { font: 'Helvetica-Bold', size, color: o.color ?? BRAND, gap: 0.25 })
  }
  const bullet = (text: string, o: { color?: string } = {}) => {
    keep(heightOf(text, { indent: 22 }))
    const y = doc.y
    style({ color: o.color }).text('•', left + 4, y, { width: 14, align: 'right' })
    doc.text(pdfSafe(text), left + 22, y, { width: width - 22 })
    doc.moveDown(0.15)
  }

  // The document's own head: what, who, which version.
  para(title, { font: 'Helvetica-Bold', size: 17, gap: 0.2 })
  const grade = report.student.grade
  para(
    grade === null
      ? t('pdf.report.studentNoGrade', { name: report.student.name })
      : grade === 0
        ? t('pdf.report.studentKindergarten', { name: report.student.name })
        : t('pdf.report.student', { name: report.student.name, grade }),
    { font: 'Helvetica-Bold', size: 11, gap: 0.1 },
  )
  const issued = day(version.issuedAt.slice(0, 10))
  para(
    version.correctionReason
      ? t('pdf.report.versionCorrected', { version: version.version, date: issued, reason: version.correctionReason })
      : t('pdf.report.version', { version: version.version, date: issued }),
    { color: version.correctionReason ? WARN : MUTED, gap: 0.1 },
  )
  para(t('pdf.report.asOf', { date: day(report.asOf) }), { color: MUTED, gap: 0.2 })

  heading(t('pdf.report.codesHeading'), 30, { size: 11 })
  for (const c of report.codes) bullet(c.label)

  heading(t('pdf.report.goalsHeading'))
  if (report.goals.length === 0) para(t('pdf.report.noGoals'))
  for (const goal of report.goals) drawGoal(goal)

  heading(t('pdf.report.servicesHeading'))
  if (report.services.length === 0) para(t('pdf.report.noServices'))
  for (const s of report.services) drawService(s)

  heading(t('pdf.report.accommodationsHeading'))
  if (report.accommodations.length === 0) para(t('pdf.report.noAccommodations'))
  for (const a of report.accommodations) {
    const reading = fidelityReading(a)
    const head = reading === 'share' ? t('pdf.report.accommodationShare', { title: a.title, fidelity: percent(a.fidelity) }) : a.title
    const detail = fidelityDaysSentence(a) ?? t('pdf.report.accommodationNoDays')
    keep(heightOf(head, { font: 'Helvetica-Bold' }) + heightOf(detail))
    para(head, { font: 'Helvetica-Bold', color: reading === 'share' && a.fidelity < 0.9 ? WARN : INK, gap: 0.05 })
    para(detail, { color: MUTED, gap: 0.3 })
  }

  heading(t('pdf.report.concernsHeading'), 20)
  if (report.concerns.length === 0) para(t('pdf.report.noConcerns'))
  for (const c of report.concerns) {
    const date = day(c.date)
    bullet(c.linkedTo.length ? t('pdf.report.concernLinked', { date, issue: c.issue, linked: listInWords(c.linkedTo) }) : t('pdf.report.concern', { date, issue: c.issue }))
  }

  return framed.finish()

  function drawGoal(goal: ReportGoal): void {
    const label = codeLabel(report.codes, goal.code)
    type Line = [string, { font?: string; size?: number; color?: string; gap?: number }]
    const texts: Line[] = [
      [t('pdf.report.means', { text: goal.plain.means }), { gap: 0.1 }],
      [t('pdf.report.measure', { text: goal.plain.measure }), { gap: 0.1 }],
      [t('pdf.report.official', { text: goal.officialText }), { size: 8, color: MUTED, gap: 0.15 }],
      [t('pdf.report.baseline', { text: goal.baseline }), { gap: 0.05 }],
      [t('pdf.report.target', { text: goal.target }), { gap: 0.05 }],
      [t('pdf.report.rule', { rule: goal.ruleText }), { gap: 0.15 }],
      [label ? t('pdf.report.code', { label }) : t('pdf.report.noCode'), { font: 'Helvetica-Bold', size: 10.5, gap: 0.1 }],
      ...(goal.narrative.trim() ? [[t('pdf.report.narrative', { text: goal.narrative.trim() }), { gap: 0.2 }] satisfies Line] : []),
    ]
    const cautions = goal.cautions.map((c) => cautionText(c, goal, report.student.name))
    const r = goal.regulation
    const counts = t('pdf.report.regulation', { total: goal.points.length, calm: r.calm, uneasy: r.uneasy, dysregulated: r.dysregulated })
    const below = goal.points.length === 0 ? heightOf(t('pdf.report.noData')) : heightOf(counts) + CHART_TOTAL
    const tail = (cautions.length ? cautionHeight(cautions) + 6 : 0) + below + 4
    // A goal that fits on a page is kept on one; a longer one keeps its heading with the first lines.
    const whole = texts.reduce((h, [text, o]) => h + heightOf(text, o) + 3, 0) + tail
    const body = doc.page.height - doc.page.margins.top - doc.page.margins.bottom - 40
    heading(t('pdf.report.goalHeading', { area: areaTitle(goal.area) }), whole < body ? whole : heightOf(texts[0]![0]) + 40, { size: 12 })
    for (const [text, o] of texts) para(text, o)
    // The cautions, the counts and the chart they describe stay together.
    keep(tail)
    if (cautions.length) cautionBox(cautions)
    if (goal.points.length === 0) para(t('pdf.report.noData'), { font: 'Helvetica-Oblique', color: MUTED, gap: 0.4 })
    else {
      para(counts, { color: MUTED, gap: 0.2 })
      chart(goal)
    }
    doc.moveDown(0.5)
  }

  function cautionHeight(lines: string[]): number {
    const inner = width - CAUTION_PAD * 2 - 4
    style({ font: 'Helvetica-Bold' })
    let height = doc.heightOfString(pdfSafe(t('pdf.report.cautionTitle')), { width: inner }) + CAUTION_PAD * 2
    style({})
    for (const line of lines) height += doc.heightOfString(pdfSafe(line), { width: inner }) + 2
    return height
  }

  function cautionBox(lines: string[]): void {
    const pad = CAUTION_PAD
    const inner = width - pad * 2 - 4
    const head = pdfSafe(t('pdf.report.cautionTitle'))
    const height = cautionHeight(lines)
    keep(height + 4)
    const top = doc.y
    doc.save().rect(left, top, width, height).fillColor(CAUTION_FILL).fill().restore()
    doc.save().rect(left, top, 3, height).fillColor(CAUTION_EDGE).fill().restore()
    style({ font: 'Helvetica-Bold', color: WARN }).text(head, left + pad + 4, top + pad, { width: inner })
    for (const line of lines) {
      style({ color: WARN }).text(pdfSafe(line), left + pad + 4, doc.y + 2, { width: inner })
    }
    doc.x = left
    doc.y = top + height + 6
  }

  function chart(goal: ReportGoal): void {
    const legendHeight = 16
    keep(CHART_TOTAL)
    const top = doc.y + 4
    const x0 = left + CHART_AXIS
    const x1 = left + width - 44
    const y1 = top + CHART_HEIGHT
    const start = Date.parse(`${report.period.start}T00:00:00Z`)
    const span = Math.max(1, Date.parse(`${report.period.end}T00:00:00Z`) - start)
    const threshold = goal.mastery.threshold
    const values = goal.points.map((p) => p.value)
    const top0 = Math.max(threshold, ...values)
    // A baseline far off the chart's scale (a year read as the number) is not drawn rather than flattening the data.
    const rawBase = baselineNumber(goal.baseline)
    const base = rawBase !== null && rawBase >= 0 && rawBase <= top0 * 2 ? rawBase : null
    const step = niceStep((Math.max(top0, base ?? 0) * 1.1 || 1) / 4)
    const max = Math.ceil((Math.max(top0, base ?? 0) * 1.1 || 1) / step) * step
    const xOf = (date: string) => x0 + ((Date.parse(`${date}T00:00:00Z`) - start) / span) * (x1 - x0)
    const yOf = (value: number) => y1 - (Math.min(value, max) / max) * CHART_HEIGHT

    // Frame, gridlines and axis labels.
    doc.save().lineWidth(0.5).strokeColor(RULE)
    doc.rect(x0, top, x1 - x0, CHART_HEIGHT).stroke()
    style({ size: 7, color: MUTED })
    for (let v = 0; v <= max + step / 2; v += step) {
      const y = yOf(v)
      if (v > 0 && v < max - step / 2) doc.moveTo(x0, y).lineTo(x1, y).stroke()
      doc.text(tick(v), left, y - 3, { width: CHART_AXIS - 4, align: 'right', lineBreak: false })
    }
    doc.restore()
    style({ size: 7, color: MUTED })
    doc.text(pdfSafe(formatDay(report.period.start, 'monthDay')), x0, y1 + 3, { width: 60, lineBreak: false })
    doc.text(pdfSafe(formatDay(report.period.end, 'monthDay')), x1 - 60, y1 + 3, { width: 60, align: 'right', lineBreak: false })

    // The goal's bar (dashed) and the baseline (dotted), labelled at the right.
    doc.save().lineWidth(1).strokeColor(BRAND).dash(4, { space: 3 }).moveTo(x0, yOf(threshold)).lineTo(x1, yOf(threshold)).stroke().undash().restore()
    style({ font: 'Helvetica-Bold', size: 7, color: BRAND }).text(pdfSafe(t('pdf.report.chartGoal')), x1 + 3, yOf(threshold) - 3, { width: 41, lineBreak: false })
    if (base !== null) {
      doc.save().lineWidth(1).strokeColor(MUTED).dash(1, { space: 2 }).moveTo(x0, yOf(base)).lineTo(x1, yOf(base)).stroke().undash().restore()
      style({ size: 7, color: MUTED }).text(pdfSafe(t('pdf.report.chartBaseline')), x1 + 3, yOf(base) - 3, { width: 41, lineBreak: false })
    }

    // The period's points: a line, then a mark on each showing how the student was doing.
    doc.save().lineWidth(0.8).strokeColor(FAINT)
    goal.points.forEach((p, i) => (i === 0 ? doc.moveTo(xOf(p.date), yOf(p.value)) : doc.lineTo(xOf(p.date), yOf(p.value))))
    if (goal.points.length > 1) doc.stroke()
    doc.restore()
    for (const p of goal.points) marker(p.regulation, xOf(p.date), yOf(p.value))

    // Legend under the chart.
    let x = x0
    const ly = y1 + 16
    style({ size: 7, color: MUTED })
    const intro = pdfSafe(t('pdf.report.chartLegend', { name: first }))
    doc.text(intro, x, ly, { lineBreak: false })
    x += doc.widthOfString(intro) + 8
    for (const state of ['calm', 'uneasy', 'dysregulated'] as const) {
      marker(state, x + 3, ly + 3)
      const word = pdfSafe(t(`goals.regulation.${state}`))
      style({ size: 7, color: MUTED }).text(word, x + 9, ly, { lineBreak: false })
      x += 9 + doc.widthOfString(word) + 10
    }
    doc.x = left
    doc.y = ly + legendHeight
  }

  function marker(state: RegulationState, x: number, y: number): void {
    const r = 2.6
    doc.save().lineWidth(1).strokeColor(MARK[state]).fillColor(MARK[state])
    if (state === 'calm') doc.circle(x, y, r).fill()
    else if (state === 'uneasy') doc.polygon([x, y - r - 0.4], [x + r, y + r - 0.4], [x - r, y + r - 0.4]).stroke()
    else doc.moveTo(x - r, y - r).lineTo(x + r, y + r).moveTo(x + r, y - r).lineTo(x - r, y + r).stroke()
    doc.restore()
  }

  function drawService(s: ReportService): void {
    const n = s.sessions
    const reasons = MISSED_REASONS.filter((r) => (s.missedByReason[r] ?? 0) > 0).map((r) => t('pdf.report.missedReason', { reason: REASON_LABELS[r], count: s.missedByReason[r] ?? 0 }))
    const lines = [
      t('pdf.report.minutes', { delivered: s.minutesDelivered, mandated: s.minutesMandated }),
      t('pdf.report.sessions', { due: n.due, delivered: n.delivered, missed: n.missed, unrecorded: n.unrecorded, madeUp: n.madeUp }),
      ...(reasons.length ? [t('pdf.report.missedByReason', { reasons: reasons.join('; ') })] : []),
      t('pdf.report.ledger', { owed: s.ledger.minutesOwed, madeUp: s.ledger.minutesMadeUp, balance: s.ledger.balanceAtEnd }),
    ]
    // A service's few lines stay on one page.
    keep(heightOf(s.name, { font: 'Helvetica-Bold', size: 10.5 }) + heightOf(t('pdf.report.provider', { provider: s.providerName })) + lines.reduce((h, l) => h + heightOf(l) + 2, 0))
    para(s.name, { font: 'Helvetica-Bold', size: 10.5, gap: 0.05 })
    para(t('pdf.report.provider', { provider: s.providerName }), { color: MUTED, gap: 0.05 })
    lines.forEach((line, i) => para(line, { font: i === lines.length - 1 ? 'Helvetica-Bold' : 'Helvetica', gap: 0.05 }))
    doc.moveDown(0.4)
  }
}

/** A step for the value axis: 1, 2 or 5 times a power of ten, at least `rough`. */
export function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough - 1e-9)
  return step ?? 10 * power
}

/** An axis label: whole numbers as such, others with one decimal. */
function tick(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1)
}
