import { describe, expect, test } from 'vitest'
import { csvCell, toCsv } from './csv.ts'

describe('csvCell', () => {
  test('plain text and numbers pass through; empty values are empty', () => {
    expect(csvCell('speech')).toBe('speech')
    expect(csvCell(30)).toBe('30')
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(false)).toBe('false')
  })

  test('quotes, commas and newlines are quoted, quotes doubled (RFC 4180)', () => {
    expect(csvCell('a, b')).toBe('"a, b"')
    expect(csvCell('she said "no"')).toBe('"she said ""no"""')
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"')
  })

  test.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('a formula-leading cell %j is neutralised', (value) => {
    const cell = csvCell(value)
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true)
  })
})

describe('csvCell: both rules at once', () => {
  test('a formula-leading cell that also needs quotes is prefixed inside the quotes', () => {
    expect(csvCell('=1+1, "x"')).toBe(`"'=1+1, ""x"""`)
    expect(csvCell('-\nx')).toBe(`"'-\nx"`)
  })

  test('a carriage return alone is quoted too', () => {
    expect(csvCell('a\rb')).toBe('"a\rb"')
  })

  test('the characters only matter at the start of the cell', () => {
    expect(csvCell('a=b')).toBe('a=b')
    expect(csvCell('Ms. Lee - speech')).toBe('Ms. Lee - speech')
    expect(csvCell('name@school.org')).toBe('name@school.org')
  })

  test('numbers are never prefixed, negative ones included; text that looks like a number is', () => {
    expect(csvCell(-30)).toBe('-30')
    expect(csvCell(1.5)).toBe('1.5')
    expect(csvCell('-30')).toBe("'-30")
    expect(csvCell('+1')).toBe("'+1")
  })
})

describe('toCsv', () => {
  test('header, rows, CRLF line ends', () => {
    expect(toCsv(['date', 'note'], [['2026-11-03', 'ok'], ['2026-11-05', '=cmd']])).toBe("date,note\r\n2026-11-03,ok\r\n2026-11-05,'=cmd\r\n")
  })
})
