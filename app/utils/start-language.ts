import { addLanguage, DEFAULT_LANGUAGE, i18n, isLanguage } from '#shared/i18n/i18n.ts'

/**
 * Switches the browser's one i18next instance to the page's language before React hydrates, so the first render in
 * the browser reads the same words as the server's. Another language's whole catalogue is one chunk, fetched only by
 * its readers (and precached by the service worker like every chunk); English is already in the page's modules.
 */
export async function startInLanguage(language: string): Promise<void> {
  if (!isLanguage(language) || language === DEFAULT_LANGUAGE) return
  if (language === 'es') {
    const { es } = await import('#shared/i18n/es/index.ts')
    addLanguage('es', es)
  }
  await i18n.changeLanguage(language)
}
