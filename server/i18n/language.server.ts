import { AsyncLocalStorage } from 'node:async_hooks'
import { DEFAULT_LANGUAGE, isLanguage, type Language, setLanguageSource } from '#shared/i18n/i18n.ts'
import { LANGUAGE_COOKIE } from '#shared/i18n/language-cookie.ts'

/**
 * The server answers readers of several languages at once, so the language of the work in hand lives in its async
 * context: each request runs in its reader's language (app.server.ts), each mail in its recipient's (`inLanguage`).
 * Everything that translates outside React (`t`, dates, numbers, refusals, PDFs) reads it from here.
 */
const current = new AsyncLocalStorage<Language>()
setLanguageSource(() => current.getStore())

/** Runs `work` (and everything it awaits) in `language`. */
export function inLanguage<T>(language: Language, work: () => T): T {
  return current.run(language, work)
}


/**
 * A reader's language: their account's; else the one they chose on this device (the cookie); else the first of their
 * browser's languages that we have; else English.
 */
export function readerLanguage(accountLanguage: string | null | undefined, cookieHeader: string | undefined, acceptLanguage: string | undefined): Language {
  if (isLanguage(accountLanguage)) return accountLanguage
  const chosen = cookieValue(cookieHeader ?? '', LANGUAGE_COOKIE)
  if (isLanguage(chosen)) return chosen
  return fromAcceptLanguage(acceptLanguage ?? '') ?? DEFAULT_LANGUAGE
}

function cookieValue(header: string, name: string): string | null {
  // Bounded: a header is capped by Node (16 KB), and only the first 50 pairs are looked at.
  for (const pair of header.split(';', 50)) {
    const at = pair.indexOf('=')
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim()
  }
  return null
}

/** "es-MX,es;q=0.9,en;q=0.8" → es. Tags are read by weight; a region is ignored (es-MX reads Spanish). */
export function fromAcceptLanguage(header: string): Language | null {
  const ranked = header
    .split(',', 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', weight: q === undefined ? 1 : Number(q), index }
    })
    .filter((entry) => entry.weight > 0 && !Number.isNaN(entry.weight))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
  return ranked.map((entry) => entry.base).find(isLanguage) ?? null
}

const A_YEAR_IN_SECONDS = 365 * 24 * 60 * 60

/** Keeps a reader's choice on their device for a year: for pages before sign-in, and as a new account's language. */
export function languageCookie(language: Language, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${A_YEAR_IN_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
}
