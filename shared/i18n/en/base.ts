import { account } from './account.ts'
import { common } from './common.ts'
import { components } from './components.ts'
import { languages } from './languages.ts'
import { session } from './session.ts'

/**
 * The sections the browser starts with: the words of the page frame (header, session timer, error pages) and of
 * the building blocks in app/components. Every other section is added by the module that reads it
 * (`addSections` in ../i18n.ts), so a phone downloads only the words of the pages it opens.
 */
export const base = { account, common, components, languages, session } as const

/** What `#i18n/starting-words` gives the browser (package.json `imports`); servers and tests get the whole catalogue. */
export const startingWords = base
/** The browser fetches another language's words only for a reader of it (app/entry.client.tsx). */
export const otherLanguages = {} as const
