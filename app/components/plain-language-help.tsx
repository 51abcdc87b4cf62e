import type { TFunction } from 'i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import { findJargon, type JargonMatch } from '#shared/jargon.ts'
import { readingLevel, TARGET_GRADE } from '#shared/readability.ts'
import { readingLevelEs, TARGET_PERSPICUITY } from '#shared/readability-es.ts'
import { formatNumber } from '#shared/i18n/format.ts'
import { StatusBadge } from './status-badge.tsx'

/** Ids a text field adds to its aria-describedby, so the grade and the count are read with the field. */
export function plainLanguageHelpIds(id: string): string {
  return `${id}-grade ${id}-count`
}

/** "42 of 500 characters", marked when over: the limit is the server's, so say it before saving. */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useTranslation()
  const over = length - max
  return (
    <p id={id} className={`text-sm ${over > 0 ? 'font-medium text-red-800' : 'text-slate-600'}`}>
      {over > 0 ? t('components.characterCountOver', { length, max, over }) : t('components.characterCount', { length, max })}
    </p>
  )
}

// Signs a screen reader skips (aria-hidden): the words beside them say the same.
const WARNING_SIGN = '⚠'
const ARROW = '→'

function gradeText(t: TFunction, grade: number): string {
  return grade < 1 ? t('components.gradeBelowOne') : t('components.grade', { grade: grade.toFixed(1) })
}

// One row per wording: the same phrase written twice needs one suggestion.
function distinctMatches(matches: JargonMatch[]): JargonMatch[] {
  const seen = new Set<string>()
  return matches.filter((m) => {
    const key = `${m.term}|${m.match.toLowerCase()}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The reading level of a text in its language: a grade for English, Szigriszt-Pazos ease for Spanish. */
interface Level {
  empty: boolean
  tooHard: boolean
  badge: string
  emptyText: string
  hardText: string
  fineText: string
}

function levelOf(t: TFunction, text: string, language: 'en' | 'es'): Level {
  if (language === 'es') {
    // docs/domain.md#reading-level-es: INFLESZ "normal" (55) or easier.
    const { score, band, tooHard } = readingLevelEs(text)
    const target = TARGET_PERSPICUITY
    return {
      empty: score === null,
      tooHard,
      badge: score === null || band === null ? '' : t('components.ease', { score: formatNumber(score), band: t(`components.band.${band}`) }),
      emptyText: t('components.easeEmpty', { target }),
      hardText: t('components.easeTooHard', { target }),
      fineText: t('components.easeFine', { target }),
    }
  }
  const { grade, tooHard } = readingLevel(text)
  return {
    empty: grade === null,
    tooHard,
    badge: grade === null ? '' : gradeText(t, grade),
    emptyText: t('components.gradeEmpty', { target: TARGET_GRADE }),
    hardText: t('components.gradeTooHard', { target: TARGET_GRADE }),
    fineText: t('components.gradeFine', { target: TARGET_GRADE }),
  }
}

/**
 * Live help for one plain-language text (docs/domain.md#reading-grade, #reading-level-es): its reading level against
 * the aim of its language and the jargon it leans on, each with a plainer wording. Pure shared functions on every
 * keystroke, no server; a hard text is a mark, never a reason to refuse saving.
 */
export function PlainLanguageHelp({ id, label, text, max, language = 'en' }: { id: string; label: string; text: string; max: number; language?: 'en' | 'es' }) {
  const { t } = useTranslation()
  const level = levelOf(t, text, language)
  const jargon = distinctMatches(findJargon(text, language))
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      {/* Polite: announced when the person pauses, never interrupting what they type. */}
      <div aria-live="polite" className="space-y-2">
        {level.empty ? (
          <p id={`${id}-grade`} className="text-slate-600">
            {level.emptyText}
          </p>
        ) : level.tooHard ? (
          <p id={`${id}-grade`} className="flex flex-wrap items-center gap-2 border-l-4 border-amber-500 pl-2 text-amber-900">
            <StatusBadge tone="warn">{level.badge}</StatusBadge>
            <span className="font-medium">
              <span aria-hidden="true">{WARNING_SIGN} </span>
              {level.hardText}
            </span>
          </p>
        ) : (
          <p id={`${id}-grade`} className="flex flex-wrap items-center gap-2 text-slate-800">
            <StatusBadge tone="good">{level.badge}</StatusBadge>
            <span>{level.fineText}</span>
          </p>
        )}
        {level.empty ? null : jargon.length === 0 ? (
          <p className="text-slate-700">{t('components.noJargon')}</p>
        ) : (
          <div className="space-y-1">
            <p className="font-medium text-slate-800">{t('components.jargonHeading')}</p>
            <ul aria-label={t('components.jargonIn', { label })} className="list-disc space-y-1 pl-5 text-slate-800">
              {jargon.map((m) => (
                <li key={`${m.term}|${m.start}`} className="break-words">
                  {/* The wording and its plainer one are in the text's language, whatever the page's. */}
                  <span className="font-medium" lang={language}>
                    {t('components.quoted', { text: m.match })}
                  </span>{' '}
                  <span aria-hidden="true">{ARROW}</span>
                  <span className="sr-only">{t('components.instead')}</span> {t('components.jargonTry')}{' '}
                  <span lang={language}>{m.plain}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <CharacterCount id={`${id}-count`} length={text.length} max={max} />
    </div>
  )
}
