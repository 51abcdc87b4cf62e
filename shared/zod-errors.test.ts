import { describe, expect, test } from 'vitest'
import { z } from './zod.ts'
import { describeZodError, fieldErrors } from './zod-errors.ts'

const schema = z.object({ email: z.email({ error: 'Bad email.' }), nested: z.object({ n: z.number({ error: 'A number.' }) }) })

describe('zod error helpers', () => {
  const error = schema.safeParse({ email: 'x', nested: { n: 'y' } }).error!

  test('fieldErrors groups messages by dotted path', () => {
    expect(fieldErrors(error)).toEqual({ email: ['Bad email.'], 'nested.n': ['A number.'] })
  })

  test('describeZodError names each field', () => {
    expect(describeZodError(error)).toBe('email: Bad email.; nested.n: A number.')
  })

  test('an issue without a path goes under "form"', () => {
    const root = z.string({ error: 'Text please.' }).safeParse(1).error!
    expect(fieldErrors(root)).toEqual({ form: ['Text please.'] })
    expect(describeZodError(root)).toBe('Text please.')
  })
})
