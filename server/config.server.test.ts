import { describe, expect, test } from 'vitest'
import { loadConfig } from './config.server.ts'

/** An environment made of exactly these variables (nothing inherited from the test process). */
const env = (vars: Record<string, string> = {}) => vars as NodeJS.ProcessEnv

describe('loadConfig', () => {
  test('safe defaults from an empty environment', () => {
    expect(loadConfig(env())).toEqual({
      PORT: 3000,
      DATABASE_PATH: './data/same-page.db',
      NODE_ENV: 'production',
      TRUST_PROXY: '0',
      MAIL_FROM: 'Same Page <same-page@localhost>',
      SAME_PAGE_TIMED_NOTICES: 'on',
    })
  })

  test('reads the environment', () => {
    const config = loadConfig(env({ PORT: '8080', DATABASE_PATH: '/srv/sp.db', NODE_ENV: 'development', TRUST_PROXY: '1' }))
    expect(config).toEqual({ PORT: 8080, DATABASE_PATH: '/srv/sp.db', NODE_ENV: 'development', TRUST_PROXY: '1', MAIL_FROM: 'Same Page <same-page@localhost>', SAME_PAGE_TIMED_NOTICES: 'on' })
  })

  test.each(['abc', '70000', '-1', '30.5'])('refuses PORT=%j, naming the variable', (PORT) => {
    expect(() => loadConfig(env({ PORT }))).toThrow(/Invalid environment:\s+PORT: /)
  })

  test('refuses an unknown NODE_ENV', () => {
    expect(() => loadConfig(env({ NODE_ENV: 'staging' }))).toThrow(/NODE_ENV/)
  })
})

describe('empty variables', () => {
  test('an empty PORT or DATABASE_PATH falls back to the default instead of port 0', () => {
    const config = loadConfig(env({ PORT: '', DATABASE_PATH: '' }))
    expect(config.PORT).toBe(3000)
    expect(config.DATABASE_PATH).toBe('./data/same-page.db')
  })
})

describe('the test clock settings', () => {
  test('SAME_PAGE_NOW and SAME_PAGE_TEST_CLOCK are read outside production', () => {
    const config = loadConfig(env({ NODE_ENV: 'test', SAME_PAGE_NOW: '2026-12-05', SAME_PAGE_TEST_CLOCK: '1' }))
    expect(config.SAME_PAGE_NOW).toBe('2026-12-05')
    expect(config.SAME_PAGE_TEST_CLOCK).toBe('1')
  })

  test.each<Record<string, string>>([{ SAME_PAGE_NOW: '2026-12-05' }, { SAME_PAGE_TEST_CLOCK: '1' }])('production refuses %o', (vars) => {
    expect(() => loadConfig(env({ NODE_ENV: 'production', ...vars }))).toThrow(/for tests/)
  })

  test.each(['tomorrow', '2026-02-30', '9999-12-31', '2026-12-05T25:00'])('refuses SAME_PAGE_NOW=%j', (SAME_PAGE_NOW) => {
    expect(() => loadConfig(env({ NODE_ENV: 'test', SAME_PAGE_NOW }))).toThrow(/SAME_PAGE_NOW/)
  })

  test('reads the mail settings', () => {
    const config = loadConfig(env({ SMTP_URL: 'smtp://u:p@mail.maple.example:587', MAIL_FROM: 'Maple <sp@maple.example>', PUBLIC_URL: 'https://sp.maple.example' }))
    expect(config).toMatchObject({ SMTP_URL: 'smtp://u:p@mail.maple.example:587', MAIL_FROM: 'Maple <sp@maple.example>', PUBLIC_URL: 'https://sp.maple.example' })
  })

  test.each([
    ['SMTP_URL', 'http://mail.example'],
    ['SMTP_URL', 'not a url'],
    ['MAIL_FROM', 'no address'],
    ['MAIL_FROM', 'a@b.example\r\nBcc: x@evil.example'],
    ['PUBLIC_URL', 'ftp://files.example'],
  ])('refuses %s=%j', (name, value) => {
    expect(() => loadConfig(env({ [name]: value }))).toThrow(new RegExp(name))
  })
})
