import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Migrator } from 'kysely'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { migrations } from '#db/migrations/index.ts'
import { openDatabase } from '#db/client.server.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'
import { GENESIS_HASH, rowHash, verifyChain, verifyTrail } from './audit-chain.server.ts'
import { appendAuditRows, recordAudit } from './audit.server.ts'

const AT = new Date('2026-11-17T15:00:00Z')

function entry(i: number) {
  return { actorId: null, studentId: null, entity: 'user' as const, entityId: `e${i}`, action: 'create' as const, after: { n: i }, at: AT }
}

/** What a tamperer with a copy of the file would do first: the triggers are in the file too. */
function dropGuards(t: TestDb): void {
  for (const s of ['no_update', 'no_delete', 'chained']) t.sqlite.exec(`drop trigger audit_log_${s}`)
}

describe('the hash-chained audit log', () => {
  let t: TestDb
  beforeEach(() => {
    t = createTestDb()
  })
  afterEach(() => t.close())

  const rows = () => t.sqlite.prepare('select * from audit_log order by id').all() as Record<string, unknown>[]

  test('each row carries the previous row’s hash and its own, from the genesis hash', async () => {
    for (let i = 0; i < 3; i++) await recordAudit(t.db, entry(i))
    const [a, b, c] = rows()
    expect(a).toMatchObject({ prev_hash: GENESIS_HASH, hash: rowHash('audit_log', a!) })
    expect(b).toMatchObject({ prev_hash: a!.hash, hash: rowHash('audit_log', b!) })
    expect(c).toMatchObject({ prev_hash: b!.hash })
    expect(verifyChain(t.sqlite, 'audit_log')).toEqual({ table: 'audit_log', rows: 3, head: c!.hash, broken: null })
  })

  test('writes racing outside a transaction, inside transactions and in batches never fork the chain', async () => {
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => recordAudit(t.db, entry(i))),
      ...Array.from({ length: 5 }, (_, i) => t.db.transaction().execute((trx) => recordAudit(trx, entry(100 + i)))),
      appendAuditRows(t.db, Array.from({ length: 250 }, (_, i) => ({ at: AT.toISOString(), actor_id: null, entity: 'user' as const, entity_id: `b${i}`, action: 'create' as const }))),
    ])
    expect(verifyChain(t.sqlite, 'audit_log')).toMatchObject({ rows: 275, broken: null })
  })

  test('UPDATE and DELETE are refused', async () => {
    await recordAudit(t.db, entry(1))
    expect(() => t.sqlite.prepare("update audit_log set action = 'void'").run()).toThrow(/append-only/)
    expect(() => t.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/)
    expect(rows()).toHaveLength(1)
  })

  test('an insert that does not extend the chain from its head is refused', async () => {
    await recordAudit(t.db, entry(1))
    const insert = t.sqlite.prepare("insert into audit_log (id, at, entity, entity_id, action, prev_hash, hash) values (?, 'x', 'test', 'e', 'create', ?, ?)")
    expect(() => insert.run(2, GENESIS_HASH, 'f'.repeat(64))).toThrow(/hash-chained/)
    expect(() => insert.run(2, null, null)).toThrow(/hash-chained/)
    expect(() => t.sqlite.prepare("insert into audit_log (at, entity, entity_id, action) values ('x', 'test', 'e', 'create')").run()).toThrow(/hash-chained/)
  })

  test('an edited row is detected and named, with what is wrong', async () => {
    for (let i = 0; i < 5; i++) await recordAudit(t.db, entry(i))
    dropGuards(t)
    const target = rows()[2]!
    t.sqlite.prepare(`update audit_log set after = '{"n":99}' where id = ?`).run(target.id)
    expect(verifyChain(t.sqlite, 'audit_log').broken).toEqual({ id: target.id, at: target.at, problem: expect.stringMatching(/edited/) })
  })

  test('an edit that also recomputes the row’s own hash is caught at the next row', async () => {
    for (let i = 0; i < 5; i++) await recordAudit(t.db, entry(i))
    dropGuards(t)
    const [, second, third] = rows()
    const forged = { ...second!, after: '{"n":99}' }
    t.sqlite.prepare('update audit_log set after = ?, hash = ? where id = ?').run(forged.after, rowHash('audit_log', forged), second!.id)
    expect(verifyChain(t.sqlite, 'audit_log').broken).toMatchObject({ id: third!.id, problem: expect.stringMatching(/prev_hash/) })
  })

  test('a deleted row is detected at the row after it', async () => {
    for (let i = 0; i < 5; i++) await recordAudit(t.db, entry(i))
    dropGuards(t)
    const [, , third, fourth] = rows()
    t.sqlite.prepare('delete from audit_log where id = ?').run(third!.id)
    expect(verifyChain(t.sqlite, 'audit_log').broken).toMatchObject({ id: fourth!.id, at: fourth!.at, problem: expect.stringMatching(/deleted/) })
  })

  test('npm run audit:verify names the first broken row and exits non-zero; an intact chain exits 0', async () => {
    for (let i = 0; i < 4; i++) await recordAudit(t.db, entry(i))
    const run = () => spawnSync('npx', ['tsx', 'scripts/audit-verify.ts'], { env: { ...process.env, DATABASE_PATH: t.file }, encoding: 'utf8' })
    const ok = run()
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/audit_log: 4 rows, chain intact/)
    dropGuards(t)
    const target = rows()[1]!
    t.sqlite.prepare("update audit_log set actor_id = null, entity_id = 'forged' where id = ?").run(target.id)
    const broken = run()
    expect(broken.status).toBe(1)
    expect(broken.stdout).toContain(`audit_log: BROKEN at row id ${String(target.id)} (at ${String(target.at)}): hash does not match`)
  })
})

describe('the migration that starts the chain', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-chain-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('chains the rows already in the audit log, in id order, so the app’s verifier accepts them', async () => {
    const { db, sqlite } = openDatabase(path.join(dir, 'old.db'))
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    const before = Object.keys(migrations).filter((name) => name < '2026-12-05T040000-trail')
    expect((await migrator.migrateTo(before.at(-1)!)).error).toBeUndefined()
    const insert = sqlite.prepare('insert into audit_log (at, actor_id, student_id, entity, entity_id, action, before, after) values (?, null, null, ?, ?, ?, ?, ?)')
    insert.run('2026-10-01T12:00:00.000Z', 'goal', 'g1', 'create', null, '{"text":"Reads"}')
    insert.run('2026-10-02T12:00:00.000Z', 'goal', 'g1', 'update', '{"text":"Reads"}', '{"text":"Reads aloud"}')
    // A gap in the ids, as an old deletion would leave: the chain follows id order.
    sqlite.prepare("insert into audit_log (id, at, entity, entity_id, action) values (10, '2026-10-03T12:00:00.000Z', 'session', 's1', 'void')").run()
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    expect(verifyTrail(sqlite)).toEqual([
      expect.objectContaining({ table: 'audit_log', rows: 3, broken: null }),
      expect.objectContaining({ table: 'access_log', rows: 0, head: GENESIS_HASH, broken: null }),
    ])
    // And the app extends the migrated chain.
    await recordAudit(db, entry(1))
    expect(verifyChain(sqlite, 'audit_log')).toMatchObject({ rows: 4, broken: null })
    await db.destroy()
  })
})
