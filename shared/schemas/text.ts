import { z } from '../zod.ts'
import { t } from '../i18n/i18n.ts'

/**
 * Control characters have no place in anything a person types: NUL truncates text in other tools, and the
 * rest hide or reorder what a reader sees. Multi-line fields (notes, descriptions) keep \n, \r and \t;
 * one-line fields (names, titles, labels) refuse those too. C0, DEL and C1 are refused.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ONE_LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

export type TextKind = 'one-line' | 'multi-line'

/** The first refused character as "U+0000", or null when the text is clean. */
export function controlCharacterIn(value: string, kind: TextKind): string | null {
  const found = (kind === 'multi-line' ? MULTI_LINE_CONTROL : ONE_LINE_CONTROL).exec(value)
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null
}

export function controlCharacterMessage(label: string, code: string): string {
  return t('common.controlCharacters', { label, code })
}

/** A word read from the catalogue when it is needed, so a schema built at import time speaks the reader's language. */
export type LazyText = string | (() => string)

export function readText(text: LazyText): string {
  return typeof text === 'function' ? text() : text
}

/**
 * A string field that refuses control characters, for every schema that takes text from a person (tRPC
 * inputs and forms share these schemas). Trimmed first, so a stray line break at either end of a one-line field is
 * dropped rather than refused; chain `.min()`, `.max()` after it as with z.string().
 */
export function textSchema(label: LazyText, kind: TextKind, params?: { error?: LazyText }) {
  const error = params?.error
  return z.string(error ? { error: () => readText(error) } : undefined).trim().check((ctx) => {
    const code = controlCharacterIn(ctx.value, kind)
    if (code) ctx.issues.push({ code: 'custom', input: ctx.value, message: controlCharacterMessage(readText(label), code) })
  })
}
