import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { caseload, computeCaseloadRows, computeStudentAccountability, sortCaseload, studentAccountability } from '#server/services/accountability.server.ts'
import { listServices } from '#server/services/services.server.ts'
import { warmKeptNumbers } from '#server/services/numbers-keeper.server.ts'
import { verifyKeptNumbers } from '#server/services/numbers-verify.server.ts'
import { addDays, type IsoDate } from '#shared/school-date.ts'
import { MISS_REASONS, MISSED_REASONS } from '#shared/services.ts'
import { createTestDb, type TestDb } from '#tests/setup/test-db.ts'

/**
 * Kept accountability numbers (docs/performance.md) against their definition: random plans, records, corrections,
 * voids, make-ups, calendar and policy changes, checks and disputes, each followed by reads at random dates. Every
 * read through the kept path must equal the numbers computed from the records by the pure functions in shared/.
 */

const AT = '2026-08-20T12:00:00.000Z'
const FIRST = '2026-09-01' as IsoDate
/** The days the plans, records and reads fall in: the autumn term (about 80 school days). */
const SPAN = 110
const day = (offset: number) => addDays(FIRST, offset)
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const
const CHECK_STATUSES = ['used', 'not_needed', 'not_provided', 'declined'] as const

type Op =
  | { op: 'record'; service: number; day: number; kind: 'delivered' | 'missed' | 'make_up'; minutes: number; reason: number; repays: number }
  | { op: 'correct'; record: number; kind: 'delivered' | 'missed'; minutes: number; reason: number }
  | { op: 'void'; record: number }
  | { op: 'closure'; day: number }
  | { op: 'reopen'; closure: number }
  | { op: 'term'; service: number; from: number; minutes: number; days: number[]; monthly: boolean }
  | { op: 'policy'; reasons: number[] | null }
  | { op: 'check'; day: number; status: number; undo: boolean }
  | { op: 'dispute'; record: number }
  | { op: 'provider'; name: string }
  | { op: 'read'; asOf: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant('record' as const), service: fc.nat(1), day: fc.nat(SPAN), kind: fc.constantFrom('delivered' as const, 'missed' as const, 'make_up' as const), minutes: fc.integer({ min: 5, max: 60 }), reason: fc.nat(MISSED_REASONS.length - 1), repays: fc.nat(SPAN) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('correct' as const), record: fc.nat(), kind: fc.constantFrom('delivered' as const, 'missed' as const), minutes: fc.integer({ min: 5, max: 60 }), reason: fc.nat(MISSED_REASONS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('void' as const), record: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('closure' as const), day: fc.nat(SPAN) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('reopen' as const), closure: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('term' as const), service: fc.nat(1), from: fc.nat(SPAN), minutes: fc.integer({ min: 10, max: 60 }), days: fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 3 }), monthly: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('policy' as const), reasons: fc.option(fc.uniqueArray(fc.nat(MISS_REASONS.length - 1), { maxLength: 5 })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('check' as const), day: fc.nat(SPAN), status: fc.nat(CHECK_STATUSES.length - 1), undo: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dispute' as const), record: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('provider' as const), name: fc.constantFrom('Priya Shah', 'Priya Shah-Lee', 'P. Shah') }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('read' as const), asOf: fc.nat(SPAN) }) },
)

let t: TestDb
beforeAll(() => {
  t = createTestDb()
})
afterAll(async () => {
  await t.close()
})

/** A school with one student and two services (speech weekly, OT weekly) and one daily accommodation. */
function newSchool() {
  const s = t.sqlite
  const schoolId = randomUUID()
  const studentId = randomUUID()
  const otherId = randomUUID()
  const providerId = randomUUID()
  const accommodationId = randomUUID()
  s.prepare('insert into schools (id, name, created_at, year_start, year_end) values (?, ?, ?, ?, ?)').run(schoolId, 'Property School', AT, '2026-08-31', '2027-06-18')
  s.prepare('insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)').run(providerId, `${providerId}@example.test`, 'Priya Shah', 'x', AT)
  const services: string[] = []
  for (const student of [studentId, otherId]) {
    s.prepare('insert into students (id, school_id, name, grade, created_at) values (?, ?, ?, ?, ?)').run(student, schoolId, student === studentId ? 'Kim Property' : 'Lee Other', 3, AT)
    for (const [key, minutes, weekdays] of [
      ['speech', 30, ['tue', 'thu']],
      ['ot', 45, ['wed']],
    ] as const) {
      const serviceId = randomUUID()
      if (student === studentId) services.push(serviceId)
      s.prepare(
        "insert into services (id, student_id, key, name, provider_id, setting, grouping, start_date, end_date, created_at) values (?, ?, ?, ?, ?, 'pull-out', 'individual', ?, '2027-06-18', ?)",
      ).run(serviceId, student, key, key === 'speech' ? 'Speech-language therapy' : 'Occupational therapy', providerId, FIRST, AT)
      s.prepare('insert into service_terms (id, service_id, effective_from, minutes_per_session, weekdays, created_at) values (?, ?, ?, ?, ?, ?)').run(
        randomUUID(),
        serviceId,
        FIRST,
        minutes,
        JSON.stringify(weekdays),
        AT,
      )
    }
  }
  s.prepare('insert into accommodations (id, student_id, created_at, created_by) values (?, ?, ?, ?)').run(accommodationId, studentId, AT, providerId)
  s.prepare(
    "insert into accommodation_versions (id, accommodation_id, version, title, description, category, applies, start_date, created_at, created_by) values (?, ?, 1, 'Break card', 'A break when he shows the card.', 'regulation', ?, ?, ?, ?)",
  ).run(randomUUID(), accommodationId, JSON.stringify({ kind: 'daily' }), FIRST, AT, providerId)
  return { schoolId, studentId, providerId, accommodationId, services }
}

type School = ReturnType<typeof newSchool>

/** Applies one operation with plain SQL: the triggers, not the write paths, are what keeps numbers honest. */
function apply(school: School, state: { records: { recordId: string; serviceId: string; version: number; date: IsoDate }[]; closures: IsoDate[] }, o: Exclude<Op, { op: 'read' }>) {
  const s = t.sqlite
  const insertRecord = s.prepare(
    'insert into session_records (id, record_id, version, service_id, student_id, date, kind, minutes, reason, repays_date, voided, change_reason, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const pick = <T>(list: T[], n: number) => (list.length ? list[n % list.length]! : null)
  switch (o.op) {
    case 'record': {
      const serviceId = school.services[o.service]!
      const date = day(o.day)
      const recordId = randomUUID()
      const missed = o.kind === 'missed'
      insertRecord.run(randomUUID(), recordId, 1, serviceId, school.studentId, date, o.kind, missed ? null : o.minutes, missed ? MISSED_REASONS[o.reason] : null, o.kind === 'make_up' ? day(o.repays) : null, 0, null, AT)
      state.records.push({ recordId, serviceId, version: 1, date })
      return
    }
    case 'correct':
    case 'void': {
      const r = pick(state.records, o.record)
      if (!r) return
      r.version++
      const kind = o.op === 'void' ? 'delivered' : o.kind
      const missed = kind === 'missed'
      const minutes = o.op === 'correct' ? o.minutes : 30
      const reason = o.op === 'correct' && missed ? MISSED_REASONS[o.reason] : null
      insertRecord.run(randomUUID(), r.recordId, r.version, r.serviceId, school.studentId, r.date, kind, missed ? null : minutes, reason, null, o.op === 'void' ? 1 : 0, 'changed', AT)
      return
    }
    case 'closure': {
      const date = day(o.day)
      if (state.closures.includes(date)) return
      s.prepare('insert into school_closures (id, school_id, date, label, created_at) values (?, ?, ?, ?, ?)').run(randomUUID(), school.schoolId, date, 'Closed', AT)
      state.closures.push(date)
      return
    }
    case 'reopen': {
      const date = pick(state.closures, o.closure)
      if (!date) return
      s.prepare('delete from school_closures where school_id = ? and date = ?').run(school.schoolId, date)
      state.closures = state.closures.filter((d) => d !== date)
      return
    }
    case 'term': {
      const serviceId = school.services[o.service]!
      const from = day(o.from)
      s.prepare('delete from service_terms where service_id = ? and effective_from = ?').run(serviceId, from)
      if (o.monthly) {
        s.prepare(
          "insert into service_terms (id, service_id, effective_from, minutes_per_session, weekdays, per, sessions_per_period, minutes_per_period, created_at) values (?, ?, ?, ?, '[]', 'month', 2, ?, ?)",
        ).run(randomUUID(), serviceId, from, o.minutes, o.minutes * 2, AT)
      } else {
        s.prepare('insert into service_terms (id, service_id, effective_from, minutes_per_session, weekdays, created_at) values (?, ?, ?, ?, ?, ?)').run(
          randomUUID(),
          serviceId,
          from,
          o.minutes,
          JSON.stringify(o.days.map((d) => WEEKDAYS[d])),
          AT,
        )
      }
      return
    }
    case 'policy':
      s.prepare('update schools set make_up_reasons = ? where id = ?').run(o.reasons ? JSON.stringify(o.reasons.map((r) => MISS_REASONS[r])) : null, school.schoolId)
      return
    case 'check':
      s.prepare(
        "insert into accommodation_checks (id, client_id, accommodation_id, student_id, date, status, reason, recorded_by, recorded_at, late, kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
      ).run(
        randomUUID(),
        randomUUID(),
        school.accommodationId,
        school.studentId,
        day(o.day),
        CHECK_STATUSES[o.status],
        CHECK_STATUSES[o.status] === 'not_provided' ? 'No time' : null,
        school.providerId,
        AT,
        o.undo ? 'clear' : 'record',
      )
      return
    case 'dispute': {
      const r = pick(state.records, o.record)
      if (!r) return
      s.prepare("insert into record_disputes (student_id, kind, record_id, action, comment, created_by, created_at) values (?, 'session', ?, 'dispute', 'Not held', ?, ?)").run(
        school.studentId,
        r.recordId,
        school.providerId,
        AT,
      )
      return
    }
    case 'provider':
      s.prepare('update users set name = ? where id = ?').run(o.name, school.providerId)
      return
  }
}

async function expectKeptEqualsComputed(school: School, asOf: IsoDate) {
  expect(await studentAccountability(t.db, school.studentId, asOf)).toEqual(await computeStudentAccountability(t.db, school.studentId, asOf))
  const services = await listServices(t.db, { studentIds: (await t.db.selectFrom('students').select('id').where('school_id', '=', school.schoolId).execute()).map((s) => s.id) })
  const computed = sortCaseload((await computeCaseloadRows(t.db, services, asOf)).map(({ serviceId: _id, ...row }) => row))
  expect(await caseload(t.db, { userId: school.providerId, asOf, scope: { schoolId: school.schoolId } })).toEqual(computed)
}

describe('kept accountability numbers', () => {
  test('equal the numbers computed from the records, after any sequence of writes, for every asOf read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.nat(SPAN), async (ops, lastRead) => {
        const school = newSchool()
        const state = { records: [] as { recordId: string; serviceId: string; version: number; date: IsoDate }[], closures: [] as IsoDate[] }
        const readDays = new Set<number>([lastRead])
        await expectKeptEqualsComputed(school, day(lastRead))
        for (const o of ops) {
          if (o.op === 'read') {
            readDays.add(o.asOf)
            await expectKeptEqualsComputed(school, day(o.asOf))
          } else {
            apply(school, state, o)
            // Every day read so far is read again after each write: no copy kept before a write may outlive it.
            for (const d of readDays) await expectKeptEqualsComputed(school, day(d))
          }
        }
      }),
      { numRuns: 40 },
    )
  })

  test('the verify command finds a kept copy that differs from the records, and rebuilds it', async () => {
    const school = newSchool()
    apply(school, { records: [], closures: [] }, { op: 'record', service: 0, day: 1, kind: 'missed', minutes: 30, reason: 0, repays: 0 })
    const asOf = day(30)
    await caseload(t.db, { userId: school.providerId, asOf, scope: { schoolId: school.schoolId } })
    await studentAccountability(t.db, school.studentId, asOf)
    expect(await verifyKeptNumbers(t.db, { schoolId: school.schoolId })).toMatchObject({ differences: [] })

    // A kept copy changed behind the triggers' back (a restored backup, a hand edit): found, named, and rebuilt.
    t.sqlite.prepare('update service_numbers_kept set delivery_rate = 0.5 where service_id = ? and as_of = ?').run(school.services[0], asOf)
    const found = await verifyKeptNumbers(t.db, { schoolId: school.schoolId })
    expect(found.differences).toEqual([expect.objectContaining({ kind: 'service', id: school.services[0], asOf })])
    const rebuilt = await verifyKeptNumbers(t.db, { schoolId: school.schoolId, rebuild: true })
    expect(rebuilt.differences).toHaveLength(1)
    expect(await verifyKeptNumbers(t.db, { schoolId: school.schoolId })).toMatchObject({ differences: [] })
  })
})

describe('the keeper', () => {
  test('makes every school’s numbers for the day ahead of the first view, and drops copies older than a week', async () => {
    const school = newSchool()
    const today = day(40)
    t.sqlite
      .prepare("insert into service_numbers_kept (service_id, as_of, student_id, generation, delivery_rate, balance, alerts) values (?, ?, ?, 0, 1, 0, '')")
      .run(school.services[0], day(20), school.studentId)
    await warmKeptNumbers(t.db, today)
    const kept = t.sqlite.prepare('select service_id, as_of from service_numbers_kept where student_id = ?').all(school.studentId) as { service_id: string; as_of: string }[]
    expect(kept.map((k) => k.as_of)).toEqual([today, today])
    expect(new Set(kept.map((k) => k.service_id))).toEqual(new Set(school.services))
  })
})
