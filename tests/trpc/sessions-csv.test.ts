import { describe, expect, test } from 'vitest'
import { SESSION_LOG_HEADER, sessionLogCsv } from '#shared/session-log-csv.ts'
import { useDemoDb } from '#tests/setup/demo-db.ts'
import { trpcError } from './call.ts'

// Tuesday 17 November 2026, 3 p.m.: a school day.
const NOW = new Date('2026-11-17T15:00:00')

/** A minimal RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}

/**
 * The session log CSV (GET /api/students/{id}/sessions.csv) is sessions.log written by shared/session-log-csv.ts;
 * the route adds only the HTTP answer (tests/e2e/import.spec.ts downloads it). These check the two together.
 */
describe('the session log CSV', () => {
  const { demo } = useDemoDb({ now: NOW })

  test('the parent gets one row per record, oldest first, under the exact header', async () => {
    const log = await demo.callerFor('parent', NOW).sessions.log({ studentId: demo.johnnyId })
    const csv = sessionLogCsv(log)
    expect(csv.split('\r\n')[0]).toBe('date,service,status,minutes,reason,note,recorded_by,recorded_at,repays,voided,disputed')
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual([...SESSION_LOG_HEADER])
    expect(rows.length - 1).toBe(log.length)
    expect(log.length).toBeGreaterThan(20)
    const dates = rows.slice(1).map((r) => r[0]!)
    expect(dates).toEqual([...dates].sort())
    const missed = rows.find((r) => r[2] === 'missed')!
    expect(missed).toEqual([expect.any(String), 'Speech-language therapy', 'missed', '', 'provider_absent', 'No substitute SLP.', 'Priya Shah', expect.any(String), '', 'false', 'false'])
    const makeUp = rows.find((r) => r[2] === 'make_up')!
    expect(makeUp[8]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(makeUp[3]).toBe('30')
  })

  test('a note written as a formula is neutralised; its quotes and commas survive a round trip', async () => {
    const note = '=HYPERLINK("http://evil.example","see notes, then call")'
    await demo.callerFor('speech', NOW).sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'delivered', date: '2026-11-17', minutes: 30, note })
    const csv = sessionLogCsv(await demo.callerFor('parent', NOW).sessions.log({ studentId: demo.johnnyId }))
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""see notes, then call"")",`)
    const row = parseCsv(csv).find((r) => r[0] === '2026-11-17')!
    expect(row).toHaveLength(SESSION_LOG_HEADER.length)
    expect(row[5]).toBe(`'${note}`)
  })

  test('a voided record stays in the log, marked', async () => {
    const speech = demo.callerFor('speech', NOW)
    const saved = await speech.sessions.record({ studentId: demo.johnnyId, serviceId: demo.speechServiceId, kind: 'delivered', date: '2026-11-17', minutes: 30 })
    await speech.sessions.void({ studentId: demo.johnnyId, recordId: saved.recordId, changeReason: 'Wrong student.' })
    const rows = parseCsv(sessionLogCsv(await demo.callerFor('parent', NOW).sessions.log({ studentId: demo.johnnyId })))
    expect(rows.find((r) => r[0] === '2026-11-17')![SESSION_LOG_HEADER.indexOf('voided')]).toBe('true')
  })

  test('the gate: signed out is UNAUTHORIZED; a student the caller may not see is NOT_FOUND', async () => {
    expect((await trpcError(demo.callerFor(null, NOW).sessions.log({ studentId: demo.johnnyId }))).code).toBe('UNAUTHORIZED')
    expect((await trpcError(demo.callerFor('parent', NOW).sessions.log({ studentId: demo.mayaId }))).code).toBe('NOT_FOUND')
  })
})
