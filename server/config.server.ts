import { z } from 'zod'

// An empty variable (PORT= in a shell) means "not set", not 0.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value)

const envSchema = z.object({
  PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(3000)),
  DATABASE_PATH: z.preprocess(unsetIfEmpty, z.string().min(1).default('./data/same-page.db')),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Set when a TLS-terminating proxy sits in front; then X-Forwarded-Proto decides Secure cookies. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
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
