import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { type ChainReport, describeReport, verifyTrail } from './audit-chain.server.ts'

/**
 * Backups that restore (docs/operations.md). A backup is `VACUUM INTO`: one read transaction over the live database,
 * so the copy is exactly the database as of one instant (every write committed before it began, none half-way),
 * while the app keeps writing (WAL: readers never block the writer). The copy is checked before it is kept.
 */

export interface BackupManifest {
  format: 'same-page/backup@1'
  source: string
  createdAt: string
  /** The chains' heads at backup time: a later copy whose chain is shorter than this was cut off. */
  chains: { table: string; rows: number; head: string }[]
}

export interface BackupResult {
  file: string
  manifestFile: string
  manifest: BackupManifest
  bytes: number
}

export class BackupError extends Error {}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** integrity_check and both hash chains of a database file, opened read-only. */
export function checkDatabase(file: string): { integrity: string; chains: ChainReport[] } {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
    return { integrity, chains: verifyTrail(sqlite) }
  } finally {
    sqlite.close()
  }
}

function problemsOf(check: ReturnType<typeof checkDatabase>): string[] {
  const problems: string[] = []
  if (check.integrity !== 'ok') problems.push(`integrity_check: ${check.integrity}`)
  if (!check.chains.some((c) => c.table === 'audit_log')) problems.push('no audit log: not a migrated Same Page database')
  for (const c of check.chains) if (c.broken) problems.push(describeReport(c))
  return problems
}

/** Writes a consistent, checked copy of `source` into `dir` as same-page-<timestamp>.db, with a manifest beside it. */
export function backupDatabase(source: string, dir: string, now = new Date()): BackupResult {
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}.`)
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `same-page-${stamp(now)}.db`)
  const partial = `${file}.partial`
  fs.rmSync(partial, { force: true })
  const sqlite = new SQLite(source, { fileMustExist: true })
  try {
    sqlite.pragma('busy_timeout = 5000')
    sqlite.prepare('vacuum into ?').run(partial)
  } finally {
    sqlite.close()
  }
  fsyncFile(partial)
  const check = checkDatabase(partial)
  const problems = problemsOf(check)
  if (problems.length) {
    fs.rmSync(partial, { force: true })
    throw new BackupError(`The copy did not check out, so it was not kept: ${problems.join('; ')}`)
  }
  fs.renameSync(partial, file)
  const manifest: BackupManifest = {
    format: 'same-page/backup@1',
    source: path.resolve(source),
    createdAt: now.toISOString(),
    chains: check.chains.map((c) => ({ table: c.table, rows: c.rows, head: c.head })),
  }
  const manifestFile = `${file}.json`
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`)
  fsyncFile(manifestFile)
  fsyncDir(dir)
  return { file, manifestFile, manifest, bytes: fs.statSync(file).size }
}

/** An attached file's name: its SHA-256 (server/services/attachments.server.ts). Anything else is not ours to copy. */
const CONTENT_NAME = /^[0-9a-f]{64}$/

/**
 * Copies the attached files beside `source` (its `attachments/` folder) into `dir/attachments/`. A file is named by
 * its content's hash and never changes, so only names the copy lacks are copied, each checked against its name
 * before it is kept: a later backup adds the new files, and a restore can trust what it finds.
 */
export function backupAttachments(source: string, dir: string): { copied: number; total: number } {
  return copyAttachments(path.join(path.dirname(path.resolve(source)), 'attachments'), path.join(dir, 'attachments'))
}

/** Puts back the attached files a backup folder holds that `target`'s folder lacks (none is ever overwritten). */
export function restoreAttachments(backup: string, target: string): { copied: number; total: number } {
  return copyAttachments(path.join(path.dirname(path.resolve(backup)), 'attachments'), path.join(path.dirname(path.resolve(target)), 'attachments'))
}

function copyAttachments(from: string, to: string): { copied: number; total: number } {
  if (!fs.existsSync(from)) return { copied: 0, total: 0 }
  fs.mkdirSync(to, { recursive: true })
  const names = fs.readdirSync(from).filter((name) => CONTENT_NAME.test(name))
  let copied = 0
  for (const name of names) {
    const target = path.join(to, name)
    if (fs.existsSync(target)) continue
    const partial = `${target}.partial`
    fs.copyFileSync(path.join(from, name), partial)
    const hash = createHash('sha256').update(fs.readFileSync(partial)).digest('hex')
    if (hash !== name) {
      fs.rmSync(partial, { force: true })
      throw new BackupError(`The attached file ${name} does not match its hash (${hash.slice(0, 12)}…): it was not copied. Check the disk it is on.`)
    }
    fsyncFile(partial)
    fs.renameSync(partial, target)
    copied++
  }
  if (copied) fsyncDir(to)
  return { copied, total: names.length }
}

/**
 * Whether another connection (the server) has the database open. Every open WAL connection holds a shared lock on
 * the database; a connection in EXCLUSIVE locking mode cannot start while one does. Also true of any process that
 * opened it (a script, the sqlite3 shell).
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false
  const probe = new SQLite(file, { fileMustExist: true })
  try {
    probe.pragma('busy_timeout = 0')
    probe.pragma('locking_mode = EXCLUSIVE')
    probe.exec('begin exclusive')
    probe.exec('commit')
    return false
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || (error as { code?: string }).code === 'SQLITE_LOCKED') return true
    throw error
  } finally {
    probe.close()
  }
}

export interface RestoreResult {
  /** Where the database that was replaced now is (null when there was none). */
  replacedAside: string | null
  chains: ChainReport[]
}

/**
 * Puts a backup back at `target`. Refuses a backup that fails integrity_check or its hash chains (or whose chain is
 * shorter than its manifest says), and refuses while anything has `target` open. The database it replaces is
 * folded (checkpointed) and kept aside as <target>.replaced-<timestamp>, never deleted.
 */
export function restoreDatabase(backup: string, target: string, now = new Date()): RestoreResult {
  if (!fs.existsSync(backup)) throw new BackupError(`No backup at ${backup}.`)
  const check = checkDatabase(backup)
  const problems = problemsOf(check)
  const manifestFile = `${backup}.json`
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest
    for (const expected of manifest.chains ?? []) {
      const found = check.chains.find((c) => c.table === expected.table)
      if (!found || found.rows !== expected.rows || found.head !== expected.head) {
        problems.push(`${expected.table}: the manifest recorded ${expected.rows} rows ending in ${expected.head.slice(0, 12)}…, the file has ${found?.rows ?? 0}`)
      }
    }
  }
  if (problems.length) throw new BackupError(`Not restoring ${backup}: ${problems.join('; ')}`)
  if (databaseInUse(target)) {
    throw new BackupError(`${target} is open in another process (is the server running?). Stop it, then restore.`)
  }

  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true })
  const incoming = `${target}.restoring`
  fs.copyFileSync(backup, incoming)
  fsyncFile(incoming)
  let replacedAside: string | null = null
  if (fs.existsSync(target)) {
    // Fold the WAL into the file first, so the copy kept aside is whole on its own.
    const old = new SQLite(target, { fileMustExist: true })
    try {
      old.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      old.close()
    }
    replacedAside = `${target}.replaced-${stamp(now)}`
    fs.renameSync(target, replacedAside)
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true })
  fs.renameSync(incoming, target)
  fsyncDir(path.dirname(path.resolve(target)))
  return { replacedAside, chains: check.chains }
}
