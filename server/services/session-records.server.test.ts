import { describe, expect, test } from 'vitest'
import { sessionRecordRow, type SessionVersion } from './session-records.server.ts'

const version: SessionVersion = {
  recordId: 'r1',
  version: 1,
  serviceId: 's1',
  studentId: 'st1',
  date: '2026-11-16',
  note: null,
  recordedBy: 'u1',
  recordedAt: '2026-11-16T15:00:00.000Z',
}

describe('a session version as its row', () => {
  test('a missed session keeps its reason and never minutes or a repaid day', () => {
    const row = sessionRecordRow(version, { kind: 'missed', minutes: 30, reason: 'provider_absent', repaysDate: '2026-11-10' })
    expect(row).toMatchObject({ kind: 'missed', minutes: null, reason: 'provider_absent', repays_date: null, voided: 0, change_reason: null })
  })

  test('a delivered session keeps its minutes and never a reason or a repaid day', () => {
    const row = sessionRecordRow(version, { kind: 'delivered', minutes: 30, reason: 'provider_absent', repaysDate: '2026-11-10' })
    expect(row).toMatchObject({ kind: 'delivered', minutes: 30, reason: null, repays_date: null })
  })

  test('only a make-up names the day it repays; a correction carries its reason and void', () => {
    const row = sessionRecordRow({ ...version, version: 2, voided: true, changeReason: 'wrong day' }, { kind: 'make_up', minutes: 20, repaysDate: '2026-11-10' })
    expect(row).toMatchObject({ kind: 'make_up', minutes: 20, reason: null, repays_date: '2026-11-10', version: 2, voided: 1, change_reason: 'wrong day' })
  })
})
