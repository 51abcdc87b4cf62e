import { en } from './en/index.ts'
import { es } from './es/index.ts'

/**
 * What `#i18n/starting-words` gives the server, scripts and tests (package.json `imports`): every section of every
 * language at once. The browser starts from ./en/base.ts instead and fetches another language's words only for a
 * reader of it (app/entry.client.tsx).
 */
export const startingWords = en
export const otherLanguages = { es } as const
