import { z } from 'zod'
import { TEAM_ROLES } from '../roles.ts'
import { textSchema } from './text.ts'

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Enter your email address.' })
  .max(254, { error: 'That email address is too long.' })
  .pipe(z.email({ error: 'Enter a valid email address, like name@school.org.' }))

export const MIN_PASSWORD_LENGTH = 10

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.` })
  .max(200, { error: 'Use at most 200 characters for your password.' })

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, { error: 'Enter your password.' }).max(200),
})

export const personNameSchema = textSchema('Your name', 'one-line', { error: 'Enter your name.' })
  .min(1, { error: 'Enter your name.' })
  .max(100, { error: 'Use at most 100 characters for your name.' })

export const acceptInviteNewAccountSchema = z.object({
  name: personNameSchema,
  password: newPasswordSchema,
})

export const teamRoleSchema = z.enum(TEAM_ROLES, {
  error: 'Choose a role: case manager, provider, para or parent.',
})
