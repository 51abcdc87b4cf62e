import { describe, expect, it } from 'vitest'
import { renderMail, subjectLine } from './compose.ts'

describe('renderMail', () => {
  const body = {
    greeting: 'Hello Laura,',
    paragraphs: ['Johnny’s week: <b>3 of 4</b> sessions & one owed.'],
    table: { caption: 'This week', head: ['Service', 'Delivered'], rows: [['Speech', '60 of 90 min']] },
    action: { label: 'Open the plan', url: 'https://samepage.example/students/1' },
    footer: ['You get this weekly.'],
    footerLinks: [{ label: 'Change how you hear about Johnny', url: 'https://samepage.example/settings' }],
  }

  it('says the same in plain text and HTML, signed with the school’s name', () => {
    const { text, html } = renderMail({ schoolName: 'Maple Elementary', body })
    for (const part of ['Hello Laura,', 'Open the plan', 'Speech', '60 of 90 min', 'You get this weekly.', 'Change how you hear about Johnny', 'Maple Elementary'])
      [text, html].forEach((rendered) => expect(rendered).toContain(part))
    expect(text).toContain('Open the plan: https://samepage.example/students/1')
    expect(text).toContain('- Speech · Delivered: 60 of 90 min')
    expect(html).toContain('<a href="https://samepage.example/settings">')
  })

  it('escapes what people typed, so a name or a note can never become markup', () => {
    const { html, text } = renderMail({ schoolName: '<script>x</script>', body })
    expect(html).toContain('&lt;b&gt;3 of 4&lt;/b&gt; sessions &amp; one owed.')
    expect(html).not.toContain('<script>')
    expect(text).toContain('<b>3 of 4</b>')
  })

  it('links only web addresses', () => {
    const { html } = renderMail({ schoolName: null, body: { paragraphs: [], action: { label: 'Click', url: 'javascript:alert(1)' } } })
    expect(html).toContain('<a href="#"')
    expect(html).not.toContain('javascript:')
  })

  it('signs as Same Page when no school is named, and leaves out an empty table and footer', () => {
    const { text } = renderMail({ schoolName: null, body: { paragraphs: ['Hi.'], table: { caption: 'Nothing', head: ['a'], rows: [] } } })
    expect(text).toBe('Hi.\n\n— Same Page\n')
  })
})

describe('subjectLine', () => {
  it('keeps a subject on one line and bounded', () => {
    expect(subjectLine('a\r\nb\nc')).toBe('a b c')
    expect(subjectLine('x'.repeat(300))).toHaveLength(200)
  })
})
