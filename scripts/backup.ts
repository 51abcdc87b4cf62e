import { backupAttachments, backupDatabase, BackupError } from '../server/services/backup.server.ts'

/**
 * `npm run backup` (docs/operations.md): a consistent, checked copy of DATABASE_PATH in BACKUP_DIR (./backups),
 * safe while the app runs. Prints the file's path last.
 */
const source = process.env.DATABASE_PATH ?? './data/same-page.db'
const dir = process.env.BACKUP_DIR ?? './backups'
try {
  const started = performance.now()
  const result = backupDatabase(source, dir)
  for (const c of result.manifest.chains) console.log(`${c.table}: ${c.rows} rows, chain intact, head ${c.head}`)
  // After the database: a file attached while it was copied is then in the folder too (never the other way round).
  const files = backupAttachments(source, dir)
  console.log(`Backed up ${source} (${(result.bytes / 1024).toFixed(0)} kB) and ${files.copied} new attached files of ${files.total} in ${(performance.now() - started).toFixed(0)} ms.`)
  console.log(result.file)
} catch (error) {
  if (!(error instanceof BackupError)) throw error
  console.error(error.message)
  process.exit(1)
}
