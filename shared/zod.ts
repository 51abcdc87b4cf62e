import { z, ZodError } from 'zod'

/**
 * zod, for every module in app/ and shared/ (the lint forbids importing 'zod' there directly).
 *
 * In the browser zod must not probe for eval (`new Function`): the Content-Security-Policy forbids it and reports
 * each probe as a violation. Setting that here, where zod is imported, means the setting travels with zod into
 * whichever chunk loads it, and a page that checks nothing in the browser (Today) does not download zod at all.
 * The server keeps zod's compiled parsers.
 */
if (typeof document !== 'undefined') z.config({ jitless: true })

export { z, ZodError }
