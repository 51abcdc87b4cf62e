import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

// The project explains itself (docs/README.md): no file may send a reader to a handbook kept outside the
// repository. The names are assembled here so this file does not cite them itself.
const OUTSIDE = [...['DESIGN', 'FORMATS', 'STYLE', 'STACK'].map((name) => `${name}.md`), `..${'/'}shared`]

const root = path.resolve(import.meta.dirname, '../..')
// Tracked files and new ones not ignored: a citation is caught before it is committed.
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && fs.existsSync(path.join(root, f)) && !/\.(png|jpe?g|gif|ico|pdf|woff2?|db)$/i.test(f))

function read(file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8')
}

test('no file cites a document outside the repository', () => {
  const found: string[] = []
  for (const file of files) {
    const lines = read(file).split('\n')
    lines.forEach((line, i) => {
      for (const name of OUTSIDE) if (line.includes(name)) found.push(`${file}:${i + 1}: ${name}`)
    })
  }
  expect(found).toEqual([])
})

/** The anchors a docs page offers: explicit `<a id>`s and GitHub's slugs of its headings. */
function anchorsOf(page: string): Set<string> {
  const text = read(page)
  const ids = [...text.matchAll(/<a id="([^"]+)">/g)].map((m) => m[1]!)
  const headings = [...text.matchAll(/^#+ (.+)$/gm)].map((m) =>
    m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-'),
  )
  return new Set([...ids, ...headings])
}

test('every docs/ page and anchor that the code cites exists', () => {
  const missing: string[] = []
  for (const file of files) {
    if (file.startsWith('docs/')) continue
    for (const m of read(file).matchAll(/docs\/([\w./-]+\.md)(?:#([\w-]+))?/g)) {
      const page = `docs/${m[1]}`
      if (!fs.existsSync(path.join(root, page))) missing.push(`${file}: ${page}`)
      else if (m[2] && !anchorsOf(page).has(m[2])) missing.push(`${file}: ${page}#${m[2]}`)
    }
  }
  expect(missing).toEqual([])
})
