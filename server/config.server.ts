import { z } from 'zod'
import { parseClockSetting } from './clock.server.ts'

// An empty variable (PORT= in a shell) means "not set", not 0.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value)

const envSchema = z.object({
  PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(3000)),
  DATABASE_PATH: z.preprocess(unsetIfEmpty, z.string().min(1).default('./data/same-page.db')),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Set when a TLS-terminating proxy sits in front; then X-Forwarded-Proto decides Secure cookies. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Tests and development only: run the app as if it were this day (see server/clock.server.ts). */
  SAME_PAGE_NOW: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((v) => parseClockSetting(v) !== null, { error: 'a date (2026-11-18) or a date and time (2026-11-18T14:30:00) between 2000 and 2100' })
      .optional(),
  ),
  /**
   * Outgoing mail: smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps:// (TLS from the
   * start). Unset: every message is kept in the outbox for school admins to read (docs/mail.md).
   */
  SMTP_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL, like smtp://user:pass@mail.example.org:587' }).optional()),
  /** The From of every message: an address, or "Name <address>". */
  MAIL_FROM: z.preprocess(unsetIfEmpty, z.string().max(200).regex(/^[^\r\n]*@[^\r\n]*$/, { error: 'an email address, like "Same Page <same-page@school.example>"' }).default('Same Page <same-page@localhost>')),
  /** Where people open the app: the start of every link in a message (default: this machine, on PORT). */
  PUBLIC_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/, error: 'an http:// or https:// address, like https://samepage.school.example' }).optional()),
  /**
   * off: no periodic notice pass and no digest scheduler in this process. For the browser journeys, which share one
   * demo database and must not see notices appear from a timer; both are tested directly (tests/trpc).
   */
  SAME_PAGE_TIMED_NOTICES: z.enum(['on', 'off']).default('on'),
  /** Tests only: let each browser choose its day with the test-clock cookie. */
  SAME_PAGE_TEST_CLOCK: z.preprocess(unsetIfEmpty, z.enum(['0', '1']).optional()),
})
  .superRefine((env, ctx) => {
    // A school's records are evidence: no deployment may ever date them by a fake clock.
    if (env.NODE_ENV !== 'production') return
    if (env.SAME_PAGE_NOW) ctx.addIssue({ code: 'custom', path: ['SAME_PAGE_NOW'], message: 'is for tests and development only; unset it in production' })
    if (env.SAME_PAGE_TEST_CLOCK === '1')
      ctx.addIssue({ code: 'custom', path: ['SAME_PAGE_TEST_CLOCK'], message: 'is for tests only; unset it in production' })
  })

export type Config = z.infer<typeof envSchema>

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Invalid environment:\n${problems}`)
  }
  return parsed.data
}
