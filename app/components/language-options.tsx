import { LANGUAGE_NAMES, LANGUAGES } from '#shared/i18n/i18n.ts'

/** The offered languages as a select's options, each named in itself (and marked so a screen reader says it right). */
export function LanguageOptions() {
  return LANGUAGES.map((option) => (
    <option key={option} value={option} lang={option}>
      {LANGUAGE_NAMES[option]}
    </option>
  ))
}
