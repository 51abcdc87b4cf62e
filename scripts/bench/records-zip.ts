/**
 * Benchmark for the records file (issue 19): the demo seeded at the end of a school year (a whole year of sessions,
 * support checks, progress points, concerns and issued reports for Johnny) with 50 attached files, then the median
 * time to make the family's ZIP from the records to a file on disk, and its size and number of files.
 * Run with `npm run bench`, or alone: `npx tsx scripts/bench/records-zip.ts`.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type SQLite from 'better-sqlite3'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { seedDemo } from '#server/demo/seed.ts'
import { attachmentsDirOf, commitUpload, receiveUpload } from '#server/services/attachments.server.ts'
import { exportsIdle, getExport, requestExport } from '#server/services/record-exports.server.ts'
import { instructionalDaysBetween } from '#shared/school-calendar.ts'
import { weekdayOf } from '#shared/school-date.ts'
import { median } from './measure.ts'

const RUNS = 5
const ATTACHMENTS = 50
/** A scanned page is a few hundred KB; the bench's files are that size, mostly incompressible like a JPEG. */
const ATTACHMENT_BYTES = 300 * 1024

/** A PDF of `size` bytes: a valid header, then random bytes (as compressed image data is). */
function fakeScan(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')
  return Buffer.concat([head, randomBytes(size - head.length - 6), Buffer.from('\n%%EOF')])
}

async function* chunks(bytes: Buffer): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024)
}

/**
 * The demo records a few weeks; a family asking at the end of the year has a whole year. Every instructional day
 * from the school's first up to `now` gets what the demo did not record: each scheduled session (one in eleven
 * missed), each support checked, and a data point per goal on Mondays, Wednesdays and Fridays.
 */
function fillYear(sqlite: SQLite.Database, studentId: string, recorder: string, now: Date): void {
  const at = now.toISOString()
  const today = at.slice(0, 10)
  const school = sqlite.prepare('select s.id, s.year_start from schools s join students st on st.school_id = s.id where st.id = ?').get(studentId) as { id: string; year_start: string }
  const closed = new Set((sqlite.prepare('select date from school_closures where school_id = ?').all(school.id) as { date: string }[]).map((c) => c.date))
  const days = instructionalDaysBetween(school.year_start, today, closed).filter((d) => d < today)
  sqlite.transaction(() => {
    const services = sqlite.prepare('select s.id, t.minutes_per_session as minutes, t.weekdays from services s join service_terms t on t.service_id = s.id where s.student_id = ? group by s.id').all(studentId) as {
      id: string
      minutes: number
      weekdays: string
    }[]
    const hasRecord = sqlite.prepare('select 1 from session_records where service_id = ? and date = ?')
    const record = sqlite.prepare(
      'insert into session_records (id, record_id, version, service_id, student_id, date, kind, minutes, reason, recorded_at, recorded_by) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    for (const s of services) {
      const weekdays = JSON.parse(s.weekdays) as string[]
      days.forEach((day, i) => {
        if (!weekdays.includes(weekdayOf(day)) || hasRecord.get(s.id, day)) return
        const missed = i % 11 === 0
        record.run(randomUUID(), randomUUID(), s.id, studentId, day, missed ? 'missed' : 'delivered', missed ? null : s.minutes, missed ? 'provider_absent' : null, at, recorder)
      })
    }
    const accommodations = sqlite.prepare('select id from accommodations where student_id = ?').all(studentId) as { id: string }[]
    const hasCheck = sqlite.prepare('select 1 from accommodation_checks where accommodation_id = ? and date = ?')
    const check = sqlite.prepare(
      "insert into accommodation_checks (id, client_id, accommodation_id, student_id, date, status, recorded_by, recorded_at, late) values (?, ?, ?, ?, ?, 'used', ?, ?, 0)",
    )
    for (const a of accommodations) for (const day of days) if (!hasCheck.get(a.id, day)) check.run(randomUUID(), randomUUID(), a.id, studentId, day, recorder, at)
    const goals = sqlite.prepare('select id from goals where student_id = ?').all(studentId) as { id: string }[]
    const hasPoint = sqlite.prepare('select 1 from progress_points where goal_id = ? and date = ?')
    const point = sqlite.prepare(
      "insert into progress_points (id, goal_id, student_id, date, value, prompt_level, regulation, note, recorded_by, recorded_at) values (?, ?, ?, ?, ?, 'verbal', 'calm', '', ?, ?)",
    )
    for (const g of goals) {
      days.forEach((day, i) => {
        if (['mon', 'wed', 'fri'].includes(weekdayOf(day)) && !hasPoint.get(g.id, day)) point.run(randomUUID(), g.id, studentId, day, 2 + (i % 7), recorder, at)
      })
    }
  })()
}

export async function benchRecordsZip(): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-records-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'records.db'))
  try {
    await migrateToLatest(db)
    // The last week of the school year: the demo's records run from its first day.
    const now = new Date('2027-06-16T15:00:00')
    const ids = await seedDemo(db, async () => 'x', now)
    fillYear(sqlite, ids.johnnyId, ids.users.caseManager, now)
    const concerns = sqlite.prepare('select id from concerns where student_id = ?').all(ids.johnnyId) as { id: string }[]
    const files = await attachmentsDirOf(db)
    for (let i = 0; i < ATTACHMENTS; i++) {
      const received = await receiveUpload(files, chunks(fakeScan(ATTACHMENT_BYTES)))
      await commitUpload(db, files, received, {
        studentId: ids.johnnyId,
        ownerKind: 'concern',
        ownerId: concerns[i % concerns.length]!.id,
        fileName: `Scan ${i + 1}.pdf`,
        actorId: ids.users.parent,
        now,
      })
    }
    const counts = sqlite
      .prepare(
        `select (select count(*) from session_records where student_id = @id) as sessions,
                (select count(*) from accommodation_checks where student_id = @id) as checks,
                (select count(*) from progress_points where student_id = @id) as points,
                (select count(*) from audit_log where student_id = @id) as history`,
      )
      .get({ id: ids.johnnyId }) as { sessions: number; checks: number; points: number; history: number }

    const times: number[] = []
    let last: Awaited<ReturnType<typeof getExport>> = null
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const { exportId } = await requestExport(db, { studentId: ids.johnnyId, userId: ids.users.parent, side: 'family', now, clock: () => now })
      await exportsIdle()
      times.push(performance.now() - started)
      last = await getExport(db, exportId)
      if (last?.status !== 'ready') throw new Error(`The records file was not made: ${last?.status ?? 'missing'}`)
    }
    return {
      'records zip: the records behind it (sessions, support checks, data points, history rows, attachments)': `${counts.sessions}, ${counts.checks}, ${counts.points}, ${counts.history}, ${ATTACHMENTS} × ${ATTACHMENT_BYTES / 1024} KB`,
      'records zip: a year of records and 50 attachments, made to disk, median (ms)': median(times).toFixed(0),
      'records zip: size (MB)': ((last?.size ?? 0) / 1024 / 1024).toFixed(1),
      'records zip: files inside': String(last?.fileCount ?? 0),
      'records zip: bytes of attachments / bytes of the ZIP': ((ATTACHMENTS * ATTACHMENT_BYTES) / (last?.size ?? 1)).toFixed(2),
    }
  } finally {
    await db.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [name, value] of Object.entries(await benchRecordsZip())) console.log(`${name}: ${value}`)
}
