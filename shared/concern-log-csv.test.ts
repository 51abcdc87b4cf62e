import { describe, expect, test } from 'vitest'
import { CONCERN_LOG_HEADER, concernLogCsv } from './concern-log-csv.ts'

describe('concernLogCsv', () => {
  test('the five columns families keep, then status and step; oldest first', () => {
    expect(CONCERN_LOG_HEADER.join(',')).toBe('Date,Issue,Person contacted,Response,Follow-up,Status,Step')
    const csv = concernLogCsv([
      { date: '2026-11-02', issue: 'Speech missed again', personContacted: 'Dana Rivera', response: 'No response', followUp: 'Email again', status: 'waiting', step: 2 },
      { date: '2026-10-15', issue: 'Speech therapy missed', personContacted: 'Ms. Smith', response: '', followUp: '', status: 'resolved', step: 1 },
    ])
    expect(csv.split('\r\n')).toEqual([
      'Date,Issue,Person contacted,Response,Follow-up,Status,Step',
      '2026-10-15,Speech therapy missed,Ms. Smith,,,Resolved,1. Written concern',
      '2026-11-02,Speech missed again,Dana Rivera,No response,Email again,Waiting for a response,2. IEP meeting requested',
      '',
    ])
  })

  test('a formula typed into a cell is shown, not run; commas and quotes survive', () => {
    const csv = concernLogCsv([{ date: '2026-11-02', issue: '=HYPERLINK("http://x","a, b")', personContacted: '@Dana', response: '-1', followUp: '+call', status: 'open', step: 1 }])
    expect(csv.split('\r\n')[1]).toBe(`2026-11-02,"'=HYPERLINK(""http://x"",""a, b"")",'@Dana,'-1,'+call,Open,1. Written concern`)
  })
})
