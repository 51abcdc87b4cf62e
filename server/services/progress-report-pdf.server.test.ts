import { afterEach, describe, expect, test, vi } from 'vitest'
import { pdfPageCount, pdfPageTexts, pdfStreams, pdfText } from '#tests/fixtures/pdf-text.ts'
import { longReportDoc, REPORT_VERSION, reportDoc, reportGoal, reportPoints, reportService } from '#tests/fixtures/progress-report-doc.ts'
import { baselineNumber, renderProgressReportPdf } from './progress-report-pdf.server.ts'

const flat = (text: string) => text.replace(/\n/g, ' ')

/** Rising to 22 minutes, the last point taken with Johnny dysregulated: the number reaches the goal of 20. */
const metOnPaperGoal = reportGoal({ points: reportPoints({ from: 4, to: 22, regulation: (i) => (i === 26 ? 'dysregulated' : 'calm') }) })

afterEach(() => {
  vi.useRealTimers()
})

describe('the progress report PDF', () => {
  test('says who, which period and which version, then each goal, service, support and open concern', async () => {
    const doc = reportDoc({ student: { name: 'Johnny Miller', grade: 3 } })
    const text = flat(pdfText(await renderProgressReportPdf(doc, REPORT_VERSION)))
    const expected = [
      'Progress report — Quarter 1 (Aug 24, 2026 to Oct 23, 2026)',
      'Johnny Miller, grade 3',
      'Version 1, issued Oct 26, 2026.',
      'Progress codes used in this report',
      'Not yet introduced',
      'Behavior goal',
      'What it means: Johnny stays with his group for work time.',
      'How it is measured: Staff time how long he stays with the group, three times a week.',
      'As written in the IEP: Given a visual schedule',
      'Baseline: About 6 minutes in September 2025',
      'Target: 20 minutes',
      'Counts as mastered at: 20 minutes or better in 3 sessions in a row',
      'Progress: Sufficient progress to meet the goal',
      'The team’s notes: Johnny stayed with his group longer each week',
      'Points taken this period: 27 (',
      'Services: mandated and delivered this period',
      'Speech-language therapy',
      'Provided by Priya Shah',
      '450 of 540 mandated minutes delivered.',
      'Sessions: 18 due, 15 delivered, 2 missed, 1 not recorded, 1 made up.',
      'Missed, by reason: Provider absent: 2.',
      'Make-up minutes: 90 owed this period, 30 made up this period, 60 still owed at its end.',
      'Accommodations: were they used?',
      'Break card — 85.7% of the days it was needed',
      'Open concerns',
      'Oct 7, 2026: Speech sessions missed two weeks running (linked to Speech-language therapy)',
    ]
    let from = 0
    for (const line of expected) {
      const at = text.indexOf(line, from)
      expect(at, line).toBeGreaterThanOrEqual(0)
      from = at + line.length
    }
  })

  test('a corrected version says so, with the reason', async () => {
    const text = flat(pdfText(await renderProgressReportPdf(reportDoc(), { version: 2, issuedAt: '2026-11-02T16:00:00.000Z', correctionReason: 'The speech minutes left out two make-up sessions.' })))
    expect(text).toContain('Version 2, issued Nov 2, 2026. Corrected: The speech minutes left out two make-up sessions.')
  })

  test('the same document and version give the same bytes, whatever the clock says', async () => {
    const doc = longReportDoc({ goals: 3 })
    const a = await renderProgressReportPdf(doc, REPORT_VERSION)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2031-05-05T08:00:00Z'))
    const b = await renderProgressReportPdf(doc, REPORT_VERSION)
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    // The dates inside are the issue's, and the trailer's /ID follows from them, not from the clock.
    const raw = Buffer.from(b).toString('latin1')
    expect(raw.match(/\(D:20261026153000Z\)/g)).toHaveLength(2)
    expect(raw).not.toContain('D:2031')
    // Another version is another file.
    const c = await renderProgressReportPdf(doc, { ...REPORT_VERSION, version: 2, issuedAt: '2026-11-02T16:00:00.000Z' })
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false)
  })

  test('every page carries the school and the student, the period, "Page N of M" and the confidentiality footer', async () => {
    const pdf = await renderProgressReportPdf(longReportDoc(), REPORT_VERSION)
    const pages = pdfPageTexts(pdf)
    expect(pages.length).toBeGreaterThan(2)
    expect(pdfPageCount(pdf)).toBe(pages.length)
    pages.forEach((page, i) => {
      const text = flat(page)
      expect(text).toContain('Maple Elementary · Johnny Miller')
      expect(text).toContain('Progress report — Quarter 1')
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`)
      expect(text).toContain('Confidential: this student’s education record is protected by FERPA. Do not share outside the IEP team.')
    })
  })

  test('a goal met on paper prints its caution; one with too few points says how many it has and needs', async () => {
    expect(metOnPaperGoal.cautions).toEqual(['met_on_paper'])
    const sparse = reportGoal({ goalId: 'g2', area: 'reading', points: reportPoints({ weeks: 1, perWeek: 2 }), mastery: { threshold: 20, consecutive: 4, independentOnly: false } })
    expect(sparse.cautions).toEqual(['too_few_points'])
    const text = flat(pdfText(await renderProgressReportPdf(reportDoc({ goals: [metOnPaperGoal, sparse] }), REPORT_VERSION)))
    expect(text).toContain('Read with care')
    expect(text).toContain('Met on paper: the number reaches the goal, but Johnny was dysregulated in recent sessions. Check before calling it mastered.')
    expect(text).toContain('Too few data points this period to judge (2; at least 4 needed).')
    expect(flat(pdfText(await renderProgressReportPdf(reportDoc(), REPORT_VERSION)))).not.toContain('Read with care')
  })

  test('the chart is drawn as vectors: paths in the content, no image; the goal and baseline lines are labelled', async () => {
    const pdf = await renderProgressReportPdf(reportDoc(), REPORT_VERSION, { compress: false })
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw).not.toMatch(/\/Subtype\s*\/Image/)
    expect(raw).not.toContain('/XObject')
    const content = pdfStreams(pdf).join('\n')
    // Lines (m/l … S), the dashed goal line ([4 3] d) and the dotted baseline ([1 2] d), filled markers (f).
    expect(content).toMatch(/[\d.]+ [\d.]+ m\s+[\d.]+ [\d.]+ l/)
    expect(content).toMatch(/\[4 3\] 0 d/)
    expect(content).toMatch(/\[1 2\] 0 d/)
    expect(content).toMatch(/\bf\b/)
    const text = flat(pdfText(pdf))
    for (const label of ['Goal', 'Baseline', 'Calm', 'Uneasy', 'Dysregulated']) expect(text).toContain(label)
  })

  test('a goal with no points in the period says "No data this period." instead of a chart', async () => {
    const empty = reportGoal({ points: [] }, { code: 'not_introduced' })
    const text = flat(pdfText(await renderProgressReportPdf(reportDoc({ goals: [empty] }), REPORT_VERSION)))
    expect(text).toContain('No data this period.')
    expect(text).toContain('Progress: Not yet introduced')
    expect(text).not.toContain('Baseline Each mark')
    expect(text).not.toContain('Each mark is one data point')
  })

  test('without a number in the baseline, no baseline line is drawn', async () => {
    expect(baselineNumber('About 6 minutes in September')).toBe(6)
    expect(baselineNumber('Rarely joins the group')).toBeNull()
    const pdf = await renderProgressReportPdf(reportDoc({ goals: [reportGoal({ baseline: 'Rarely joins the group' })] }), REPORT_VERSION, { compress: false })
    expect(pdfStreams(pdf).join('\n')).not.toMatch(/\[1 2\] 0 d/)
  })

  test('a long report (8 goals of 60 points, 4 services) runs to several pages and stays well under 1 MB', async () => {
    const doc = longReportDoc({ goals: 8, pointsPerGoal: 60 })
    expect(doc.services).toHaveLength(4)
    const pdf = await renderProgressReportPdf(doc, REPORT_VERSION)
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(4)
    expect(pdf.length).toBeLessThan(200_000)
    const text = flat(pdfText(pdf))
    for (const name of ['Occupational therapy', 'Counseling', 'Resource room reading', 'Self-care goal']) expect(text).toContain(name)
  })

  test('a service with nothing missed prints no reasons line; grades and names the standard fonts cannot show are handled', async () => {
    const doc = reportDoc({ student: { name: 'Zoë 名 Park', grade: 0 }, services: [reportService({ missedByReason: {} })] })
    const text = flat(pdfText(await renderProgressReportPdf(doc, REPORT_VERSION)))
    expect(text).toContain('Zoë ? Park, kindergarten')
    expect(text).not.toContain('Missed, by reason')
  })
})
