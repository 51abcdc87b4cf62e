import { describe, expect, test } from 'vitest'
import { parseForm } from '#app/utils/parse-form.ts'
import {
  acceptInviteNewAccountSchema,
  emailSchema,
  inviteIntentSchema,
  inviteSignInFormSchema,
  newPasswordSchema,
  signInFormSchema,
  signInSchema,
  teamRoleSchema,
} from './auth.ts'

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? []
}

describe('emailSchema', () => {
  test('trims and lowercases', () => {
    expect(emailSchema.parse('  Dana.Rivera@Maple.EXAMPLE \n')).toBe('dana.rivera@maple.example')
  })

  test.each(['dana', 'dana@', '@maple.example', 'dana rivera@maple.example', 'dana@@maple.example'])(
    'refuses %j with a message',
    (input) => {
      const result = emailSchema.safeParse(input)
      expect(result.success).toBe(false)
      expect(messages(result)).toEqual(['Enter a valid email address, like name@school.org.'])
    },
  )

  test('refuses an empty or blank email asking for one', () => {
    expect(messages(emailSchema.safeParse('   '))).toContain('Enter your email address.')
    expect(messages(emailSchema.safeParse(undefined))).toContain('Enter your email address.')
  })

  test('refuses an email longer than 254 characters', () => {
    expect(messages(emailSchema.safeParse(`${'a'.repeat(250)}@maple.example`))).toContain('That email address is too long.')
  })
})

describe('newPasswordSchema', () => {
  test('refuses fewer than 10 characters', () => {
    const result = newPasswordSchema.safeParse('123456789')
    expect(result.success).toBe(false)
    expect(messages(result)).toEqual(['Use at least 10 characters for your password.'])
  })

  test('accepts 10 characters', () => {
    expect(newPasswordSchema.parse('1234567890')).toBe('1234567890')
  })

  test('refuses more than 200 characters', () => {
    expect(newPasswordSchema.safeParse('x'.repeat(201)).success).toBe(false)
  })
})

describe('acceptInviteNewAccountSchema', () => {
  test('names the password field when it is too short', () => {
    const result = acceptInviteNewAccountSchema.safeParse({ name: 'Ana', password: 'short', language: 'en' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path)).toEqual([['password']])
  })

  test('trims the name and refuses a blank one', () => {
    expect(acceptInviteNewAccountSchema.parse({ name: '  Ana Lopez ', password: 'long-enough-1', language: 'es' }).name).toBe('Ana Lopez')
    expect(messages(acceptInviteNewAccountSchema.safeParse({ name: '  ', password: 'long-enough-1', language: 'en' }))).toEqual([
      'Enter your name.',
    ])
  })

  test('asks which offered language the new account reads, and refuses any other', () => {
    expect(acceptInviteNewAccountSchema.parse({ name: 'Ana', password: 'long-enough-1', language: 'es' }).language).toBe('es')
    expect(messages(acceptInviteNewAccountSchema.safeParse({ name: 'Ana', password: 'long-enough-1', language: 'fr' }))).toEqual(['Choose one of the languages offered.'])
    expect(messages(acceptInviteNewAccountSchema.safeParse({ name: 'Ana', password: 'long-enough-1' }))).toEqual(['Choose one of the languages offered.'])
  })
})

describe('signInSchema', () => {
  test('normalises the email and requires a password', () => {
    expect(signInSchema.parse({ email: ' Para@Maple.example ', password: 'x' })).toEqual({
      email: 'para@maple.example',
      password: 'x',
    })
    expect(messages(signInSchema.safeParse({ email: 'para@maple.example', password: '' }))).toEqual(['Enter your password.'])
  })
})

describe('teamRoleSchema', () => {
  test.each(['case_manager', 'provider', 'para', 'parent'])('accepts %s', (role) => {
    expect(teamRoleSchema.parse(role)).toBe(role)
  })

  test.each(['school_admin', 'admin', 'Parent', ''])('refuses %j with the list of roles', (role) => {
    const result = teamRoleSchema.safeParse(role)
    expect(result.success).toBe(false)
    expect(messages(result)).toEqual(['Choose a role: case manager, provider, para or parent.'])
  })
})

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return data
}

describe('the sign-in and invite forms, read through parseForm', () => {
  test('a sign-in form with nothing filled in names both fields at once', () => {
    expect(parseForm(form({ email: '', password: '', redirectTo: '/' }), signInFormSchema)).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: { email: ['Enter your email address.'], password: ['Enter your password.'] },
    })
  })

  test('a sign-in form is read with its address to go back to', () => {
    expect(parseForm(form({ email: ' Dana@Maple.EXAMPLE ', password: 'secret', redirectTo: '/today' }), signInFormSchema)).toEqual({
      ok: true,
      value: { email: 'dana@maple.example', password: 'secret', redirectTo: '/today' },
    })
  })

  test('a new account with a blank name and a short password gets both messages at once', () => {
    expect(parseForm(form({ intent: 'create', email: 'x@y.example', name: ' ', password: 'short', language: 'en' }), acceptInviteNewAccountSchema)).toEqual({
      ok: false,
      message: 'Please correct the fields marked below.',
      fieldErrors: { name: ['Enter your name.'], password: ['Use at least 10 characters for your password.'] },
    })
  })

  test('signing in to accept asks for the password', () => {
    expect(parseForm(form({ intent: 'sign-in', email: 'x@y.example', password: '' }), inviteSignInFormSchema)).toMatchObject({
      ok: false,
      fieldErrors: { password: ['Enter your password.'] },
    })
  })

  test('only the three ways of accepting are known', () => {
    expect(parseForm(form({ intent: 'join' }), inviteIntentSchema)).toEqual({ ok: true, value: { intent: 'join' } })
    expect(parseForm(form({ intent: 'leave' }), inviteIntentSchema)).toMatchObject({ ok: false, fieldErrors: { intent: ['That action is not known.'] } })
  })
})
