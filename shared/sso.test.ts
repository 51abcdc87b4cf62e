import { describe, expect, test } from 'vitest'
import { emailIsVerified, issuerProblem, normalEmail } from './sso.ts'

describe('issuerProblem', () => {
  test('https issuers are accepted everywhere, with or without a path', () => {
    expect(issuerProblem('https://accounts.google.com', { production: true })).toBeNull()
    expect(issuerProblem('https://login.microsoftonline.com/tenant-id/v2.0', { production: true })).toBeNull()
  })

  test('plain http only for this machine, and never in production', () => {
    expect(issuerProblem('http://localhost:3410', { production: false })).toBeNull()
    expect(issuerProblem('http://127.0.0.1:3410/oidc', { production: false })).toBeNull()
    expect(issuerProblem('http://localhost:3410', { production: true })).toBe('notHttps')
    expect(issuerProblem('http://idp.district.example', { production: false })).toBe('notHttps')
  })

  test('what is not an address, or carries a query, credentials or another scheme, is refused', () => {
    expect(issuerProblem('accounts.google.com', { production: false })).toBe('notUrl')
    expect(issuerProblem('ftp://idp.example', { production: false })).toBe('notUrl')
    expect(issuerProblem('javascript:alert(1)', { production: false })).toBe('notUrl')
    expect(issuerProblem('https://idp.example/?tenant=x', { production: false })).toBe('hasQuery')
    expect(issuerProblem('https://user:pw@idp.example', { production: false })).toBe('hasQuery')
  })
})

describe('emailIsVerified', () => {
  test('only a boolean true counts', () => {
    expect(emailIsVerified({ email_verified: true })).toBe(true)
    expect(emailIsVerified({ email_verified: false })).toBe(false)
    expect(emailIsVerified({ email_verified: 'true' })).toBe(false)
    expect(emailIsVerified({})).toBe(false)
  })

  test('Entra’s xms_edov stands for email_verified', () => {
    expect(emailIsVerified({ xms_edov: true })).toBe(true)
    expect(emailIsVerified({ xms_edov: 'true' })).toBe(false)
  })
})

describe('normalEmail', () => {
  test('lower-cased and trimmed; nothing that is not an address', () => {
    expect(normalEmail(' Dana.Rivera@Maple.Example ')).toBe('dana.rivera@maple.example')
    expect(normalEmail('')).toBeNull()
    expect(normalEmail('no-at-sign')).toBeNull()
    expect(normalEmail(42)).toBeNull()
    expect(normalEmail(`${'a'.repeat(250)}@x.example`)).toBeNull()
  })
})
