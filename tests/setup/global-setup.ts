import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty SQLite file that tests copy (tests/setup/test-db.ts); never opened by a test. */
    templateDbPath: string
  }
}

/**
 * Migrates one template database for the whole run, so each test only pays a file copy (docs/decisions/013-shared-test-setup.md,
 * after the Epic Stack's per-worker database setup). Everything lives in one temp folder removed at teardown.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-tests-'))
  const templateDbPath = path.join(dir, 'template.db')
  const { db, sqlite } = openDatabase(templateDbPath)
  await migrateToLatest(db)
  // Fold the WAL back into the main file and leave rollback-journal mode, so one plain copy is complete.
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.pragma('journal_mode = DELETE')
  await db.destroy()
  project.provide('templateDbPath', templateDbPath)
  return () => {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
