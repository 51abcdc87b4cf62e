import { describe, expect, test } from 'vitest'
import { attachmentDisposition, detectTextType, FILE_NAME_MAX, looksLikeEmail, safeBackPath, safeFileName } from './attachments.ts'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('a text file is known from its bytes', () => {
  test('valid UTF-8 without NUL is plain text, accents and emoji included', () => {
    expect(detectTextType(bytes('Speech was missed on Tuesday.\nAgain — “again”. 🙁'))).toBe('text/plain')
  })

  test('a NUL byte or broken UTF-8 is not text', () => {
    expect(detectTextType(bytes('text\u0000more'))).toBeNull()
    expect(detectTextType(new Uint8Array([0x48, 0x69, 0xff, 0xfe]))).toBeNull()
    expect(detectTextType(new Uint8Array([0xc3]))).toBeNull()
  })

  test('an email is a header block with From and Subject or Date, up to the first empty line', () => {
    const eml = 'From: Dana Rivera <dana@maple.example>\r\nTo: laura@example.org\r\nSubject: Speech\r\n  continued\r\nDate: Tue, 17 Nov 2026 09:00:00 -0500\r\n\r\nHello.'
    expect(detectTextType(bytes(eml))).toBe('message/rfc822')
    expect(looksLikeEmail('From: a@b.c\nDate: today\n\nbody')).toBe(true)
  })

  test('text that only starts like a header is plain text', () => {
    expect(looksLikeEmail('From: me\nthis is not a header\n\nbody')).toBe(false)
    expect(looksLikeEmail('Subject: only\nTo: x\n\n')).toBe(false)
    expect(looksLikeEmail('Note: From: nobody')).toBe(false)
    expect(detectTextType(bytes('Dear team, From: here'))).toBe('text/plain')
  })
})

describe('the stored file name', () => {
  test('keeps a name that ends as its type', () => {
    expect(safeFileName('IEP scan.pdf', 'application/pdf')).toBe('IEP scan.pdf')
    expect(safeFileName('photo.JPEG', 'image/jpeg')).toBe('photo.jpeg')
  })

  test('the declared ending never decides: a text file sent as a page or a picture gets its real ending', () => {
    expect(safeFileName('page.html', 'text/plain')).toBe('page.html.txt')
    expect(safeFileName('photo.png', 'text/plain')).toBe('photo.png.txt')
    expect(safeFileName('invoice.pdf', 'image/png')).toBe('invoice.pdf.png')
  })

  test('drops folders, control and reserved characters, direction overrides and leading dots', () => {
    expect(safeFileName('C:\\Users\\laura\\..\\notes.txt', 'text/plain')).toBe('notes.txt')
    expect(safeFileName('../../etc/passwd', 'text/plain')).toBe('passwd.txt')
    expect(safeFileName('a\u0000b\r\n"c"<d>|e?.txt', 'text/plain')).toBe('abcde.txt')
    expect(safeFileName('evil\u202Etxt.exe', 'text/plain')).toBe('eviltxt.exe.txt')
    expect(safeFileName('...', 'application/pdf')).toBe('file.pdf')
    expect(safeFileName('', 'message/rfc822')).toBe('file.eml')
  })

  test('is bounded in length, keeping its ending', () => {
    const name = safeFileName(`${'é'.repeat(500)}.pdf`, 'application/pdf')
    expect(name.length).toBe(FILE_NAME_MAX)
    expect(name.endsWith('.pdf')).toBe(true)
  })
})

describe('downloading', () => {
  test('always as an attachment, with an ASCII fallback and the exact name encoded', () => {
    expect(attachmentDisposition('Rapport d’été; "1".pdf')).toBe(`attachment; filename="Rapport d__t__ _1_.pdf"; filename*=UTF-8''Rapport%20d%E2%80%99%C3%A9t%C3%A9%3B%20%221%22.pdf`)
  })

  test('after an upload, back only to one of the same student’s pages', () => {
    expect(safeBackPath('/students/s1/concerns/c1', 's1')).toBe('/students/s1/concerns/c1')
    expect(safeBackPath('https://evil.example/', 's1')).toBe('/students/s1')
    expect(safeBackPath('//evil.example', 's1')).toBe('/students/s1')
    expect(safeBackPath('/students/s2/concerns', 's1')).toBe('/students/s1')
    expect(safeBackPath('/students/s1/../../x', 's1')).toBe('/students/s1')
    expect(safeBackPath(null, 's1')).toBe('/students/s1')
  })
})
