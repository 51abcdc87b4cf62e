import { useTranslation } from '#app/utils/use-translation.ts'
import type { Translations } from '#shared/plain-translations.ts'
import { TRANSLATION_LANGUAGES, type TranslationLanguage } from '#shared/schemas/language.ts'
import { addSections, type Language } from '#shared/i18n/i18n.ts'
import { languages } from '#shared/i18n/en/languages.ts'
import { Alert } from './alert.tsx'
import { StatusBadge } from './status-badge.tsx'
import { TextLink } from './text-link.tsx'

addSections({ languages })

/** Where a reader's text is shown: in their language, or in English with a plain word on why (docs/languages.md#plain-summaries). */
export interface ReaderTextState {
  language: Language
  notYetIn: TranslationLanguage | null
  stale: boolean
}

/** Said under a summary a reader gets in English because nobody has written it in theirs, or whose English moved on since. */
export function ReaderTextNote({ state }: { state: ReaderTextState }) {
  const { t } = useTranslation()
  if (state.notYetIn) {
    return <p className="text-sm text-slate-700">{t('languages.translation.notYetInReaderLanguage', { language: t(`languages.name.${state.notYetIn}`) })}</p>
  }
  if (state.stale) return <p className="text-sm text-amber-900">{t('languages.translation.staleForReader', { language: t(`languages.name.${state.language}`) })}</p>
  return null
}

const TONE = { missing: 'neutral', needsCheck: 'warn', written: 'good' } as const
type WrittenState = keyof typeof TONE

function stateOf(translation: { stale: boolean } | undefined): WrittenState {
  if (!translation) return 'missing'
  return translation.stale ? 'needsCheck' : 'written'
}

/**
 * For those who may write them: each language's text, written, missing or needing a check since the English
 * changed, with the link to write or change it.
 */
export function TranslationStatus<Parts>({
  translations,
  hrefFor,
  linkText,
}: {
  translations: Translations<Parts>
  hrefFor: (language: TranslationLanguage) => string
  linkText: (language: string, written: boolean) => string
}) {
  const { t } = useTranslation()
  return (
    <ul className="space-y-1">
      {TRANSLATION_LANGUAGES.map((language) => {
        const name = t(`languages.name.${language}`)
        const translation = translations[language]
        const state = stateOf(translation)
        const tone = TONE[state]
        const words = t(`languages.translation.${state}`, { language: name })
        return (
          <li key={language} className="flex flex-wrap items-center gap-x-3">
            <StatusBadge tone={tone}>{words}</StatusBadge>
            <TextLink to={hrefFor(language)}>{linkText(name, Boolean(translation))}</TextLink>
          </li>
        )
      })}
    </ul>
  )
}

/** A translation field's hint: the English it writes again, marked as English. */
export function EnglishHint({ text }: { text: string }) {
  const { t } = useTranslation()
  return (
    <>
      <span className="font-medium">{t('languages.translation.englishHeading')}: </span>
      <span lang="en" className="whitespace-pre-line break-words">
        {text}
      </span>
    </>
  )
}

/** Above a translation written before the English last changed. `language` is the language's name. */
export function EnglishMovedOn({ language }: { language: string }) {
  const { t } = useTranslation()
  return (
    <div className="mb-6">
      <Alert tone="warning">{t('languages.translation.englishMovedOn', { language })}</Alert>
    </div>
  )
}
