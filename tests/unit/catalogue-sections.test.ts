import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { base } from '#shared/i18n/en/base.ts'
import { en } from '#shared/i18n/en/index.ts'
import { i18n } from '#shared/i18n/i18n.ts'

/**
 * The browser starts with the base sections only; a module that reads another section adds it (shared/i18n/i18n.ts).
 * These checks read the source: a module that reads `today.…` must add `today` itself, so its words arrive with
 * its code on every page that loads it. The browser journeys fail on any key shown without words at run time.
 */

const root = path.resolve(import.meta.dirname, '../..')
const keys: string[] = []
const flatten = (o: object, prefix: string) => {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'object') flatten(v as object, `${prefix}${k}.`)
    else keys.push(`${prefix}${k}`)
  }
}
flatten(en, '')
const keySet = new Set(keys)
const sections = new Set(Object.keys(en))
// Read only where PDFs are drawn, on the server.
const SERVER_ONLY = new Set(['pdf'])

/** A key, or (as the first argument of t, or a template's start) the beginning of one. */
function sectionOf(text: string, beginning: boolean): string | null {
  const section = text.split('.')[0]!
  if (!sections.has(section) || !text.includes('.')) return null
  const found = beginning ? keys.some((k) => k.startsWith(text)) : keySet.has(text) || keys.some((k) => k.startsWith(`${text}_`))
  return found ? section : null
}

function isFirstArgumentOfT(node: ts.Node): boolean {
  const call = node.parent
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== node) return false
  const callee = call.expression
  return (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't')
}

/** Sections a module reads, and those it adds with addSections({ … }). */
function sectionsIn(file: string): { reads: Set<string>; adds: Set<string> } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const reads = new Set<string>()
  const adds = new Set<string>()
  const visit = (node: ts.Node) => {
    let section: string | null = null
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const beginning = isFirstArgumentOfT(node) || (ts.isJsxAttribute(node.parent) && node.parent.name.getText() === 'i18nKey')
      section = sectionOf(node.text, beginning)
    } else if (ts.isTemplateHead(node)) section = sectionOf(node.text, true)
    if (section) reads.add(section)
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'addSections') {
      const arg = node.arguments[0]
      if (arg && ts.isObjectLiteralExpression(arg)) for (const p of arg.properties) if (p.name) adds.add(p.name.getText())
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { reads, adds }
}

/** Modules the browser may load: app/ and shared/ without server-only files, tests and the catalogue itself. */
function browserModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) return p === path.join(root, 'shared/i18n') ? [] : browserModules(p)
    return /\.tsx?$/.test(d.name) && !/\.(server|test)\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : []
  })
}

const modules = [...browserModules(path.join(root, 'app')), ...browserModules(path.join(root, 'shared'))].map((file) => ({
  file: path.relative(root, file),
  ...sectionsIn(file),
}))

describe('catalogue sections in the browser', () => {
  it('every module adds the sections it reads that the browser does not start with', () => {
    const missing = modules.flatMap(({ file, reads, adds }) => [...reads].filter((s) => !(s in base) && !adds.has(s)).map((s) => `${file} reads ${s} without adding it`))
    expect(missing).toEqual([])
  })

  it('every section starts in the browser or is added by a module that reads it, but for those only the server reads', () => {
    const added = new Set(modules.flatMap(({ adds }) => [...adds]))
    const unreachable = [...sections].filter((s) => !(s in base) && !added.has(s) && !SERVER_ONLY.has(s))
    expect(unreachable).toEqual([])
    const readInBrowser = modules.filter(({ reads }) => [...reads].some((s) => SERVER_ONLY.has(s))).map(({ file }) => file)
    expect(readInBrowser).toEqual([])
  })

  it('the detection finds what it is meant to (Today reads and adds its section)', () => {
    const today = modules.find(({ file }) => file === 'app/routes/today/today.tsx')!
    expect(today.reads).toContain('today')
    expect(today.adds).toContain('today')
  })
})

describe('catalogue on the server', () => {
  it('starts with every section, word for word', () => {
    expect(i18n.getResourceBundle('en', 'translation')).toEqual(JSON.parse(JSON.stringify(en)))
  })
})
