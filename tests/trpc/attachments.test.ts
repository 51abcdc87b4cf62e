import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Server } from 'node:http'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createApp } from '#server/app.server.ts'
import { type AppLucia, SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { attachmentsDirOf, commitUpload, listStudentAttachments, receiveUpload } from '#server/services/attachments.server.ts'
import { listStudentHistory } from '#server/services/team.server.ts'
import { ATTACHMENT_MAX_BYTES, type OwnerKind } from '#shared/attachments.ts'
import { can, canOwned } from '#shared/permissions.ts'
import type { StudentRole } from '#shared/roles.ts'
import { baseUrl, closeServer, listenOnFreePort } from '#tests/setup/http-server.ts'
import { countRows } from '#tests/setup/test-db.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

const NOW = new Date('2026-11-17T15:00:00')
const TODAY = '2026-11-17'

const CALLERS = [
  ['caseManager', 'case_manager'],
  ['speech', 'provider'],
  ['para', 'para'],
  ['parent', 'parent'],
  ['admin', 'school_admin'],
] as const satisfies readonly (readonly [DemoUserKey, StudentRole])[]

/** A small but real PDF, different each time (so each test's bytes have their own hash). */
function pdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.from(randomBytes(16).toString('hex')), Buffer.from('\n%%EOF\n')])
}
/** A real 1×1 PNG, with a few bytes after its end so each test's copy has its own hash. */
const PNG = () => Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'), randomBytes(16)])

async function* chunks(data: Buffer): AsyncIterable<Uint8Array> {
  yield new Uint8Array(data)
}

describe('attachments', () => {
  const { t, demo, as } = useDemoDb({ now: NOW })
  let dir: string
  let owners: Record<'familyConcern' | 'sharedConcern' | 'letter' | 'familyLetter' | 'session' | 'point' | 'notebook' | 'mayaConcern', { kind: OwnerKind; id: string }>

  beforeEach(async () => {
    dir = await attachmentsDirOf(t.db)
    const parent = as('parent')
    const family = await parent.concerns.create({ studentId: demo.johnnyId, date: TODAY, issue: 'Private worry', status: 'open', visibility: 'family', links: [] })
    const shared = await parent.concerns.create({ studentId: demo.johnnyId, date: TODAY, issue: 'Shared worry', status: 'open', visibility: 'team', links: [] })
    const letter = await parent.concerns.markLetterSent({ studentId: demo.johnnyId, concernId: shared.concernId, sentOn: TODAY, channel: 'paper', body: 'Please answer.' })
    const familyLetter = await parent.concerns.markLetterSent({ studentId: demo.johnnyId, concernId: family.concernId, sentOn: TODAY, channel: 'paper', body: 'Draft.' })
    const log = await as('caseManager').sessions.log({ studentId: demo.johnnyId })
    const point = await as('caseManager').progress.add({ studentId: demo.johnnyId, goalId: demo.sitGoalId, date: TODAY, value: 10, promptLevel: 'verbal', regulation: 'calm', note: '' })
    const maya = await as('caseManager').concerns.create({ studentId: demo.mayaId, date: TODAY, issue: 'Maya', status: 'open', visibility: 'team', links: [] })
    owners = {
      familyConcern: { kind: 'concern', id: family.concernId },
      sharedConcern: { kind: 'concern', id: shared.concernId },
      letter: { kind: 'letter', id: letter.letterId },
      familyLetter: { kind: 'letter', id: familyLetter.letterId },
      session: { kind: 'session_record', id: log[0]!.recordId },
      point: { kind: 'progress_point', id: point.pointId },
      notebook: { kind: 'notebook', id: demo.notebookIds[0]! },
      mayaConcern: { kind: 'concern', id: maya.concernId },
    }
  })

  /** A file attached straight through the service (the HTTP door is tested below). */
  async function attach(user: DemoUserKey, owner: { kind: OwnerKind; id: string }, bytes = pdf(), fileName = 'scan.pdf', studentId = demo.johnnyId) {
    const received = await receiveUpload(dir, chunks(bytes))
    return commitUpload(t.db, dir, received, { studentId, ownerKind: owner.kind, ownerId: owner.id, fileName, actorId: demo.users[user], now: NOW })
  }

  /** Whether the role may read the record (the owner's own action, and a concern's visibility). */
  function mayRead(role: StudentRole, owner: keyof typeof owners): boolean {
    const action = { familyConcern: 'concerns.view', sharedConcern: 'concerns.view', letter: 'concerns.view', familyLetter: 'concerns.view', session: 'plan.view', point: 'plan.view', notebook: 'notes.view', mayaConcern: 'concerns.view' } as const
    const familyOnly = owner === 'familyConcern' || owner === 'familyLetter'
    return can(role, action[owner]) && canOwned(role, 'concern.read', { sharedWithTeam: !familyOnly })
  }

  const JOHNNY_OWNERS = ['familyConcern', 'sharedConcern', 'letter', 'familyLetter', 'session', 'point', 'notebook'] as const

  describe('through tRPC: every role on every kind of record', () => {
    test.each(CALLERS.flatMap(([user, role]) => JOHNNY_OWNERS.map((owner) => ({ user, role, owner }))))('$user ($role) on $owner', async ({ user, role, owner }) => {
      const o = owners[owner]
      const { id } = await attach('parent', o)
      const ref = { studentId: demo.johnnyId, ownerKind: o.kind, ownerId: o.id }
      const rows = () => countRows(t.sqlite, 'attachments')
      if (mayRead(role, owner)) {
        const list = await as(user).attachments.list(ref)
        expect(list.files.map((f) => f.id)).toEqual([id])
        expect(list.mayAdd).toBe(can(role, 'attachments.add'))
        expect(list.files[0]!.mayRemove).toBe(user === 'parent')
        expect(await as(user).attachments.file({ studentId: demo.johnnyId, attachmentId: id })).toMatchObject({ id, mediaType: 'application/pdf', fileName: 'scan.pdf' })
      } else {
        expect((await trpcError(as(user).attachments.list(ref))).code).toBe('NOT_FOUND')
        const hidden = await trpcError(as(user).attachments.file({ studentId: demo.johnnyId, attachmentId: id }))
        const missing = await trpcError(as(user).attachments.file({ studentId: demo.johnnyId, attachmentId: 'no-such-file' }))
        expect([hidden.code, hidden.message]).toEqual([missing.code, missing.message])
        expect(hidden.message).not.toContain('scan')
      }
      const before = rows()
      const mayAttach = as(user).attachments.mayAttach(ref)
      if (!can(role, 'attachments.add')) expect((await trpcError(mayAttach)).code).toBe('FORBIDDEN')
      else if (!mayRead(role, owner)) expect((await trpcError(mayAttach)).code).toBe('NOT_FOUND')
      else expect(await mayAttach).toMatchObject({ actorId: demo.users[user] })
      // Only the person who attached a file removes it; nobody else learns more than they may read.
      const remove = as(user).attachments.remove({ studentId: demo.johnnyId, attachmentId: id })
      if (user === 'parent') expect(await remove).toEqual({ removed: 'scan.pdf', ownerKind: o.kind, ownerId: o.id })
      else expect((await trpcError(remove)).code).toBe(!can(role, 'attachments.add') ? 'FORBIDDEN' : mayRead(role, owner) ? 'FORBIDDEN' : 'NOT_FOUND')
      expect(rows()).toBe(before)
    })

    test.each(['para', 'parent', 'speech'] as const)('%s, not on Maya’s team, gets NOT_FOUND for her files', async (user) => {
      const { id } = await attach('caseManager', owners.mayaConcern, pdf(), 'maya.pdf', demo.mayaId)
      const ref = { studentId: demo.mayaId, ownerKind: 'concern' as const, ownerId: owners.mayaConcern.id }
      for (const call of [as(user).attachments.list(ref), as(user).attachments.file({ studentId: demo.mayaId, attachmentId: id }), as(user).attachments.mayAttach(ref)]) {
        const error = await trpcError(call)
        expect(error.code).toBe('NOT_FOUND')
        expect(error.message).not.toContain('Maya')
      }
    })

    test.each(CALLERS)('%s (%s) counts the files on data points and session records, removed ones left out', async (user) => {
      await attach('parent', owners.point)
      await attach('parent', owners.point, PNG(), 'chart.png')
      const gone = await attach('parent', owners.session)
      await as('parent').attachments.remove({ studentId: demo.johnnyId, attachmentId: gone.id })
      expect(await as(user).attachments.counts({ studentId: demo.johnnyId, ownerKind: 'progress_point' })).toEqual({ [owners.point.id]: 2 })
      expect(await as(user).attachments.counts({ studentId: demo.johnnyId, ownerKind: 'session_record' })).toEqual({})
      // Only kinds without a visibility of their own are counted in one read.
      expect((await trpcError(as(user).attachments.counts({ studentId: demo.johnnyId, ownerKind: 'concern' as 'session_record' }))).code).toBe('BAD_REQUEST')
    })

    test.each(['para', 'parent', 'speech'] as const)('%s, not on Maya’s team, gets NOT_FOUND for her counts', async (user) => {
      expect((await trpcError(as(user).attachments.counts({ studentId: demo.mayaId, ownerKind: 'progress_point' }))).code).toBe('NOT_FOUND')
    })

    test('a record of another student is not found, even when named under this one', async () => {
      const ref = { studentId: demo.johnnyId, ownerKind: 'concern' as const, ownerId: owners.mayaConcern.id }
      expect((await trpcError(as('caseManager').attachments.mayAttach(ref))).code).toBe('NOT_FOUND')
    })

    test('removing hides the file from every list; the row, the bytes and the history stay', async () => {
      const bytes = pdf()
      const { id } = await attach('caseManager', owners.sharedConcern, bytes, 'minutes.pdf')
      await as('caseManager').attachments.remove({ studentId: demo.johnnyId, attachmentId: id })
      expect((await as('caseManager').attachments.list({ studentId: demo.johnnyId, ownerKind: 'concern', ownerId: owners.sharedConcern.id })).files).toEqual([])
      expect((await trpcError(as('caseManager').attachments.file({ studentId: demo.johnnyId, attachmentId: id }))).code).toBe('NOT_FOUND')
      expect(t.sqlite.prepare('select removed_by from attachments where id = ?').get(id)).toEqual({ removed_by: demo.users.caseManager })
      const [row] = await listStudentAttachments(t.db, demo.johnnyId, { side: 'family' })
      expect(row).toBeUndefined()
      const history = await listStudentHistory(t.db, demo.johnnyId, { hideFamilyOnly: false })
      expect(history.filter((h) => h.entity === 'attachment').map((h) => h.action)).toEqual(['remove', 'add'])
      expect(fs.readFileSync(path.join(dir, t.sqlite.prepare('select sha256 from attachments where id = ?').pluck().get(id) as string))).toEqual(bytes)
    })
  })

  describe('for the family’s record (listStudentAttachments) and the history', () => {
    test('the school’s side leaves out family-only concerns’ files and their letters’; the family’s holds all', async () => {
      const family = await attach('parent', owners.familyConcern, pdf(), 'private.pdf')
      const familyLetter = await attach('parent', owners.familyLetter, pdf(), 'private-letter.pdf')
      const shared = await attach('parent', owners.sharedConcern, PNG(), 'photo.png')
      const session = await attach('caseManager', owners.session, Buffer.from('Session went well.'), 'note.txt')
      const familySide = await listStudentAttachments(t.db, demo.johnnyId, { side: 'family' })
      const schoolSide = await listStudentAttachments(t.db, demo.johnnyId, { side: 'school' })
      expect(familySide.map((a) => a.id).sort()).toEqual([family.id, familyLetter.id, shared.id, session.id].sort())
      expect(schoolSide.map((a) => a.id).sort()).toEqual([shared.id, session.id].sort())
      const png = schoolSide.find((a) => a.id === shared.id)!
      expect(png).toMatchObject({ ownerKind: 'concern', ownerId: owners.sharedConcern.id, fileName: 'photo.png', mediaType: 'image/png', uploadedAt: NOW.toISOString() })
      expect(path.isAbsolute(png.path)).toBe(true)
      expect(fs.statSync(png.path).size).toBe(png.size)
      expect(schoolSide.find((a) => a.id === session.id)!.mediaType).toBe('text/plain')
    })

    test('staff never read in the history that a family-only concern has files', async () => {
      await attach('parent', owners.familyConcern, pdf(), 'private.pdf')
      await attach('parent', owners.sharedConcern, pdf(), 'shared.pdf')
      const staff = await as('caseManager').team.history({ studentId: demo.johnnyId })
      const parent = await as('parent').team.history({ studentId: demo.johnnyId })
      const files = (entries: { entity: string; after: unknown }[]) => entries.filter((e) => e.entity === 'attachment').map((e) => (e.after as { fileName: string }).fileName)
      expect(files(staff as never)).toEqual(['shared.pdf'])
      expect(files(parent as never).sort()).toEqual(['private.pdf', 'shared.pdf'])
    })
  })

  describe('over HTTP (the real Express app)', () => {
    let server: Server
    let lucia: AppLucia
    let base: string

    beforeEach(async () => {
      const created = createApp({ db: t.db, trustProxy: false, now: () => NOW })
      lucia = created.lucia
      server = await listenOnFreePort(created.app)
      base = baseUrl(server)
    })
    afterEach(async () => {
      await closeServer(server)
    })

    const cookies = new Map<DemoUserKey, string>()
    async function cookie(user: DemoUserKey): Promise<string> {
      const session = await lucia.createSession(demo.users[user], {})
      cookies.set(user, `${SESSION_COOKIE}=${session.id}`)
      return cookies.get(user)!
    }

    const uploadUrl = (owner: { kind: OwnerKind; id: string }, studentId = demo.johnnyId) =>
      `${base}/api/students/${studentId}/attachments/${owner.kind}/${owner.id}?back=${encodeURIComponent(`/students/${studentId}/concerns/${owner.id}`)}`

    async function upload(user: DemoUserKey | null, owner: { kind: OwnerKind; id: string }, bytes: Buffer, fileName: string, options: { json?: boolean; studentId?: string; origin?: string } = {}) {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bytes)]), fileName)
      const headers: Record<string, string> = { origin: options.origin ?? base }
      if (user) headers.cookie = await cookie(user)
      if (options.json !== false) headers.accept = 'application/json'
      return fetch(uploadUrl(owner, options.studentId), { method: 'POST', body: form, headers, redirect: 'manual' })
    }

    const leftovers = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith('.upload-')) : [])
    const stored = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')).length : 0)

    test('a parent attaches to a family-only concern and downloads it; staff get the same 404 as for nothing', async () => {
      const bytes = pdf()
      const res = await upload('parent', owners.familyConcern, bytes, 'Speech log <Nov>.pdf')
      expect(res.status).toBe(201)
      const { id, fileName } = (await res.json()) as { id: string; fileName: string }
      expect(fileName).toBe('Speech log Nov.pdf')
      const url = `${base}/api/students/${demo.johnnyId}/attachments/${id}`
      const got = await fetch(url, { headers: { cookie: await cookie('parent') } })
      expect(got.status).toBe(200)
      expect(Buffer.from(await got.arrayBuffer())).toEqual(bytes)
      expect(got.headers.get('content-type')).toBe('application/pdf')
      expect(got.headers.get('content-disposition')).toBe(`attachment; filename="Speech log Nov.pdf"; filename*=UTF-8''Speech%20log%20Nov.pdf`)
      expect(got.headers.get('x-content-type-options')).toBe('nosniff')
      expect(got.headers.get('content-security-policy')).toMatch(/^sandbox/)
      expect(got.headers.get('cache-control')).toBe('private, no-store')
      const nothing = await fetch(`${base}/api/students/${demo.johnnyId}/attachments/no-such-file`, { headers: { cookie: await cookie('caseManager') } })
      expect(nothing.status).toBe(404)
      const nothingSays = await nothing.text()
      for (const user of ['caseManager', 'speech', 'para', 'admin'] as const) {
        const refused = await fetch(url, { headers: { cookie: await cookie(user) } })
        expect(refused.status, user).toBe(404)
        expect(await refused.text()).toBe(nothingSays)
      }
      expect((await fetch(url)).status).toBe(404)
      expect(t.sqlite.prepare(`select count(*) from access_log where what = 'export:attachment'`).pluck().get()).toBe(0)
    })

    test('a staff download is written to the record of access; a parent’s is not the school’s access', async () => {
      const res = await upload('parent', owners.sharedConcern, pdf(), 'shared.pdf')
      const { id } = (await res.json()) as { id: string }
      const url = `${base}/api/students/${demo.johnnyId}/attachments/${id}`
      expect((await fetch(url, { headers: { cookie: await cookie('parent') } })).status).toBe(200)
      expect((await fetch(url, { headers: { cookie: await cookie('speech') } })).status).toBe(200)
      expect(t.sqlite.prepare(`select user_id, role, what, via from access_log where what = 'export:attachment'`).all()).toEqual([
        { user_id: demo.users.speech, role: 'provider', what: 'export:attachment', via: 'attachments.file' },
      ])
    })

    test.each(CALLERS)('%s (%s) uploads to a shared concern of Johnny’s, and not to Maya’s', async (user, role) => {
      const before = countRows(t.sqlite, 'attachments')
      const res = await upload(user, owners.sharedConcern, pdf(), 'a.pdf')
      expect(res.status).toBe(can(role, 'attachments.add') ? 201 : 404)
      expect(countRows(t.sqlite, 'attachments')).toBe(before + (res.status === 201 ? 1 : 0))
      if (user !== 'caseManager' && user !== 'admin') {
        const maya = await upload(user, owners.mayaConcern, pdf(), 'a.pdf', { studentId: demo.mayaId })
        expect(maya.status).toBe(404)
        expect(((await maya.json()) as { error: { message: string } }).error.message).not.toContain('Maya')
      }
      expect(leftovers()).toEqual([])
    })

    test('staff cannot attach to a family-only concern (nothing is read or written)', async () => {
      const filesBefore = stored()
      for (const user of ['caseManager', 'speech', 'para'] as const) {
        const res = await upload(user, owners.familyConcern, pdf(), 'a.pdf')
        expect(res.status).toBe(404)
      }
      expect(countRows(t.sqlite, 'attachments')).toBe(0)
      expect(stored()).toBe(filesBefore)
    })

    test('the same bytes are stored once, however often and under whatever name they are attached', async () => {
      const bytes = pdf()
      const filesBefore = stored()
      expect((await upload('parent', owners.sharedConcern, bytes, 'one.pdf')).status).toBe(201)
      expect((await upload('caseManager', owners.session, bytes, 'two.pdf')).status).toBe(201)
      expect(countRows(t.sqlite, 'attachments')).toBe(2)
      expect(stored()).toBe(filesBefore + 1)
      expect(new Set(t.sqlite.prepare('select sha256 from attachments').pluck().all()).size).toBe(1)
    })

    test.each([
      ['empty', Buffer.alloc(0), 'empty.pdf', 400, 'empty'],
      ['a ZIP named as a PDF', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200)]), 'report.pdf', 415, 'wrongType'],
      ['binary with NUL bytes', Buffer.concat([Buffer.from([0, 1, 2, 0]), randomBytes(100)]), 'note.txt', 415, 'wrongType'],
      ['an executable', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'), randomBytes(200)]), 'photo.jpg', 415, 'wrongType'],
      ['over 10 MB by one byte', Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x61), 'big.txt', 413, 'tooLarge'],
    ])('%s is refused with a clear message and leaves nothing behind', async (_name, bytes, fileName, status, reason) => {
      const filesBefore = stored()
      const auditBefore = countRows(t.sqlite, 'audit_log')
      const res = await upload('parent', owners.familyConcern, bytes, fileName)
      expect(res.status).toBe(status)
      const body = (await res.json()) as { error: { reason: string; message: string } }
      expect(body.error.reason).toBe(reason)
      expect(body.error.message.length).toBeGreaterThan(20)
      expect(countRows(t.sqlite, 'attachments')).toBe(0)
      expect(countRows(t.sqlite, 'audit_log')).toBe(auditBefore)
      expect(stored()).toBe(filesBefore)
      expect(leftovers()).toEqual([])
    })

    test('exactly 10 MB is accepted', async () => {
      const bytes = Buffer.concat([Buffer.from(randomBytes(8).toString('hex')), Buffer.alloc(ATTACHMENT_MAX_BYTES - 16, 0x62)])
      const res = await upload('parent', owners.sharedConcern, bytes, 'big.txt')
      expect(res.status).toBe(201)
      expect(t.sqlite.prepare('select size, media_type from attachments').get()).toEqual({ size: ATTACHMENT_MAX_BYTES, media_type: 'text/plain' })
    })

    test('a body declared far over the cap is refused before it is read', async () => {
      const res = await fetch(uploadUrl(owners.sharedConcern), {
        method: 'POST',
        headers: { origin: base, cookie: await cookie('parent'), 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024) },
        body: 'x',
      }).catch(() => null)
      if (res) expect(res.status).toBe(413)
      expect(countRows(t.sqlite, 'attachments')).toBe(0)
    })

    test('a text file is known from its bytes: an email is message/rfc822, a page sent as .html is plain text named .txt', async () => {
      const eml = Buffer.from(`From: Dana Rivera <dana@maple.example>\r\nSubject: Speech ${randomBytes(4).toString('hex')}\r\nDate: Tue, 17 Nov 2026 09:00:00 -0500\r\n\r\nHello.\r\n`)
      const html = Buffer.from(`<html><script>alert(1)</script>${randomBytes(4).toString('hex')}</html>`)
      const a = (await (await upload('parent', owners.sharedConcern, eml, 'reply.eml')).json()) as { id: string; fileName: string }
      const b = (await (await upload('parent', owners.sharedConcern, html, 'page.html')).json()) as { id: string; fileName: string }
      expect(a.fileName).toBe('reply.eml')
      expect(b.fileName).toBe('page.html.txt')
      const got = await fetch(`${base}/api/students/${demo.johnnyId}/attachments/${b.id}`, { headers: { cookie: await cookie('parent') } })
      expect(got.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(got.headers.get('content-disposition')).toMatch(/^attachment;/)
      expect(t.sqlite.prepare('select media_type from attachments where id = ?').pluck().get(a.id)).toBe('message/rfc822')
    })

    test('a plain form (no script) is sent back to its page with what happened', async () => {
      const ok = await upload('parent', owners.sharedConcern, pdf(), 'a.pdf', { json: false })
      expect(ok.status).toBe(303)
      expect(ok.headers.get('location')).toBe(`/students/${demo.johnnyId}/concerns/${owners.sharedConcern.id}?attachedTo=${owners.sharedConcern.id}&attached=1#attachments-${owners.sharedConcern.id}`)
      const refused = await upload('parent', owners.sharedConcern, Buffer.alloc(0), 'a.pdf', { json: false })
      expect(refused.status).toBe(303)
      expect(refused.headers.get('location')).toContain('attachRefused=empty')
    })

    test('another site’s form is refused by the origin check, and a signed-out upload writes nothing', async () => {
      expect((await upload('parent', owners.sharedConcern, pdf(), 'a.pdf', { origin: 'https://evil.example' })).status).toBe(403)
      expect((await upload(null, owners.sharedConcern, pdf(), 'a.pdf')).status).toBe(401)
      expect(countRows(t.sqlite, 'attachments')).toBe(0)
      expect(leftovers()).toEqual([])
    })
  })
})
