import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { benchAccountability } from './accountability.ts'
import { benchAttachmentsUpload } from './attachments-upload.ts'
import { benchDigests } from './digests.ts'
import { benchImport } from './import.ts'
import { benchMail } from './mail.ts'
import { benchNotes } from './notes.ts'
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
const results = { ...(await benchToday(buildDir)), ...(await benchAccountability()), ...(await benchImport()), ...(await benchNotes()), ...(await benchTrail()), ...(await benchTodayOffline(buildDir)), ...(await benchMail()), ...(await benchDigests()), ...(await benchReportPdf()), ...(await benchReportDraft()), ...(await benchAttachmentsUpload()), ...(await benchRecordsZip()) }
Object.assign(results, await (await import('./bundles.ts')).benchBundles(buildDir))
for (const [name, value] of Object.entries(results)) console.log(`${name}: ${value}`)
