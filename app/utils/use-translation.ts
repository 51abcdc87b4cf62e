import { useCallback, useContext, useSyncExternalStore } from 'react'
import { I18nContext } from 'react-i18next'
import type { i18n as I18n, TFunction } from 'i18next'
import { i18n as sharedI18n, plainCachedT } from '#shared/i18n/i18n.ts'

/**
 * The words of the page, for a component: `const { t } = useTranslation()`, the same shape as react-i18next's hook.
 *
 * Why not react-i18next's own: on every mount it copies the whole i18next instance into a wrapper object and hands
 * out a `getFixedT` translator that copies the instance's options on every call. Server rendering mounts every
 * component afresh, so on a page of a few hundred components (Today, eight students) that was a quarter of the
 * server's time for the page and much of its garbage (issue #20, measured with --cpu-prof). This hook gives the
 * instance's `t` with the words of option-less keys kept (plainCachedT), and still re-renders its component when the
 * language changes.
 */
export function useTranslation(): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext)?.i18n ?? sharedI18n
  const subscribe = useCallback(
    (changed: () => void) => {
      i18n.on('languageChanged', changed)
      return () => i18n.off('languageChanged', changed)
    },
    [i18n],
  )
  const language = useSyncExternalStore(subscribe, () => i18n.language, () => i18n.language)
  return { t: boundT(i18n, language), i18n }
}

const bound = new WeakMap<I18n, { language: string; t: TFunction }>()

/** One bound `t` per instance and language: a new function only when the language changes, so memoised children keep. */
function boundT(i18n: I18n, language: string): TFunction {
  const kept = bound.get(i18n)
  if (kept && kept.language === language) return kept.t
  // A new function per language (so memoised children see the change), over the instance's one cache of words.
  const cached = plainCachedT(i18n)
  const t = cached.bind(undefined) as unknown as TFunction
  bound.set(i18n, { language, t })
  return t
}
