import fs from 'node:fs'
import { openDatabase } from '#db/client.server.ts'
import { verifyKeptNumbers } from '#server/services/numbers-verify.server.ts'

/**
 * `npm run numbers:verify [-- --rebuild] [database file]` (docs/performance.md): recomputes every kept accountability
 * number from the records and names each copy that differs. Exit 0: all equal (or rebuilt); 1: differences found;
 * 2: no database. Safe while the app runs: it reads, and with --rebuild writes only the kept copies.
 */
const args = process.argv.slice(2)
const rebuild = args.includes('--rebuild')
const file = args.find((a) => !a.startsWith('--')) ?? process.env.DATABASE_PATH ?? './data/same-page.db'
if (!fs.existsSync(file)) {
  console.error(`No database at ${file} (set DATABASE_PATH or pass the file).`)
  process.exit(2)
}
const { db, sqlite } = openDatabase(file)
const started = performance.now()
const { checked, differences } = await verifyKeptNumbers(db, { rebuild })
for (const d of differences.slice(0, 50)) {
  console.log(`${d.kind} ${d.id} as of ${d.asOf}: kept ${JSON.stringify(d.kept)}, from the records ${JSON.stringify(d.computed)}`)
}
if (differences.length > 50) console.log(`… and ${differences.length - 50} more.`)
console.log(
  `Checked ${checked} kept copies in ${(performance.now() - started).toFixed(0)} ms: ${differences.length} differ${rebuild && differences.length ? ', rebuilt from the records' : ''}.`,
)
await db.destroy()
if (sqlite.open) sqlite.close()
process.exit(differences.length && !rebuild ? 1 : 0)
