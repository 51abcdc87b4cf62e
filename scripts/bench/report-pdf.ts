/**
 * Benchmark for the PDFs (issue 18): the median time to render a progress report for a student with 8 goals and a
 * year of data (the period is 9 weeks with about 3 points a week per goal; the status reads the whole year) and 4
 * services, and its size; the meeting brief's median time beside it. Pure rendering, no database.
 * Run with `npm run bench`, or alone: `npx tsx scripts/bench/report-pdf.ts`.
 */
import { pathToFileURL } from 'node:url'
import { renderMeetingBriefPdf } from '#server/services/meeting-brief-pdf.server.ts'
import { renderProgressReportPdf } from '#server/services/progress-report-pdf.server.ts'
import { buildMeetingBrief } from '#shared/meeting-brief.ts'
import { addDays } from '#shared/school-date.ts'
import { briefGoal, briefInput, briefService } from '#tests/fixtures/builders.ts'
import { longReportDoc, REPORT_PERIOD, REPORT_VERSION, reportGoal, reportPoints } from '#tests/fixtures/progress-report-doc.ts'
import { medianMs } from './measure.ts'

const RUNS = 15

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn() // warm-up: fonts' metrics load on first use
  return medianMs(RUNS, fn)
}

/** 8 goals, each with a year of points (52 weeks, 3 a week) up to the period's end; 4 services. */
function yearReport() {
  const base = longReportDoc({ goals: 8 })
  const start = addDays(REPORT_PERIOD.end, -52 * 7 + 3)
  return {
    ...base,
    goals: base.goals.map((g, i) => ({
      ...reportGoal({ goalId: g.goalId, area: g.area, baseline: g.baseline, target: g.target, unit: g.unit, mastery: g.mastery, points: reportPoints({ weeks: 52, perWeek: 3, start, from: 5 + i * 3, to: 60 + i * 4 }) }),
    })),
  }
}

export async function benchReportPdf(): Promise<Record<string, string>> {
  const report = yearReport()
  const pdf = await renderProgressReportPdf(report, REPORT_VERSION)
  const reportMs = await time(() => renderProgressReportPdf(report, REPORT_VERSION))
  const brief = buildMeetingBrief(
    briefInput({
      services: ['speech', 'ot', 'counseling', 'resource'].map((key) => briefService({ key, name: key })),
      goals: Array.from({ length: 8 }, (_, i) => briefGoal({ id: `g${i}` })),
    }),
  )
  const briefMs = await time(() => renderMeetingBriefPdf(brief))
  return {
    'pdf: progress report, 8 goals (27 points each in the period, a year behind), 4 services, median (ms)': reportMs.toFixed(1),
    'pdf: progress report size (KB)': (pdf.length / 1024).toFixed(1),
    'pdf: meeting brief, 8 goals, 4 services, median (ms)': briefMs.toFixed(1),
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [name, value] of Object.entries(await benchReportPdf())) console.log(`${name}: ${value}`)
}
