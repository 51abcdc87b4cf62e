import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { openDatabase } from '#db/client.server.ts'
import { loadNotebookDoc } from '#server/collab/notebook-store.server.ts'
import { CLOCK_VARIABLE } from '#server/clock.server.ts'
import { plainTextOfDoc } from '#server/collab/note-doc.server.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { seedDemoTeam } from '#tests/fixtures/demo.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { verifyChain } from './audit-chain.server.ts'
import { recordAudit } from './audit.server.ts'
import { createHash } from 'node:crypto'
import { backupAttachments, backupDatabase, BackupError, checkDatabase, databaseInUse, restoreAttachments, restoreDatabase } from './backup.server.ts'

// A school day for the test and its writer alike: the writer's clock must agree with the day the test seeds, whatever
// the real date and whatever SAME_PAGE_NOW the date runs set (a day after it would be "the future" to the writer).
const SCHOOL_DAY = '2026-11-17T15:00:00'

/** Starts the writer process; `acks` grows with every write it reports committed. */
function startWriter(args: string[]): { child: ChildProcess; acks: string[]; ready: Promise<void>; stopped: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/backup-writer.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [CLOCK_VARIABLE]: SCHOOL_DAY },
  })
  const acks: string[] = []
  let buffer = ''
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString()
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    acks.push(...lines)
  })
  const stopped = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const ready = new Promise<void>((resolve, reject) => {
    const tick = setInterval(() => {
      if (acks.length >= 40) {
        clearInterval(tick)
        resolve()
      } else if (child.exitCode !== null) {
        clearInterval(tick)
        reject(new Error(`The writer stopped: ${stderr}`))
      }
    }, 20)
  })
  return { child, acks, ready, stopped }
}

describe('backups that restore', () => {
  let t: TestDb
  let dir: string
  beforeEach(() => {
    t = createTestDb()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-backup-'))
  })
  afterEach(async () => {
    await t.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('a backup taken while another process writes holds every write acknowledged before it began', async () => {
    const now = new Date(SCHOOL_DAY)
    const demo = await seedDemoTeam(t, now)
    const notebookId = demo.notebookIds[0]!
    const writer = startWriter([t.file, demo.users.para, demo.johnnyId, demo.sitGoalId, notebookId, localIsoDate(now)])
    try {
      await writer.ready
      // This connection writes too, while the other process does.
      await recordAudit(t.db, { actorId: null, entity: 'user', entityId: 'here', action: 'create', at: now })
      const acknowledged = [...writer.acks]
      const result = backupDatabase(t.file, path.join(dir, 'backups'), now)
      const afterBackup = writer.acks.length
      await new Promise((r) => setTimeout(r, 200))
      expect(writer.acks.length, 'the writer kept writing through the backup').toBeGreaterThan(afterBackup)

      const restored = path.join(dir, 'fresh', 'restored.db')
      const { replacedAside } = restoreDatabase(result.file, restored)
      expect(replacedAside).toBeNull()
      const back = openDatabase(restored)
      try {
        const records = new Set(
          (back.sqlite.prepare("select id from progress_points where note like 'backup-test %'").all() as { id: string }[]).map((r) => r.id),
        )
        const text = plainTextOfDoc(await loadNotebookDoc(back.db, notebookId))
        const missing = acknowledged.filter((ack) => {
          const [kind, value] = ack.split(' ') as [string, string]
          return kind === 'record' ? !records.has(value) : !text.includes(value)
        })
        expect(acknowledged.length).toBeGreaterThanOrEqual(40)
        expect(missing).toEqual([])
        expect(verifyChain(back.sqlite, 'audit_log').broken).toBeNull()
        expect((back.sqlite.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok')
      } finally {
        await back.db.destroy()
      }
    } finally {
      writer.child.kill('SIGKILL')
      await writer.stopped
    }
    // Two processes wrote the audit log at once; the chain never forked.
    expect(verifyChain(t.sqlite, 'audit_log').broken).toBeNull()
  })

  test('the backup is named by its time, sits in BACKUP_DIR with a manifest of the chains’ heads', async () => {
    await recordAudit(t.db, { actorId: null, entity: 'user', entityId: 'x', action: 'create', at: new Date() })
    const result = backupDatabase(t.file, path.join(dir, 'b'), new Date('2026-12-05T04:00:00.000Z'))
    expect(result.file).toBe(path.join(dir, 'b', 'same-page-2026-12-05T04-00-00-000Z.db'))
    const manifest = JSON.parse(fs.readFileSync(result.manifestFile, 'utf8'))
    expect(manifest.chains).toEqual([expect.objectContaining({ table: 'audit_log', rows: 1 }), expect.objectContaining({ table: 'access_log', rows: 0 })])
    expect(checkDatabase(result.file).integrity).toBe('ok')
  })

  test('attached files: a backup copies the ones it lacks, each checked against its hash; a restore puts back the missing ones', () => {
    const data = path.join(dir, 'data')
    const files = path.join(data, 'attachments')
    fs.mkdirSync(files, { recursive: true })
    const put = (text: string) => {
      const name = createHash('sha256').update(text).digest('hex')
      fs.writeFileSync(path.join(files, name), text)
      return name
    }
    const first = put('a scanned page')
    fs.writeFileSync(path.join(files, `${first}.partial`), 'half an upload')
    const backups = path.join(dir, 'backups')
    expect(backupAttachments(path.join(data, 'same-page.db'), backups)).toEqual({ copied: 1, total: 1 })
    const second = put('an email')
    expect(backupAttachments(path.join(data, 'same-page.db'), backups)).toEqual({ copied: 1, total: 2 })
    expect(fs.readdirSync(path.join(backups, 'attachments')).sort()).toEqual([first, second].sort())

    // A file whose bytes no longer match its name (a failing disk) is refused, not copied over a good backup.
    const third = put('a letter')
    fs.writeFileSync(path.join(files, third), 'rotted bytes')
    expect(() => backupAttachments(path.join(data, 'same-page.db'), backups)).toThrow(/does not match its hash/)
    expect(fs.existsSync(path.join(backups, 'attachments', third))).toBe(false)

    fs.rmSync(path.join(files, first))
    expect(restoreAttachments(path.join(backups, 'same-page-x.db'), path.join(data, 'same-page.db'))).toEqual({ copied: 1, total: 2 })
    expect(fs.readFileSync(path.join(files, first), 'utf8')).toBe('a scanned page')
  })

  test('restore refuses while the database is open elsewhere, and keeps the database it replaces', async () => {
    await recordAudit(t.db, { actorId: null, entity: 'user', entityId: 'before', action: 'create', at: new Date() })
    const { file } = backupDatabase(t.file, dir)
    await recordAudit(t.db, { actorId: null, entity: 'user', entityId: 'after', action: 'create', at: new Date() })
    expect(databaseInUse(t.file)).toBe(true)
    expect(() => restoreDatabase(file, t.file)).toThrow(/is open in another process/)
    await t.db.destroy()
    expect(databaseInUse(t.file)).toBe(false)
    const { replacedAside } = restoreDatabase(file, t.file)
    expect(fs.existsSync(replacedAside!)).toBe(true)
    const kept = checkDatabase(replacedAside!)
    expect(kept.chains[0]).toMatchObject({ rows: 2, broken: null })
    expect(checkDatabase(t.file).chains[0]).toMatchObject({ rows: 1, broken: null })
    fs.rmSync(replacedAside!)
  })

  test('restore refuses while another process (a running server) has the database open', async () => {
    await recordAudit(t.db, { actorId: null, entity: 'user', entityId: 'x', action: 'create', at: new Date() })
    const { file } = backupDatabase(t.file, dir)
    await t.db.destroy()
    // The server reads from the database as it starts (migrations) and keeps it open: so does this process.
    const holder = spawn(process.execPath, ['-e', `const d = new (require('better-sqlite3'))(${JSON.stringify(t.file)}); d.prepare('select count(*) from audit_log').get(); console.log('open'); setInterval(() => {}, 1000)`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    try {
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()))
      expect(databaseInUse(t.file)).toBe(true)
      expect(() => restoreDatabase(file, t.file)).toThrow(/is open in another process \(is the server running\?\)/)
    } finally {
      holder.kill('SIGKILL')
      await new Promise((r) => holder.once('exit', r))
    }
    expect(databaseInUse(t.file)).toBe(false)
  })

  test('restore refuses a backup whose chain is broken or cut short, and leaves the database alone', async () => {
    for (const id of ['a', 'b', 'c']) await recordAudit(t.db, { actorId: null, entity: 'user', entityId: id, action: 'create', at: new Date() })
    const { file } = backupDatabase(t.file, dir)
    const target = path.join(dir, 'live.db')
    fs.copyFileSync(file, target)
    const tamper = openDatabase(file)
    tamper.sqlite.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete')
    tamper.sqlite.prepare("update audit_log set entity_id = 'z' where entity_id = 'b'").run()
    await tamper.db.destroy()
    expect(() => restoreDatabase(file, target)).toThrow(BackupError)
    expect(() => restoreDatabase(file, target)).toThrow(/BROKEN at row id 2/)

    // Cut short: the last row dropped and the chain still whole, but the manifest remembers three rows.
    const second = backupDatabase(t.file, path.join(dir, 'second'))
    const cut = new (await import('better-sqlite3')).default(second.file)
    cut.exec('drop trigger audit_log_no_delete')
    cut.prepare('delete from audit_log where id = (select max(id) from audit_log)').run()
    cut.close()
    expect(() => restoreDatabase(second.file, target)).toThrow(/manifest recorded 3 rows/)
    expect(checkDatabase(target).chains[0]).toMatchObject({ rows: 3 })
  })
})
