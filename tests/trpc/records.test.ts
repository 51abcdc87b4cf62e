import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import yauzl from 'yauzl'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { createContext } from '#server/trpc/context.server.ts'
import { createCaller } from '#server/trpc/_app.server.ts'
import { attachmentsDirOf, commitUpload, receiveUpload } from '#server/services/attachments.server.ts'
import { EXPORTS_PER_DAY, exportFilePath, exportsIdle } from '#server/services/record-exports.server.ts'
import { describeHistoryEntry } from '#shared/history-text.ts'
import { indexLinks } from '#shared/records-export.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Wednesday 18 November 2026, 10 a.m.: the demo's seed day, a school day.
const NOW = new Date('2026-11-18T10:00:00')
const TODAY = '2026-11-18'
const ROLES: DemoUserKey[] = ['caseManager', 'speech', 'ot', 'para', 'parent', 'admin']
const TABLES = ['record_exports', 'records_requests', 'notifications', 'audit_log']

type Code = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT' | 'TOO_MANY_REQUESTS'

async function outcome(call: Promise<unknown>): Promise<Code> {
  try {
    await call
    return 'OK'
  } catch (error) {
    return (error as { code: Code }).code
  }
}

/** Every entry of a ZIP file, by path, as bytes. */
async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))))
  const out = new Map<string, Buffer>()
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error)
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks))
          zip.readEntry()
        })
        stream.on('error', reject)
      })
    })
    zip.on('end', resolve)
    zip.on('error', reject)
    zip.readEntry()
  })
  zip.close()
  return out
}

describe('the whole record in one file, and records requests, over tRPC (issue 19)', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  const johnny = () => ({ studentId: demo.johnnyId })
  const school = () => ({ schoolId: demo.schoolId })
  const snapshot = () => Object.fromEntries(TABLES.map((table) => [table, countRows(t.sqlite, table)]))

  beforeEach(() => {
    const at = NOW.toISOString()
    t.sqlite.exec(`
      insert into schools (id, name, created_at) values ('oak', 'Oak Middle', '${at}');
      insert into students (id, school_id, name, created_at) values ('oak-kid', 'oak', 'Olive Park', '${at}');
    `)
  })
  // A file being made when the test ends would write to a database that is gone.
  afterEach(() => exportsIdle())

  async function made(user: DemoUserKey): Promise<{ exportId: string; files: Map<string, Buffer> }> {
    const { exportId } = await as(user).records.start(johnny())
    await exportsIdle()
    const file = await as(user).records.file({ ...johnny(), exportId })
    expect(file.size).toBeGreaterThan(0)
    return { exportId, files: await unzip(await exportFilePath(t.db, exportId)) }
  }

  describe('permissions: records.*', () => {
    const PROCEDURES = ['exports', 'file', 'start']
    const calls: Record<string, (user: DemoUserKey, studentId: string, exportId: string) => Promise<unknown>> = {
      exports: (u, studentId) => as(u).records.exports({ studentId }),
      start: (u, studentId) => as(u).records.start({ studentId }),
      file: (u, studentId, exportId) => as(u).records.file({ studentId, exportId }),
    }
    // `file` asks for a file the caller made themselves when they may make one, so OK is reachable.
    const JOHNNY: Record<string, Record<DemoUserKey, Code>> = {
      exports: { caseManager: 'FORBIDDEN', speech: 'FORBIDDEN', ot: 'FORBIDDEN', para: 'FORBIDDEN', parent: 'OK', admin: 'OK', mayaParent: 'NOT_FOUND' },
      start: { caseManager: 'FORBIDDEN', speech: 'FORBIDDEN', ot: 'FORBIDDEN', para: 'FORBIDDEN', parent: 'OK', admin: 'OK', mayaParent: 'NOT_FOUND' },
      file: { caseManager: 'FORBIDDEN', speech: 'FORBIDDEN', ot: 'FORBIDDEN', para: 'FORBIDDEN', parent: 'OK', admin: 'OK', mayaParent: 'NOT_FOUND' },
    }

    test('every procedure of records.* is in this table', () => {
      expect(Object.keys(calls).sort()).toEqual(PROCEDURES)
      expect(Object.keys(JOHNNY).sort()).toEqual(PROCEDURES)
    })

    test.each(ROLES)('%s on Johnny, whose team they are on (the admin: at whose school he is)', async (user) => {
      const mine = JOHNNY.start![user] === 'OK' ? (await as(user).records.start(johnny())).exportId : 'no-such-file'
      await exportsIdle()
      for (const name of PROCEDURES) {
        if (name === 'start') continue
        const before = snapshot()
        expect(await outcome(calls[name]!(user, demo.johnnyId, mine)), `${user} records.${name}`).toBe(JOHNNY[name]![user])
        expect(snapshot(), `${user} records.${name} wrote nothing`).toEqual(before)
      }
      const before = snapshot()
      const code = await outcome(calls.start!(user, demo.johnnyId, mine))
      await exportsIdle()
      // Asked twice, a second file is made (the first is ready); refused, nothing is written.
      expect(code, `${user} records.start`).toBe(JOHNNY.start![user])
      if (code !== 'OK') expect(snapshot()).toEqual(before)
    })

    test.each(ROLES)('%s on a student of another school, and the parent on Maya (not their child): NOT_FOUND, nothing written', async (user) => {
      const others = user === 'parent' ? ['oak-kid', demo.mayaId] : ['oak-kid']
      for (const studentId of others) {
        for (const name of PROCEDURES) {
          const before = snapshot()
          const error = await trpcError(calls[name]!(user, studentId, 'no-such-file'))
          expect(error.code, `${user} records.${name} on ${studentId}`).toBe('NOT_FOUND')
          expect(error.message).not.toMatch(/Olive|Maya/)
          expect(snapshot()).toEqual(before)
        }
      }
    })

    test('signed out: UNAUTHORIZED from every procedure', async () => {
      for (const name of PROCEDURES) expect((await trpcError(calls[name]!(null as unknown as DemoUserKey, demo.johnnyId, 'x'))).code).toBe('UNAUTHORIZED')
    })

    test('each side downloads only its own files: the family’s copy is the parent’s who asked, a school copy any admin’s', async () => {
      const family = await made('parent')
      const schoolCopy = await made('admin')
      expect((await trpcError(as('admin').records.file({ ...johnny(), exportId: family.exportId }))).code).toBe('NOT_FOUND')
      expect((await trpcError(as('parent').records.file({ ...johnny(), exportId: schoolCopy.exportId }))).code).toBe('NOT_FOUND')
      // A second parent of Johnny's does not get the first parent's copy.
      const at = NOW.toISOString()
      t.sqlite.exec(`
        insert into users (id, email, name, password_hash, created_at) values ('parent-2', 'second.parent@example.com', 'Sam Miller', 'x', '${at}');
        insert into team_members (id, student_id, user_id, role, added_at) values ('member-p2', '${demo.johnnyId}', 'parent-2', 'parent', '${at}');
      `)
      const second = createCaller(createContext({ db: t.db, user: { id: 'parent-2', email: 'second.parent@example.com', name: 'Sam Miller', language: 'en' }, now: () => NOW }))
      expect(await second.records.exports(johnny())).toEqual([])
      expect((await trpcError(second.records.file({ ...johnny(), exportId: family.exportId }))).code).toBe('NOT_FOUND')
      expect((await as('parent').records.exports(johnny())).map((e) => e.id)).toEqual([family.exportId])
      expect((await as('admin').records.exports(johnny())).map((e) => e.id)).toEqual([schoolCopy.exportId])
      // Another student's id with a real file's id: not found.
      expect((await trpcError(as('parent').records.file({ studentId: demo.leoId, exportId: family.exportId }))).code).toBe('NOT_FOUND')
    })

    test('a file not made yet is CONFLICT with a sentence, and each download is one row in the record of access', async () => {
      const { exportId } = await as('parent').records.start(johnny())
      const early = await trpcError(as('parent').records.file({ ...johnny(), exportId }))
      expect([early.code, early.message]).toEqual(['CONFLICT', 'That file is not ready yet.'])
      await exportsIdle()
      const reads = () => t.sqlite.prepare("select count(*) as n from access_log where what = 'export:records.zip'").get() as { n: number }
      const before = reads().n
      await as('admin').records.start(johnny())
      await exportsIdle()
      const [schoolCopy] = await as('admin').records.exports(johnny())
      await as('admin').records.file({ ...johnny(), exportId: schoolCopy!.id })
      expect(reads().n).toBe(before + 1)
      // A second download a moment later is a second copy leaving the app: its own row.
      await as('admin', new Date(NOW.getTime() + 5000)).records.file({ ...johnny(), exportId: schoolCopy!.id })
      expect(reads().n).toBe(before + 2)
    })
  })

  describe('what each copy holds', () => {
    test('the family’s copy: every section, its family-only concern, the notebooks; the index links every file and only those', async () => {
      await as('parent').concerns.create({ ...johnny(), date: TODAY, issue: 'Kept at home: he cried before the bus.', status: 'open', visibility: 'family' })
      await as('caseManager').concerns.create({ ...johnny(), date: TODAY, issue: 'Shared: speech was missed twice.', status: 'open', visibility: 'team' })
      await as('parent').effects.record({ ...johnny(), date: '2026-11-17', kind: 'meltdown', goalId: demo.sitGoalId, note: 'Cried for an hour after the bus.' })
      const { exportId, files } = await made('parent')
      const paths = [...files.keys()]
      expect(paths).toContain('index.html')
      for (const expected of ['plan/plan.pdf', 'numbers/accountability.json', 'records/sessions.csv', 'records/supports.csv', 'concerns/concern-log.csv', 'history/history.csv']) {
        expect(paths).toContain(expected)
      }
      expect(paths.some((p) => p.startsWith('notebooks/') && p.endsWith('.txt'))).toBe(true)
      expect(files.get('plan/plan.pdf')!.subarray(0, 5).toString()).toBe('%PDF-')
      const log = files.get('concerns/concern-log.csv')!.toString()
      expect(log).toContain('Kept at home: he cried before the bus.')
      expect(log).toContain('Shared: speech was missed twice.')
      const effects = files.get('records/what-happened-next.csv')!.toString()
      expect(effects).toContain('2026-11-17,Meltdown at home')
      expect(effects).toContain('Cried for an hour after the bus.')
      const numbers = JSON.parse(files.get('numbers/accountability.json')!.toString()) as { student: { id: string } }
      expect(JSON.stringify(numbers)).toContain(demo.johnnyId)
      const index = files.get('index.html')!.toString()
      expect(indexLinks(index).sort()).toEqual(paths.filter((p) => p !== 'index.html').sort())
      expect(index).toContain('The family’s copy')
      // The row says what was made: its files, size and hash.
      const row = t.sqlite.prepare('select status, size, sha256, contents from record_exports where id = ?').get(exportId) as { status: string; size: number; sha256: string; contents: string }
      expect(row.status).toBe('ready')
      expect(JSON.parse(row.contents)).toEqual(paths)
      // The parent is told it is ready.
      const notice = t.sqlite.prepare("select user_id from notifications where kind = 'records_ready' and related_id = ?").get(exportId) as { user_id: string } | undefined
      expect(notice?.user_id).toBe(demo.users.parent)
    })

    test('the school’s copy: no family-only concern anywhere, no notebooks, no drafts; it says what it leaves out', async () => {
      const secret = 'Kept at home: a private worry about the bus.'
      await as('parent').concerns.create({ ...johnny(), date: TODAY, issue: secret, status: 'open', visibility: 'family' })
      const { files } = await made('admin')
      const paths = [...files.keys()]
      expect(paths.some((p) => p.startsWith('notebooks/'))).toBe(false)
      for (const [path, bytes] of files) expect(bytes.toString('latin1'), path).not.toContain(secret)
      expect(files.get('index.html')!.toString()).toContain('Concerns the family kept to itself are not part of it.')
      expect(files.get('history/history.csv')!.toString()).not.toMatch(/draft/i)
    })

    test('attached files: every one in the family’s copy, byte for byte; the school’s leaves out the family-only concern’s and the notebook’s', async () => {
      const family = await as('parent').concerns.create({ ...johnny(), date: TODAY, issue: 'At home.', status: 'open', visibility: 'family' })
      const team = await as('caseManager').concerns.create({ ...johnny(), date: TODAY, issue: 'Shared.', status: 'open', visibility: 'team' })
      const notebookId = (t.sqlite.prepare('select id from notebooks where student_id = ? limit 1').get(demo.johnnyId) as { id: string }).id
      const dir = await attachmentsDirOf(t.db)
      const attach = async (ownerKind: 'concern' | 'notebook', ownerId: string, fileName: string, text: string) => {
        const bytes = Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`)
        const received = await receiveUpload(dir, (async function* () {
          yield bytes
        })())
        await commitUpload(t.db, dir, received, { studentId: demo.johnnyId, ownerKind, ownerId, fileName, actorId: demo.users.parent, now: NOW })
        return bytes
      }
      const homeScan = await attach('concern', family.concernId, 'Doctor’s letter.pdf', 'home')
      const teamScan = await attach('concern', team.concernId, 'Email to school.pdf', 'team')
      await attach('notebook', notebookId, 'Sleep log.pdf', 'notebook')

      const familyCopy = (await made('parent')).files
      const inFamily = [...familyCopy.keys()].filter((p) => p.startsWith('attachments/'))
      expect(inFamily.sort()).toEqual(['attachments/concerns/2026-11-18 Doctor-s letter.pdf', 'attachments/concerns/2026-11-18 Email to school.pdf', 'attachments/notebooks/2026-11-18 Sleep log.pdf'])
      expect(familyCopy.get('attachments/concerns/2026-11-18 Doctor-s letter.pdf')).toEqual(homeScan)
      expect(familyCopy.get('index.html')!.toString()).toContain('Doctor’s letter.pdf, attached to a concern on')

      const schoolCopy = (await made('admin')).files
      expect([...schoolCopy.keys()].filter((p) => p.startsWith('attachments/'))).toEqual(['attachments/concerns/2026-11-18 Email to school.pdf'])
      expect(schoolCopy.get('attachments/concerns/2026-11-18 Email to school.pdf')).toEqual(teamScan)
      expect(schoolCopy.get('index.html')!.toString()).not.toContain('Doctor’s letter')
    })

    test(`a person may ask for ${EXPORTS_PER_DAY} files a day for a child; the next is refused and writes nothing`, async () => {
      for (let i = 0; i < EXPORTS_PER_DAY; i++) {
        await as('parent').records.start(johnny())
        await exportsIdle()
      }
      const before = snapshot()
      const error = await trpcError(as('parent').records.start(johnny()))
      expect(error.code).toBe('TOO_MANY_REQUESTS')
      expect(error.message).toContain(`${EXPORTS_PER_DAY} times today`)
      expect(snapshot()).toEqual(before)
      // A day later the count starts again.
      expect(await outcome(as('parent', new Date('2026-11-19T10:30:00')).records.start(johnny()))).toBe('OK')
    })

    test('asking again while a file is being made returns the same file, not a second', async () => {
      const first = await as('parent').records.start(johnny())
      const second = await as('parent').records.start(johnny())
      expect(second).toEqual({ exportId: first.exportId, alreadyRunning: true })
      await exportsIdle()
      expect(countRows(t.sqlite, 'record_exports')).toBe(1)
    })
  })

  describe('records requests', () => {
    const PROCEDURES = ['fulfil', 'list', 'log', 'setDays']
    const calls: Record<string, (user: DemoUserKey, schoolId: string, requestId: string) => Promise<unknown>> = {
      list: (u, schoolId) => as(u).recordsRequests.list({ schoolId }),
      log: (u, schoolId) => as(u).recordsRequests.log({ schoolId, studentId: demo.johnnyId, requestedBy: 'Ms Miller', receivedOn: TODAY }),
      fulfil: (u, schoolId, requestId) => as(u).recordsRequests.fulfil({ schoolId, requestId }),
      setDays: (u, schoolId) => as(u).recordsRequests.setDays({ schoolId, days: 30 }),
    }
    // The case manager is someone at the school (school.view) but not the one who answers requests.
    const MAPLE: Record<DemoUserKey, Code> = { caseManager: 'FORBIDDEN', speech: 'NOT_FOUND', ot: 'NOT_FOUND', para: 'NOT_FOUND', parent: 'NOT_FOUND', admin: 'OK', mayaParent: 'NOT_FOUND' }

    test('every procedure of recordsRequests.* is tried here', () => {
      expect(Object.keys(calls).sort()).toEqual(PROCEDURES)
    })

    test.each(ROLES)('%s at Maple: only the admin logs, lists, fulfils and sets the days', async (user) => {
      const { requestId } = await as('admin').recordsRequests.log({ ...school(), studentId: demo.johnnyId, requestedBy: 'Ms Miller', receivedOn: '2026-11-02' })
      for (const name of PROCEDURES) {
        const before = snapshot()
        const code = await outcome(calls[name]!(user, demo.schoolId, requestId))
        await exportsIdle()
        expect(code, `${user} recordsRequests.${name}`).toBe(MAPLE[user])
        if (code !== 'OK') expect(snapshot(), `${user} recordsRequests.${name} wrote nothing`).toEqual(before)
      }
    })

    test.each(ROLES)('%s at another school: NOT_FOUND from every procedure, naming nothing of it', async (user) => {
      for (const name of PROCEDURES) {
        const before = snapshot()
        const error = await trpcError(calls[name]!(user, 'oak', 'no-such-request'))
        expect(error.code, `${user} recordsRequests.${name}`).toBe('NOT_FOUND')
        expect(error.message).not.toContain('Oak')
        expect(snapshot()).toEqual(before)
      }
    })

    test('logged with its day, due 45 days later; the school’s own days apply to requests logged after; fulfilled with the school’s copy, in history', async () => {
      const admin = as('admin')
      const first = await admin.recordsRequests.log({ ...school(), studentId: demo.johnnyId, requestedBy: 'Ms Miller', receivedOn: '2026-11-02', note: 'By email.' })
      expect(first.dueOn).toBe('2026-12-17')
      await admin.recordsRequests.setDays({ ...school(), days: 10 })
      const second = await admin.recordsRequests.log({ ...school(), studentId: demo.leoId, requestedBy: 'Mr Garcia', receivedOn: '2026-11-16' })
      expect(second.dueOn).toBe('2026-11-26')
      let list = await admin.recordsRequests.list(school())
      expect(list.days).toBe(10)
      expect(list.students.map((s) => s.id)).toContain(demo.johnnyId)
      expect(list.students.map((s) => s.id)).not.toContain('oak-kid')
      // Open requests first, soonest due on top.
      expect(list.requests.map((r) => [r.requestedBy, r.dueOn, r.standing.state, r.standing.daysLeft])).toEqual([
        ['Mr Garcia', '2026-11-26', 'open', 8],
        ['Ms Miller', '2026-12-17', 'open', 29],
      ])

      const { exportId } = await admin.recordsRequests.fulfil({ ...school(), requestId: first.requestId })
      await exportsIdle()
      list = await admin.recordsRequests.list(school())
      const done = list.requests.find((r) => r.id === first.requestId)!
      expect(done.fulfilledOn).toBe(TODAY)
      expect(done.standing).toEqual({ state: 'fulfilled', daysLeft: null, fulfilledLate: false })
      expect(done.export?.id).toBe(exportId)
      expect(done.export?.status).toBe('ready')
      expect(done.export?.fileCount).toBeGreaterThan(5)
      // What was given is in the student's history, in words, for the family and the team alike.
      const history = await as('parent').team.history(johnny())
      const sentences = history.filter((h) => h.entity === 'records_request').map((h) => describeHistoryEntry(h, { goals: {} }))
      expect(sentences.some((s) => s.includes('logged a request for records from Ms Miller, received on'))).toBe(true)
      expect(sentences.some((s) => /answered the request for records from Ms Miller on .*: one file of \d+ files \(SHA-256 [0-9a-f]{12}/.test(s))).toBe(true)
      // Once fulfilled, it stays so.
      const again = await trpcError(admin.recordsRequests.fulfil({ ...school(), requestId: first.requestId }))
      expect([again.code, again.message]).toEqual(['CONFLICT', 'This request was already fulfilled.'])
    })

    test('a request past its day shows as late; fulfilled after it, it says so', async () => {
      const admin = as('admin')
      const { requestId } = await admin.recordsRequests.log({ ...school(), studentId: demo.johnnyId, requestedBy: 'Ms Miller', receivedOn: '2026-09-01' })
      const [late] = (await admin.recordsRequests.list(school())).requests
      expect(late!.standing).toEqual({ state: 'late', daysLeft: -33, fulfilledLate: false })
      await admin.recordsRequests.fulfil({ ...school(), requestId })
      await exportsIdle()
      const [done] = (await admin.recordsRequests.list(school())).requests
      expect(done!.standing.fulfilledLate).toBe(true)
    })

    test('bad input is refused with a sentence and writes nothing', async () => {
      const admin = as('admin')
      const cases: [Promise<unknown>, string, RegExp][] = [
        [admin.recordsRequests.log({ ...school(), studentId: demo.johnnyId, requestedBy: 'Ms Miller', receivedOn: '2026-11-19' }), 'receivedOn', /future/],
        [admin.recordsRequests.log({ ...school(), studentId: demo.johnnyId, requestedBy: 'Ms Miller', receivedOn: '2025-11-01' }), 'receivedOn', /more than a year/],
        [admin.recordsRequests.log({ ...school(), studentId: 'oak-kid', requestedBy: 'Ms Miller', receivedOn: TODAY }), 'studentId', /not at this school/],
        [admin.recordsRequests.log({ ...school(), studentId: demo.johnnyId, requestedBy: '   ', receivedOn: TODAY }), 'requestedBy', /who asked/],
        [admin.recordsRequests.log({ ...school(), studentId: demo.johnnyId, requestedBy: 'x'.repeat(121), receivedOn: TODAY }), 'requestedBy', /under 120/],
        [admin.recordsRequests.log({ ...school(), studentId: demo.johnnyId, requestedBy: 'Ms Miller', receivedOn: TODAY, note: 'n'.repeat(1001) }), 'note', /under 1000/],
        [admin.recordsRequests.setDays({ ...school(), days: 0 }), 'days', /from 1 to 90/],
        [admin.recordsRequests.setDays({ ...school(), days: 91 }), 'days', /from 1 to 90/],
        [admin.recordsRequests.setDays({ ...school(), days: 2.5 }), 'days', /whole number/],
        [admin.recordsRequests.fulfil({ ...school(), requestId: 'no-such-request' }), '', /not found/],
      ]
      for (const [call, field, message] of cases) {
        const before = snapshot()
        const error = await trpcError(call)
        expect(['BAD_REQUEST', 'NOT_FOUND'], field).toContain(error.code)
        expect(error.message, field).toMatch(message)
        expect(snapshot()).toEqual(before)
      }
    })
  })
})
