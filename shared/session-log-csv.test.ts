import { describe, expect, test } from 'vitest'
import { SESSION_LOG_HEADER, sessionLogCsv, type SessionLogRecord } from './session-log-csv.ts'

const base: SessionLogRecord = {
  date: '2026-11-03',
  serviceName: 'Speech-language therapy',
  kind: 'delivered',
  minutes: 30,
  reason: null,
  note: null,
  recordedBy: 'Priya Shah',
  recordedAt: '2026-11-03T21:00:00.000Z',
  repaysDate: null,
  voided: false,
  disputed: false,
}

describe('sessionLogCsv', () => {
  test('the header is the documented one (docs/formats.md), with `disputed` appended last', () => {
    expect(SESSION_LOG_HEADER.join(',')).toBe('date,service,status,minutes,reason,note,recorded_by,recorded_at,repays,voided,disputed')
    expect(sessionLogCsv([])).toBe('date,service,status,minutes,reason,note,recorded_by,recorded_at,repays,voided,disputed\r\n')
  })

  test('one row per record, oldest first; empty fields stay empty; numbers and booleans as they are', () => {
    const csv = sessionLogCsv([
      { ...base, date: '2026-11-06', kind: 'make_up', minutes: 30, repaysDate: '2026-11-05', recordedAt: '2026-11-06T20:00:00.000Z' },
      { ...base, date: '2026-11-05', kind: 'missed', minutes: null, reason: 'provider_absent', note: 'No sub, again', voided: true, disputed: true },
      base,
    ])
    expect(csv.split('\r\n')).toEqual([
      'date,service,status,minutes,reason,note,recorded_by,recorded_at,repays,voided,disputed',
      '2026-11-03,Speech-language therapy,delivered,30,,,Priya Shah,2026-11-03T21:00:00.000Z,,false,false',
      '2026-11-05,Speech-language therapy,missed,,provider_absent,"No sub, again",Priya Shah,2026-11-03T21:00:00.000Z,,true,true',
      '2026-11-06,Speech-language therapy,make_up,30,,,Priya Shah,2026-11-06T20:00:00.000Z,2026-11-05,false,false',
      '',
    ])
  })

  test('a note that could run as a formula is shown, not run', () => {
    const csv = sessionLogCsv([{ ...base, note: '=HYPERLINK("http://evil.example","click")' }])
    expect(csv.split('\r\n')[1]).toBe(`2026-11-03,Speech-language therapy,delivered,30,,"'=HYPERLINK(""http://evil.example"",""click"")",Priya Shah,2026-11-03T21:00:00.000Z,,false,false`)
  })
})
