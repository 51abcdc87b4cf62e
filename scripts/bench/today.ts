/**
 * Benchmark for the para's Today screen (issue #4): server time for GET /today with 8 students (median of
 * 50 requests, after 5 warm-up requests), and the gzipped JavaScript the route ships.
 * Run with `npm run bench` (builds the app first when no build exists).
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { seedDemo } from '#server/demo/seed.ts'
import { createApp } from '#server/app.server.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import { closureSet, closuresForSchool } from '#server/services/calendar.server.ts'
import { lastInstructionalDays } from '#shared/school-calendar.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { firstLoadGzipBytes } from './bundles.ts'

export async function benchToday(buildDir: string): Promise<Record<string, string | number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-bench-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'bench.db'))
  await migrateToLatest(db)
  const demo = await seedDemo(db, hashPassword)

  // Five more students for the para (8 in all), each with profiles, six daily supports and two goals.
  const at = new Date().toISOString()
  for (let i = 0; i < 5; i++) {
    const studentId = randomUUID()
    await db
      .insertInto('students')
      .values({ id: studentId, school_id: demo.schoolId, name: `Bench Student ${i + 1}`, preferred_name: null, grade: 3, external_id: null, created_at: at })
      .execute()
    await db
      .insertInto('team_members')
      .values({ id: randomUUID(), student_id: studentId, user_id: demo.users.para, role: 'para', added_at: at, added_by: null, removed_at: null, removed_by: null })
      .execute()
    for (const kind of ['communication', 'regulation'] as const) {
      await db
        .insertInto('profile_versions')
        .values({ id: randomUUID(), student_id: studentId, kind, version: 1, content: JSON.stringify({ whatHelps: 'A quiet word.' }), created_at: at, created_by: demo.users.caseManager })
        .execute()
    }
    for (let a = 0; a < 6; a++) {
      const id = randomUUID()
      await db.insertInto('accommodations').values({ id, student_id: studentId, created_at: at, created_by: demo.users.caseManager }).execute()
      await db
        .insertInto('accommodation_versions')
        .values({ id: randomUUID(), accommodation_id: id, version: 1, title: `Support ${a + 1}`, description: 'Plain words.', category: 'regulation', applies: '{"kind":"daily"}', start_date: '2020-01-01', created_at: at, created_by: demo.users.caseManager })
        .execute()
    }
  }

  const build = (await import(pathToFileURL(path.join(buildDir, 'server', 'index.js')).href)) as ServerBuild
  const { app, lucia } = createApp({ db, trustProxy: false, remix: { mode: 'production', build, clientDir: path.join(buildDir, 'client') } })
  const session = await lucia.createSession(demo.users.para, {})
  const cookie = lucia.createSessionCookie(session.id).serialize().split(';')[0]!
  const server = app.listen(0)
  await new Promise((r) => server.once('listening', r))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  // A school day, so every support is loaded (today may be a holiday or a weekend).
  const schoolDay = lastInstructionalDays(localIsoDate(new Date()), 1, closureSet(await closuresForSchool(db, demo.schoolId)))[0]!
  const times: number[] = []
  for (let i = 0; i < 55; i++) {
    const started = performance.now()
    const res = await fetch(`http://localhost:${port}/today?date=${schoolDay}`, { headers: { cookie } })
    const body = await res.text()
    if (res.status !== 200 || !body.includes('Bench Student 5') || !body.includes('Support 6')) throw new Error(`GET /today answered ${res.status}`)
    if (i >= 5) times.push(performance.now() - started)
  }
  server.close()
  await db.destroy()
  sqlite.close()
  fs.rmSync(dir, { recursive: true, force: true })
  times.sort((a, b) => a - b)

  return {
    'GET /today, 8 students: median ms (50 requests)': round(times[Math.floor(times.length / 2)]!),
    'GET /today, 8 students: p95 ms': round(times[Math.floor(times.length * 0.95)]!),
    'JS shipped by /today (entry + root + route), gzipped KB': round(firstLoadGzipBytes(build.assets, path.join(buildDir, 'client'), ['routes/today/today']) / 1024),
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
