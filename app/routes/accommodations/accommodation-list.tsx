import { Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { describeApplies } from '#shared/accommodation-schedule.ts'
import type { Applies } from '#shared/schemas/plan.ts'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { ReaderTextNote, TranslationStatus, type ReaderTextState } from '#app/components/translation-notes.tsx'
import type { Translations } from '#shared/plain-translations.ts'
import type { AccommodationWords } from '#shared/schemas/plan.ts'
import { accommodations } from '#shared/i18n/en/accommodations.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ accommodations })

export interface AccommodationSummary {
  id: string
  title: string
  description: string
  category: string
  applies: Applies
  /** The language the title and words are in, for a reader of another language (docs/languages.md#plain-summaries). */
  wordsIn?: ReaderTextState
  translations?: Translations<AccommodationWords>
}

export function AccommodationList({
  accommodations,
  editBase,
}: {
  accommodations: AccommodationSummary[]
  /** Set for the case manager: each row links to its edit page. */
  editBase: string | null
}) {
  const { t } = useTranslation()
  if (accommodations.length === 0) return <p className="text-slate-700">{t('accommodations.none')}</p>
  return (
    <ul className="divide-y divide-slate-200" aria-label={t('accommodations.listLabel')}>
      {accommodations.map((a) => (
        <li key={a.id} className="space-y-1 py-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium" lang={a.wordsIn?.language}>
              {a.title}
            </p>
            <StatusBadge>{describeApplies(a.applies)}</StatusBadge>
          </div>
          <p className="text-slate-700" lang={a.wordsIn?.language}>
            {a.description}
          </p>
          {a.wordsIn ? <ReaderTextNote state={a.wordsIn} /> : null}
          {editBase ? (
            <Link to={`${editBase}/${a.id}/edit`} className="text-sm font-medium text-brand-700 underline" aria-label={t('accommodations.editNamed', { title: a.title })}>
              {t('accommodations.edit')}
            </Link>
          ) : null}
          {editBase && a.translations ? (
            <TranslationStatus
              translations={a.translations}
              hrefFor={(language) => `${editBase}/${a.id}/words/${language}`}
              linkText={(language, written) =>
                t(written ? 'languages.translation.accommodationLinkChange' : 'languages.translation.accommodationLink', { title: a.title, language })
              }
            />
          ) : null}
        </li>
      ))}
    </ul>
  )
}
