import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { loader as accountabilityJson } from '#app/routes/accountability/accountability-json.ts'
import { loader as concernsCsv } from '#app/routes/concerns/concern-log-csv.ts'
import { loader as sessionsCsv } from '#app/routes/sessions/session-log-csv.ts'
import { loader as briefPdf } from '#app/routes/brief/brief-pdf.ts'
import type { DemoUserKey } from '#server/demo/seed.ts'
import { createLucia } from '#server/auth/lucia.server.ts'
import { createServerLoadContext } from '#server/remix-context.server.ts'
import { verifyChain } from '#server/services/audit-chain.server.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'

const NOW = new Date('2026-11-17T15:00:00')

/**
 * The downloads are Remix resource routes, not tRPC procedures: they read through `context.trpc` (which logs the
 * read at the gate) and add a row saying the records left as a file. Called here as Remix calls them.
 */
describe('downloads in the record of access', () => {
  const { t, demo } = useDemoDb({ now: NOW })

  function args(key: DemoUserKey, url: string, studentId = demo.johnnyId): LoaderFunctionArgs {
    const context = createServerLoadContext({ db: t.db, lucia: createLucia(t.db), user: demo.userOf(key), sessionId: null, secure: false, now: () => NOW })
    return { context, params: { studentId }, request: new Request(`http://localhost${url}`) } as unknown as LoaderFunctionArgs
  }
  const logged = () => t.sqlite.prepare('select user_id, role, what, via from access_log order by id').all()

  test.each([
    ['the session log CSV', sessionsCsv, '/sessions.csv', ['records', 'export:sessions.csv']],
    ['the concern log CSV', concernsCsv, '/concerns.csv', ['concerns', 'export:concerns.csv']],
    ['the accountability JSON', accountabilityJson, '/accountability', ['records', 'export:accountability.json']],
  ] as const)('%s: the read and the download, each once', async (_name, loader, url, whats) => {
    const response = (await loader(args('caseManager', `/api/students/${demo.johnnyId}${url}`))) as Response
    expect(response.status).toBe(200)
    expect(logged()).toEqual(whats.map((what, i) => ({ user_id: demo.users.caseManager, role: 'case_manager', what, via: i === 0 ? expect.any(String) : what.slice(7) })))
  })

  test('the meeting brief PDF', async () => {
    const response = (await briefPdf(args('admin', `/students/${demo.johnnyId}/brief.pdf`))) as Response
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(logged()).toEqual([
      { user_id: demo.users.admin, role: 'school_admin', what: 'brief', via: 'brief.get' },
      { user_id: demo.users.admin, role: 'school_admin', what: 'export:brief.pdf', via: 'brief.pdf' },
    ])
    expect(verifyChain(t.sqlite, 'access_log').broken).toBeNull()
  })

  test('a parent’s own download is not access by the school', async () => {
    const response = (await sessionsCsv(args('parent', `/api/students/${demo.johnnyId}/sessions.csv`))) as Response
    expect(response.status).toBe(200)
    expect(logged()).toEqual([])
  })

  test('a refused download logs nothing', async () => {
    const refused = args('para', `/api/students/${demo.mayaId}/sessions.csv`, demo.mayaId)
    expect(((await sessionsCsv(refused)) as Response).status).toBe(404)
    expect(logged()).toEqual([])
  })
})
