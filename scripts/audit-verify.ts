import fs from 'node:fs'
import SQLite from 'better-sqlite3'
import { describeReport, verifyTrail } from '../server/services/audit-chain.server.ts'

/**
 * `npm run audit:verify` (docs/operations.md): walks the audit log's and the record of access's hash chains in
 * DATABASE_PATH and names the first broken row. Exit 0: intact; 1: a chain is broken; 2: no database to check.
 * Opens the file read-only, so it is safe while the app runs.
 */
const file = process.argv[2] ?? process.env.DATABASE_PATH ?? './data/same-page.db'
if (!fs.existsSync(file)) {
  console.error(`No database at ${file} (set DATABASE_PATH or pass the file).`)
  process.exit(2)
}
const sqlite = new SQLite(file, { readonly: true, fileMustExist: true })
const started = performance.now()
const reports = verifyTrail(sqlite)
const ms = performance.now() - started
sqlite.close()
if (!reports.length) {
  console.error(`${file} has no audit log: is it a Same Page database, migrated?`)
  process.exit(2)
}
for (const r of reports) console.log(describeReport(r))
const rows = reports.reduce((n, r) => n + r.rows, 0)
console.log(`Checked ${rows} rows in ${ms.toFixed(1)} ms.`)
process.exit(reports.some((r) => r.broken) ? 1 : 0)
