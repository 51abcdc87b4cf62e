import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { benchAccountability } from './accountability.ts'
import { benchAttachmentsUpload } from './attachments-upload.ts'
import { benchBundles } from './bundles.ts'
import { benchDigests } from './digests.ts'
import { benchImport } from './import.ts'
import { benchLoad } from './load.ts'
import { benchMail } from './mail.ts'
import { benchNotes } from './notes.ts'
import { benchNotesScale } from './notes-scale.ts'
import { benchReportDraft } from './report-draft.ts'
import { benchRecordsZip } from './records-zip.ts'
import { benchReportPdf } from './report-pdf.ts'
import { benchToday } from './today.ts'
import { benchTodayOffline } from './today-offline.ts'
import { benchTrail } from './trail.ts'

// Benchmarks measure; tests assert. Figures are medians or ratios so they compare across machines.
const buildDir = path.resolve(process.env.BUILD_DIR ?? 'build')
if (!fs.existsSync(path.join(buildDir, 'server', 'index.js'))) {
  const result = spawnSync('npx', ['remix', 'vite:build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
process.env.NODE_ENV = 'production'

/**
 * Every bench, by name. `npm run bench` runs them all; `-- --quick` only the short ones (under a minute, with the
 * accountability bench on its 2,000-student school only); `-- <name> …` only those named.
 */
const quick = process.argv.includes('--quick')
const BENCHES: { name: string; inQuick: boolean; run: () => Promise<Record<string, string | number>> }[] = [
  { name: 'today', inQuick: true, run: () => benchToday(buildDir) },
  { name: 'bundles', inQuick: true, run: () => benchBundles(buildDir) },
  { name: 'accountability', inQuick: true, run: () => benchAccountability({ quick }) },
  { name: 'import', inQuick: false, run: () => benchImport() },
  { name: 'notes', inQuick: false, run: () => benchNotes() },
  { name: 'notes-scale', inQuick: false, run: () => benchNotesScale({ quick }) },
  { name: 'load', inQuick: false, run: () => benchLoad(buildDir, { quick }) },
  { name: 'trail', inQuick: false, run: () => benchTrail() },
  { name: 'today-offline', inQuick: false, run: () => benchTodayOffline(buildDir) },
  { name: 'mail', inQuick: false, run: () => benchMail() },
  { name: 'digests', inQuick: false, run: () => benchDigests() },
  { name: 'report-pdf', inQuick: false, run: () => benchReportPdf() },
  { name: 'report-draft', inQuick: false, run: () => benchReportDraft() },
  { name: 'attachments-upload', inQuick: false, run: () => benchAttachmentsUpload() },
  { name: 'records-zip', inQuick: false, run: () => benchRecordsZip() },
]
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const unknown = named.filter((n) => !BENCHES.some((b) => b.name === n))
if (unknown.length) {
  console.error(`No bench named ${unknown.join(', ')}: one of ${BENCHES.map((b) => b.name).join(', ')}.`)
  process.exit(2)
}
const chosen = BENCHES.filter((b) => (named.length ? named.includes(b.name) : !quick || b.inQuick))

// The last run's figures, to print beside this run's (bench/results.json is not committed: it is this machine's).
const RESULTS = path.resolve('bench', 'results.json')
type Saved = { at: string; quick: boolean; results: Record<string, string | number> }
const last: Saved | null = fs.existsSync(RESULTS) ? (JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as Saved) : null

const results: Record<string, string | number> = {}
for (const bench of chosen) {
  const figures = await bench.run()
  for (const [name, value] of Object.entries(figures)) {
    results[name] = value
    const before = last?.results[name]
    const compared = typeof value === 'number' && typeof before === 'number' && before !== 0 ? ` (last run ${before}, × ${(value / before).toFixed(2)})` : ''
    console.log(`${name}: ${value}${compared}`)
  }
}
fs.mkdirSync(path.dirname(RESULTS), { recursive: true })
// Figures this run did not measure are carried over, so a --quick run does not forget the long ones.
fs.writeFileSync(RESULTS, `${JSON.stringify({ at: new Date().toISOString(), quick, results: { ...last?.results, ...results } } satisfies Saved, null, 2)}\n`)
console.log(`Written to ${path.relative(process.cwd(), RESULTS)}.`)
