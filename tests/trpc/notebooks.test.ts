import type { TRPCError } from '@trpc/server'
import { beforeEach, describe, expect, test } from 'vitest'
import { ZodError } from 'zod'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

const T0 = new Date('2026-03-02T15:00:00.000Z')
const TABLES = ['notebooks', 'notebook_updates', 'notebook_snapshots', 'audit_log']
/** Johnny's team: everyone opens and edits notebooks (docs/domain.md#notebooks). */
const TEAM: DemoUserKey[] = ['caseManager', 'para', 'speech', 'parent']
const NOT_MANAGERS: DemoUserKey[] = ['para', 'speech', 'parent']

/** The message a person reads for refused input (the HTTP error formatter shows the same one). */
function zodMessage(error: TRPCError): string | undefined {
  return error.cause instanceof ZodError ? error.cause.issues[0]?.message : undefined
}

describe('notebooks router', () => {
  const { t, demo, as } = useDemoDb({ now: T0 })
  let homeSchool: string
  let meetingPrep: string
  beforeEach(async () => {
    ;[homeSchool, meetingPrep] = demo.notebookIds as [string, string]
  })

  const rows = () => Object.fromEntries(TABLES.map((table) => [table, t.sqlite.prepare(`select * from ${table}`).all()]))
  const johnny = () => ({ studentId: demo.johnnyId })

  describe.each(TEAM)('%s, on Johnny’s team', (user) => {
    test('lists Johnny’s two notebooks', async () => {
      const list = await as(user).notebooks.list(johnny())
      expect(list.map((n) => n.title).sort()).toEqual(['Home–school notes', 'Meeting prep'])
    })

    test('reads a notebook, its text, its history and a day', async () => {
      const nb = await as(user).notebooks.get({ ...johnny(), notebookId: homeSchool })
      expect(nb.title).toBe('Home–school notes')
      const content = await as(user).notebooks.content({ ...johnny(), notebookId: homeSchool })
      expect(content.text).toContain('fire drill')
      expect(content.text).toContain('[x] Send home the visual schedule for drills')
      const days = await as(user).notebooks.history({ ...johnny(), notebookId: homeSchool })
      expect(days).toHaveLength(1)
      const day = await as(user).notebooks.day({ ...johnny(), notebookId: homeSchool, day: days[0]!.day })
      expect(day.json.type).toBe('doc')
      expect(day.text).toBe(content.text)
    })

    test('searches the notebooks’ words', async () => {
      const hits = await as(user).notebooks.search({ ...johnny(), query: 'FIRE DRILL' })
      expect(hits.map((h) => h.id)).toEqual([homeSchool])
      expect(hits[0]!.excerpt.toLowerCase()).toContain('fire drill')
    })
  })

  describe.each(NOT_MANAGERS)('%s, who is not the case manager', (user) => {
    test('may not create, rename, archive or restore, and nothing is written', async () => {
      const before = rows()
      const calls = [
        as(user).notebooks.create({ ...johnny(), title: 'Mine' }),
        as(user).notebooks.rename({ ...johnny(), notebookId: homeSchool, title: 'Renamed' }),
        as(user).notebooks.archive({ ...johnny(), notebookId: homeSchool }),
        as(user).notebooks.restore({ ...johnny(), notebookId: homeSchool, day: '2026-03-02' }),
      ]
      for (const call of calls) expect((await trpcError(call)).code).toBe('FORBIDDEN')
      expect(rows()).toEqual(before)
    })
  })

  test('the school admin sees Johnny but not his notebooks: only the team opens them', async () => {
    expect((await trpcError(as('admin').notebooks.list(johnny()))).code).toBe('FORBIDDEN')
    expect((await trpcError(as('admin').notebooks.search({ ...johnny(), query: 'drill' }))).code).toBe('FORBIDDEN')
  })

  test('someone else’s student is NOT_FOUND, and signed out is UNAUTHORIZED', async () => {
    for (const user of NOT_MANAGERS) {
      expect((await trpcError(as(user).notebooks.list({ studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
      expect((await trpcError(as(user).notebooks.create({ studentId: demo.mayaId, title: 'X' }))).code).toBe('NOT_FOUND')
    }
    expect((await trpcError(as(null).notebooks.list(johnny()))).code).toBe('UNAUTHORIZED')
    expect((await trpcError(as(null).notebooks.create({ ...johnny(), title: 'X' }))).code).toBe('UNAUTHORIZED')
  })

  test('a notebook asked for under another student is NOT_FOUND, even for the case manager of both', async () => {
    const error = await trpcError(as('caseManager').notebooks.get({ studentId: demo.mayaId, notebookId: homeSchool }))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toBe('That notebook was not found for this student.')
  })

  describe('the case manager', () => {
    test('creates a notebook with server-written first content, a snapshot and an audit row', async () => {
      const created = await as('caseManager').notebooks.create({ ...johnny(), title: '  Bus rides  ' })
      expect(created.title).toBe('Bus rides')
      const content = await as('parent').notebooks.content({ ...johnny(), notebookId: created.id })
      expect(content.text).toBe('Bus rides, started March 2, 2026.')
      expect(t.sqlite.prepare('select count(*) as n from notebook_updates where notebook_id = ?').get(created.id)).toEqual({ n: 1 })
      expect(t.sqlite.prepare('select day from notebook_snapshots where notebook_id = ?').all(created.id)).toHaveLength(1)
      const audit = t.sqlite.prepare("select action, after from audit_log where entity = 'notebook' and entity_id = ?").all(created.id)
      expect(audit).toEqual([{ action: 'create', after: JSON.stringify({ title: 'Bus rides' }) }])
    })

    test('gets clear refusals for a blank, an overlong or a duplicate title', async () => {
      const before = rows()
      const blank = await trpcError(as('caseManager').notebooks.create({ ...johnny(), title: '   ' }))
      expect([blank.code, zodMessage(blank)]).toEqual(['BAD_REQUEST', 'Give the notebook a title.'])
      const long = await trpcError(as('caseManager').notebooks.create({ ...johnny(), title: 'x'.repeat(81) }))
      expect(long.code).toBe('BAD_REQUEST')
      const dup = await trpcError(as('caseManager').notebooks.create({ ...johnny(), title: 'Meeting prep' }))
      expect([dup.code, dup.message]).toEqual(['CONFLICT', 'This student already has a notebook called “Meeting prep”.'])
      const dupRename = await trpcError(as('caseManager').notebooks.rename({ ...johnny(), notebookId: homeSchool, title: 'Meeting prep' }))
      expect(dupRename.code).toBe('CONFLICT')
      expect(rows()).toEqual(before)
    })

    test('renames with an audit row', async () => {
      const renamed = await as('caseManager').notebooks.rename({ ...johnny(), notebookId: meetingPrep, title: 'March meeting' })
      expect(renamed.title).toBe('March meeting')
      const audit = t.sqlite.prepare("select before, after from audit_log where action = 'rename' and entity_id = ?").get(meetingPrep)
      expect(audit).toEqual({ before: JSON.stringify({ title: 'Meeting prep' }), after: JSON.stringify({ title: 'March meeting' }) })
    })

    test('archives: gone from the list, still readable, and only once', async () => {
      await as('caseManager').notebooks.archive({ ...johnny(), notebookId: meetingPrep })
      expect((await as('para').notebooks.list(johnny())).map((n) => n.id)).toEqual([homeSchool])
      const all = await as('para').notebooks.list({ ...johnny(), includeArchived: true })
      expect(all.find((n) => n.id === meetingPrep)?.archivedAt).toBe(T0.toISOString())
      expect((await as('para').notebooks.content({ ...johnny(), notebookId: meetingPrep })).text).toContain('Questions to ask')
      expect((await trpcError(as('caseManager').notebooks.archive({ ...johnny(), notebookId: meetingPrep }))).code).toBe('CONFLICT')
      // An archived notebook's title is free again.
      await as('caseManager').notebooks.create({ ...johnny(), title: 'Meeting prep' })
    })

    test('restores a day as a new edit on top of the stored log', async () => {
      const later = new Date(T0.getTime() + 86_400_000)
      const created = await as('caseManager').notebooks.create({ ...johnny(), title: 'Recess' })
      const { restoreNotebookDay } = await import('#server/services/notebooks.server.ts')
      const { appendNotebookUpdates, loadNotebookDoc } = await import('#server/collab/notebook-store.server.ts')
      const Y = await import('yjs')
      const doc = await loadNotebookDoc(t.db, created.id)
      const before = Y.encodeStateVector(doc)
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('played with Leo')])
      doc.getXmlFragment('default').push([p])
      await appendNotebookUpdates(t.db, { notebookId: created.id, updates: [Y.encodeStateAsUpdate(doc, before)], doc, at: later })
      const days = await as('para').notebooks.history({ ...johnny(), notebookId: created.id })
      expect(days.map((d) => d.preview.includes('played with Leo'))).toEqual([true, false])
      await restoreNotebookDay(t.db, { studentId: demo.johnnyId, notebookId: created.id, day: days[1]!.day, actorId: demo.users.caseManager, now: later })
      const text = (await as('para').notebooks.content({ ...johnny(), notebookId: created.id })).text
      expect(text).toBe('Recess, started March 2, 2026.')
      expect(t.sqlite.prepare('select count(*) as n from notebook_updates where notebook_id = ?').get(created.id)).toEqual({ n: 3 })
      expect(t.sqlite.prepare("select count(*) as n from audit_log where action = 'restore' and entity_id = ?").get(created.id)).toEqual({ n: 1 })
      const missing = await trpcError(as('caseManager').notebooks.restore({ ...johnny(), notebookId: created.id, day: '2000-01-03' }))
      expect([missing.code, missing.message]).toEqual(['NOT_FOUND', 'There is no saved copy of this notebook for that day.'])
    })
  })

  describe('search', () => {
    test('matches % and _ literally, and finds titles', async () => {
      expect(await as('parent').notebooks.search({ ...johnny(), query: '%%' })).toEqual([])
      expect(await as('parent').notebooks.search({ ...johnny(), query: '__' })).toEqual([])
      await as('caseManager').notebooks.create({ ...johnny(), title: 'Reading at 100%' })
      expect((await as('parent').notebooks.search({ ...johnny(), query: '100%' })).map((h) => h.title)).toEqual(['Reading at 100%'])
      expect((await as('parent').notebooks.search({ ...johnny(), query: 'meeting p' })).map((h) => h.id)).toEqual([meetingPrep])
    })

    test('refuses a one-letter search with a message', async () => {
      const error = await trpcError(as('parent').notebooks.search({ ...johnny(), query: 'a' }))
      expect([error.code, zodMessage(error)]).toEqual(['BAD_REQUEST', 'Type at least 2 letters to search.'])
    })
  })
})
