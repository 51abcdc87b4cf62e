import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { useDemoDb } from '#tests/setup/demo-db.ts'

// Issue 14, item 10: every plan file the repository shows as an example imports into a fresh demo database, for
// both people who may import (the school admin and a case manager), on a school day, a Saturday and in the summer
// break. Fixed days, not the real date: the example's records belong to the 2026-27 school year, and a suite must not
// turn red on the day that year ends.
const DIR = path.resolve('docs/examples')
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'))

const DAYS = {
  'a school day after the file’s records (Fri 16 Oct 2026)': new Date('2026-10-16T15:00:00'),
  'the summer break (Wed 14 Jul 2027)': new Date('2027-07-14T10:00:00'),
  'a Saturday (5 Dec 2026)': new Date('2026-12-05T10:00:00'),
}

test('docs/examples holds plan files', () => {
  expect(FILES.length).toBeGreaterThan(0)
})

describe.each(FILES)('docs/examples/%s', (file) => {
  const json = fs.readFileSync(path.join(DIR, file), 'utf8')
  describe.each(Object.entries(DAYS))('on %s', (_, now) => {
    const { demo } = useDemoDb({ now })
    test.each(['admin', 'caseManager'] as const)('the %s imports it', async (user) => {
      const result = await demo
        .callerFor(user, now)
        .imports.plan({ schoolId: demo.schoolId, json })
        .catch((e: unknown) => ({ refused: e instanceof Error ? e.message : String(e) }))
      expect(result).toMatchObject({ studentId: expect.any(String) })
    })
  })
})
