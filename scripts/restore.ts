import { BackupError, restoreAttachments, restoreDatabase } from '../server/services/backup.server.ts'

/**
 * `npm run restore -- FILE` (docs/operations.md): checks the backup (integrity_check, both hash chains, its
 * manifest), refuses while anything has DATABASE_PATH open, keeps the replaced database aside, puts FILE back.
 */
const backup = process.argv[2]
const target = process.env.DATABASE_PATH ?? './data/same-page.db'
if (!backup) {
  console.error('Usage: npm run restore -- FILE   (restores FILE to DATABASE_PATH, default ./data/same-page.db)')
  process.exit(2)
}
try {
  const result = restoreDatabase(backup, target)
  for (const c of result.chains) console.log(`${c.table}: ${c.rows} rows, chain intact`)
  if (result.replacedAside) console.log(`The database it replaced is kept at ${result.replacedAside}`)
  const files = restoreAttachments(backup, target)
  console.log(`Restored ${backup} to ${target}, and ${files.copied} attached files it lacked (of ${files.total} in the backup).`)
} catch (error) {
  if (!(error instanceof BackupError)) throw error
  console.error(error.message)
  process.exit(1)
}
