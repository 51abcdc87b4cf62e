import { describe, expect, test } from 'vitest'
import { buildMeetingBrief } from '#shared/meeting-brief.ts'
import { briefAccommodation, briefGoal, briefInput, briefService } from '#tests/fixtures/builders.ts'
import { pdfPageCount, pdfPageTexts, pdfText } from '#tests/fixtures/pdf-text.ts'
import { pdfSafe, renderMeetingBriefPdf } from './meeting-brief-pdf.server.ts'

const brief = buildMeetingBrief(
  briefInput({
    services: [
      briefService({
        minutesMandated: 900,
        minutesDelivered: 720,
        deliveryRate: 0.8,
        sessions: { due: 30, delivered: 23, missed: 4, unrecorded: 2, pending: 1, madeUp: 1 },
        missedByReason: { provider_absent: 4 },
        ledger: { minutesOwed: 180, minutesMadeUp: 30, balance: 150 },
        alerts: ['low_delivery_rate'],
      }),
    ],
    accommodations: [briefAccommodation({ applicableDays: 18, recordedDays: 15, usedDays: 12, fidelity: 0.667 })],
    goals: [
      briefGoal({
        status: { status: 'met', reason: 'The last 3 sessions reach the goal.' },
        metOnPaper: true,
        latest: { date: '2026-11-16', value: 20, promptLevel: 'verbal', regulation: 'dysregulated', note: '' },
      }),
    ],
  }),
)

describe('the meeting brief PDF', () => {
  test('is a real PDF, made on the server, that says what the page says', async () => {
    const pdf = await renderMeetingBriefPdf(brief)
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(2000)
    const text = pdfText(pdf)
    for (const expected of [
      'Meeting brief for Johnny Miller',
      'What Johnny’s IEP mandates',
      'Break card — 66.7%',
      'Speech-language therapy',
      '5 sessions (150 minutes) still owed',
      'Break card',
      'Met on paper only',
      'No concerns logged.',
      'When will the 5 owed speech-language therapy sessions be made up, and who will provide them?',
    ]) {
      expect(text.replace(/\n/g, ' ')).toContain(expected)
    }
  })

  test('a reduction the family has not acknowledged comes first; none, no such heading', async () => {
    const withReduction = buildMeetingBrief(briefInput({ reductions: [{ id: 'r1', summary: 'Speech-language therapy: 30 → 20 minutes a session' }] }))
    const text = pdfText(await renderMeetingBriefPdf(withReduction)).replace(/\n/g, ' ')
    expect(text).toContain('Reductions the family has not acknowledged')
    expect(text).toContain('Speech-language therapy: 30 -> 20 minutes a session')
    expect(text.indexOf('Reductions the family has not acknowledged')).toBeLessThan(text.indexOf('Services: what the IEP mandates'))
    expect(pdfText(await renderMeetingBriefPdf(brief))).not.toContain('Reductions the family')
  })

  test('the same brief gives the same bytes (no clock inside): a download can be compared with an earlier one', async () => {
    const a = await renderMeetingBriefPdf(brief)
    const b = await renderMeetingBriefPdf(brief)
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  test('characters the standard fonts cannot show are replaced, not dropped silently', () => {
    expect(pdfSafe('Zoë’s “break” — 5 → 6 ≥ 4 名')).toBe('Zoë’s “break” — 5 -> 6 >= 4 ?')
  })

  test('every page carries the school and the student, the title, "Page N of M" and the confidentiality footer', async () => {
    const concerns = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, date: '2026-11-10', issue: `Concern number ${i + 1}, written long enough to wrap onto a second line of the brief so the pages fill up` }))
    const long = buildMeetingBrief(briefInput({ concerns }))
    for (const compress of [true, false]) {
      const pdf = await renderMeetingBriefPdf(long, { compress })
      const pages = pdfPageTexts(pdf)
      expect(pages.length).toBeGreaterThan(2)
      expect(pdfPageCount(pdf)).toBe(pages.length)
      pages.forEach((page, i) => {
        const text = page.replace(/\n/g, ' ')
        expect(text).toContain('Maple Elementary · Johnny Miller')
        expect(text).toContain('Meeting brief for Johnny Miller')
        expect(text).toContain(`Page ${i + 1} of ${pages.length}`)
        expect(text).toContain('Confidential: this student’s education record is protected by FERPA.')
      })
    }
  })

  test('the one-page brief says "Page 1 of 1" and adds no blank page for its footer', async () => {
    const pdf = await renderMeetingBriefPdf(buildMeetingBrief(briefInput()))
    expect(pdfPageCount(pdf)).toBe(1)
    expect(pdfText(pdf)).toContain('Page 1 of 1')
  })
})
