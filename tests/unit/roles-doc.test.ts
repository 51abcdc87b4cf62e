import fs from 'node:fs'
import { describe, expect, test } from 'vitest'
import { ACTIONS, can, canInSchool, SCHOOL_ACTIONS } from '#shared/permissions.ts'

// docs/roles.md is the permission table in words; these tests keep it from drifting from shared/permissions.ts.
const doc = fs.readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8')

/** The table that follows `<!-- roles-table:NAME -->`: its header's roles and each row's action and ticks. */
function table(name: string): { roles: string[]; rows: Map<string, string[]> } {
  const lines = doc.split('\n')
  const start = lines.findIndex((l) => l.startsWith(`<!-- roles-table:${name} `))
  if (start < 0) throw new Error(`docs/roles.md has no roles-table:${name} marker`)
  const cells = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim())
  const roles = cells(lines[start + 1]!).slice(1)
  const rows = new Map<string, string[]>()
  for (const line of lines.slice(start + 3)) {
    if (!line.startsWith('|')) break
    const [action, ...ticks] = cells(line)
    const ticked = roles.filter((_, i) => ticks[i] === '✓')
    rows.set(action!.replace(/`/g, ''), ticked)
  }
  return { roles, rows }
}

describe('docs/roles.md', () => {
  test('every per-student action is in the table, with exactly the roles that may do it', () => {
    const { roles, rows } = table('student')
    expect([...rows.keys()].sort()).toEqual([...ACTIONS].sort())
    for (const action of ACTIONS) expect(rows.get(action), action).toEqual(roles.filter((r) => can(r as never, action)))
  })

  test('every per-school action is in the table, with exactly the roles that may do it', () => {
    const { roles, rows } = table('school')
    expect([...rows.keys()].sort()).toEqual([...SCHOOL_ACTIONS].sort())
    for (const action of SCHOOL_ACTIONS) expect(rows.get(action), action).toEqual(roles.filter((r) => canInSchool(r as never, action)))
  })

  test('every action is explained below its table', () => {
    for (const action of [...ACTIONS, ...SCHOOL_ACTIONS]) expect(doc.split(`\`${action}\``).length, action).toBeGreaterThan(2)
  })
})
