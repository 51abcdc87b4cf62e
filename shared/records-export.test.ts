import { describe, expect, test } from 'vitest'
import { agreementsCsv, effectsCsv, formatBytes, historyCsv, indexHtml, indexLinks, RECORD_SECTIONS, safeSegment, supportLogCsv, uniquePath } from '#shared/records-export.ts'

describe('names inside the records ZIP', () => {
  test('a segment keeps letters, digits, spaces, dots, dashes and underscores, and nothing that could leave its folder', () => {
    expect(safeSegment('Progress report Q1.pdf')).toBe('Progress report Q1.pdf')
    expect(safeSegment('../../etc/passwd')).toBe('etc-passwd')
    expect(safeSegment('C:\\Windows\\x.txt')).toBe('C-Windows-x.txt')
    expect(safeSegment('.hidden')).toBe('hidden')
    expect(safeSegment('Notas de mamá / escuela')).toBe('Notas de mama - escuela')
    expect(safeSegment('???', 'notebook')).toBe('notebook')
    expect(safeSegment('')).toBe('file')
  })

  test('a long name is cut to 80 characters and keeps its extension', () => {
    const cut = safeSegment(`${'a'.repeat(200)}.pdf`)
    expect(cut).toHaveLength(80)
    expect(cut.endsWith('.pdf')).toBe(true)
  })

  test('a second file of the same name (any case) becomes “name (2)”, as a file manager does', () => {
    const taken = new Set<string>()
    expect(uniquePath('letters/a.txt', taken)).toBe('letters/a.txt')
    expect(uniquePath('letters/A.txt', taken)).toBe('letters/A (2).txt')
    expect(uniquePath('letters/a.txt', taken)).toBe('letters/a (3).txt')
    expect(uniquePath('notebooks/notes', taken)).toBe('notebooks/notes')
    expect(uniquePath('notebooks/notes', taken)).toBe('notebooks/notes (2)')
    expect(uniquePath('dir.v2/file', taken)).toBe('dir.v2/file')
    expect(uniquePath('dir.v2/file', taken)).toBe('dir.v2/file (2)')
  })
})

describe('the index page', () => {
  const page = {
    title: 'The record of <Johnny>',
    copyLine: 'The family’s copy.',
    intro: 'Everything in one file.',
    sectionTitles: Object.fromEntries(RECORD_SECTIONS.map((s) => [s, `Section ${s}`])) as Record<(typeof RECORD_SECTIONS)[number], string>,
    emptyLine: 'Nothing of this kind yet.',
    entries: [
      { path: 'plan/plan.pdf', section: 'plan' as const, description: 'The plan.', size: 2048 },
      { path: 'attachments/Concern of 2026-11-18/scan #1 & notes.pdf', section: 'attachments' as const, description: 'A scan <b>.', size: 3 * 1024 * 1024 },
    ],
  }

  test('links every file by its relative path, escaped, and gives every section (an empty one says so)', () => {
    const html = indexHtml(page)
    expect(indexLinks(html)).toEqual(['plan/plan.pdf', 'attachments/Concern of 2026-11-18/scan #1 & notes.pdf'])
    expect(html).toContain('href="attachments/Concern%20of%202026-11-18/scan%20%231%20%26%20notes.pdf"')
    expect(html).toContain('The record of &lt;Johnny&gt;')
    expect(html).toContain('A scan &lt;b&gt;.')
    expect(html).not.toContain('<b>')
    for (const s of RECORD_SECTIONS) expect(html).toContain(`<h2>Section ${s}</h2>`)
    expect(html.match(/Nothing of this kind yet\./g)).toHaveLength(RECORD_SECTIONS.length - 2)
    expect(html).not.toMatch(/<script|https?:\/\//)
  })

  test('sizes read as people say them', () => {
    expect([formatBytes(900), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual(['900 B', '2.0 KB', '3.0 MB'])
  })
})

describe('the logs as CSV', () => {
  test('supports: oldest day first, replaced records kept and marked', () => {
    const csv = supportLogCsv([
      { date: '2026-11-18', title: 'Breaks', status: 'used', reason: null, recordedBy: 'Pat', recordedAt: '2026-11-18T10:00:00Z', late: false, current: true },
      { date: '2026-11-17', title: 'Breaks', status: 'not_provided', reason: 'Sub, no plan', recordedBy: 'Pat', recordedAt: '2026-11-17T10:00:00Z', late: false, current: false },
    ])
    const lines = csv.trim().split(/\r?\n/)
    expect(lines[0]).toBe('date,support,status,reason,recorded_by,recorded_at,late,current')
    expect(lines[1]).toContain('2026-11-17,Breaks,not_provided,"Sub, no plan"')
    expect(lines[2]).toContain('2026-11-18,Breaks,used,')
  })

  test('history: oldest first, one sentence per change', () => {
    const csv = historyCsv([
      { at: '2026-11-18T10:00:00Z', who: 'Dana', what: 'Dana changed the goal.' },
      { at: '2026-11-17T10:00:00Z', who: 'Sam', what: 'Sam logged a concern.' },
    ])
    expect(csv.trim().split(/\r?\n/).slice(1)).toEqual(['2026-11-17T10:00:00Z,Sam,Sam logged a concern.', '2026-11-18T10:00:00Z,Dana,Dana changed the goal.'])
  })
})

describe('what happened next and agreements as CSV', () => {
  test('effects: oldest day first, the goal named, corrections marked', () => {
    const csv = effectsCsv([
      { date: '2026-11-18', kind: 'Sleep', goal: '', note: 'Up at 3.', recordedBy: 'Laura', recordedAt: '2026-11-19T07:00:00Z', corrected: true },
      { date: '2026-11-17', kind: 'Meltdown at home', goal: 'Behavior', note: 'After the bus, "again".', recordedBy: 'Laura', recordedAt: '2026-11-17T18:00:00Z', corrected: false },
    ])
    expect(csv.trim().split(/\r?\n/)).toEqual([
      'date,what_happened,goal,note,recorded_by,recorded_at,corrected',
      '2026-11-17,Meltdown at home,Behavior,"After the bus, ""again"".",Laura,2026-11-17T18:00:00Z,false',
      '2026-11-18,Sleep,,Up at 3.,Laura,2026-11-19T07:00:00Z,true',
    ])
  })

  test('agreements: one row per promised item; an agreement without items still has its row', () => {
    const csv = agreementsCsv([
      {
        concernDate: '2026-10-01',
        concern: 'Speech missed',
        agreedOn: '2026-10-20',
        watchEnds: '2027-01-20',
        items: [
          { kind: 'Compensatory sessions', what: '6 sessions', who: 'Priya', dueOn: '2026-12-18', state: 'due', done: null },
          { kind: 'Tutoring', what: 'Reading', who: 'District', dueOn: '2026-11-01', state: 'done', done: { on: '2026-10-30', byName: 'Dana' } },
        ],
      },
      { concernDate: '2026-09-01', concern: 'Bus', agreedOn: '2026-09-10', watchEnds: '2026-12-04', items: [] },
    ])
    expect(csv.trim().split(/\r?\n/).slice(1)).toEqual([
      '2026-09-01,Bus,2026-09-10,2026-12-04,,,,,,,',
      '2026-10-01,Speech missed,2026-10-20,2027-01-20,Compensatory sessions,6 sessions,Priya,2026-12-18,due,,',
      '2026-10-01,Speech missed,2026-10-20,2027-01-20,Tutoring,Reading,District,2026-11-01,done,2026-10-30,Dana',
    ])
  })
})
