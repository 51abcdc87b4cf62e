import { describe, expect, it } from 'vitest'
import type { CheckView } from '#server/services/accommodation-checks.server.ts'
import type { QueuedCheck } from '#app/routes/today/check-queue.client.ts'
import { shownCheck } from '#app/routes/today/shown-check.ts'
import { undoOf } from '#app/routes/today/use-undo.ts'

const loaded: CheckView = {
  id: 'c1',
  accommodationId: 'a1',
  date: '2026-11-25',
  status: 'used',
  reason: null,
  recordedBy: 'Priya Shah',
  recordedAt: '2026-11-25T15:00:00.000Z',
  late: false,
}

function queued(status: QueuedCheck['status'], at: string, reason?: string): QueuedCheck {
  return {
    clientId: `id-${at}`,
    studentId: 's1',
    accommodationId: 'a1',
    date: '2026-11-25',
    status,
    reason,
    title: 'Break card',
    studentName: 'Johnny Miller',
    queuedAt: at,
  }
}

describe('shownCheck', () => {
  it('shows nothing when nothing was recorded or tapped', () => {
    expect(shownCheck({ loaded: null, confirmed: undefined, waiting: [], me: 'Sam Ortiz', today: '2026-11-25' })).toBeNull()
  })

  it('shows the loaded record as confirmed', () => {
    expect(shownCheck({ loaded, confirmed: undefined, waiting: [], me: 'Sam Ortiz', today: '2026-11-25' })).toEqual({
      status: 'used',
      reason: null,
      recordedBy: 'Priya Shah',
      recordedAt: loaded.recordedAt,
      late: false,
      pending: false,
    })
  })

  it('shows the newest waiting tap over anything the server has, as pending and by this person', () => {
    const shown = shownCheck({
      loaded,
      confirmed: undefined,
      waiting: [queued('declined', '2026-11-25T16:00:00.000Z'), queued('not_provided', '2026-11-25T16:01:00.000Z', 'No copy')],
      me: 'Sam Ortiz',
      today: '2026-11-25',
    })
    expect(shown).toMatchObject({ status: 'not_provided', reason: 'No copy', recordedBy: 'Sam Ortiz', pending: true, late: false })
  })

  it('marks a waiting tap for a past day as late', () => {
    const shown = shownCheck({ loaded: null, confirmed: undefined, waiting: [queued('used', '2026-11-27T08:00:00.000Z')], me: 'Sam Ortiz', today: '2026-11-27' })
    expect(shown?.late).toBe(true)
  })

  it('prefers a record confirmed since the page loaded, unless the page has a newer one', () => {
    const confirmed: CheckView = { ...loaded, id: 'c2', status: 'not_needed', recordedBy: 'Sam Ortiz', recordedAt: '2026-11-25T16:00:00.000Z' }
    expect(shownCheck({ loaded, confirmed, waiting: [], me: 'Sam Ortiz', today: '2026-11-25' })?.status).toBe('not_needed')
    const newer: CheckView = { ...loaded, id: 'c3', status: 'declined', recordedAt: '2026-11-25T17:00:00.000Z' }
    expect(shownCheck({ loaded: newer, confirmed, waiting: [], me: 'Sam Ortiz', today: '2026-11-25' })?.status).toBe('declined')
  })
})

describe('an undo (`cleared`)', () => {
  it('a waiting undo shows the support as not recorded, whatever the page loaded', () => {
    expect(shownCheck({ loaded, confirmed: undefined, waiting: [queued('used', '2026-11-25T15:10:00.000Z'), queued('cleared', '2026-11-25T15:10:20.000Z')], me: 'Sam Ortiz', today: '2026-11-25' })).toBeNull()
  })

  it('a confirmed undo newer than the loaded record shows nothing; an older one does not hide a newer record', () => {
    const undone = { ...loaded, id: 'c2', status: 'cleared' as const, recordedAt: '2026-11-25T15:05:00.000Z' }
    expect(shownCheck({ loaded, confirmed: undone, waiting: [], me: 'Sam Ortiz', today: '2026-11-25' })).toBeNull()
    const older = { ...undone, recordedAt: '2026-11-25T14:00:00.000Z' }
    expect(shownCheck({ loaded, confirmed: older, waiting: [], me: 'Sam Ortiz', today: '2026-11-25' })?.status).toBe('used')
  })
})

describe('undoOf: the corrections that take taps back', () => {
  const change = { studentId: 's1', accommodationId: 'a1', date: '2026-11-25', status: 'declined' as const, title: 'Break card', studentName: 'Johnny Miller' }
  it('a first tap is taken back by `cleared`; a change by the earlier choice again, with its reason', () => {
    const before = { status: 'not_provided' as const, reason: 'No copy.', recordedBy: 'Sam Ortiz', recordedAt: '2026-11-25T15:00:00.000Z', late: false, pending: false }
    expect(undoOf([{ change, before: null }, { change: { ...change, accommodationId: 'a2' }, before }])).toEqual([
      { ...change, status: 'cleared', reason: undefined },
      { ...change, accommodationId: 'a2', status: 'not_provided', reason: 'No copy.' },
    ])
  })
})
