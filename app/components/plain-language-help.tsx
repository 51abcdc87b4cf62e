import type { TFunction } from 'i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import { findJargon, type JargonMatch } from '#shared/jargon.ts'
import { readingLevel, TARGET_GRADE } from '#shared/readability.ts'
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

/**
 * Live help for one plain-language text (docs/domain.md#reading-grade): its reading grade against the grade 8 aim and the
 * jargon it leans on, each with a plainer wording. Pure shared functions on every keystroke, no server;
 * a hard grade is a mark, never a reason to refuse saving.
 */
export function PlainLanguageHelp({ id, label, text, max }: { id: string; label: string; text: string; max: number }) {
  const { t } = useTranslation()
  const { grade, tooHard } = readingLevel(text)
  const jargon = distinctMatches(findJargon(text))
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      {/* Polite: announced when the person pauses, never interrupting what they type. */}
      <div aria-live="polite" className="space-y-2">
        {grade === null ? (
          <p id={`${id}-grade`} className="text-slate-600">
            {t('components.gradeEmpty', { target: TARGET_GRADE })}
          </p>
        ) : tooHard ? (
          <p id={`${id}-grade`} className="flex flex-wrap items-center gap-2 border-l-4 border-amber-500 pl-2 text-amber-900">
            <StatusBadge tone="warn">{gradeText(t, grade)}</StatusBadge>
            <span className="font-medium">
              <span aria-hidden="true">{WARNING_SIGN} </span>
              {t('components.gradeTooHard', { target: TARGET_GRADE })}
            </span>
          </p>
        ) : (
          <p id={`${id}-grade`} className="flex flex-wrap items-center gap-2 text-slate-800">
            <StatusBadge tone="good">{gradeText(t, grade)}</StatusBadge>
            <span>{t('components.gradeFine', { target: TARGET_GRADE })}</span>
          </p>
        )}
        {grade === null ? null : jargon.length === 0 ? (
          <p className="text-slate-700">{t('components.noJargon')}</p>
        ) : (
          <div className="space-y-1">
            <p className="font-medium text-slate-800">{t('components.jargonHeading')}</p>
            <ul aria-label={t('components.jargonIn', { label })} className="list-disc space-y-1 pl-5 text-slate-800">
              {jargon.map((m) => (
                <li key={`${m.term}|${m.start}`} className="break-words">
                  <span className="font-medium">{t('components.quoted', { text: m.match })}</span> <span aria-hidden="true">{ARROW}</span>
                  <span className="sr-only">{t('components.instead')}</span> {t('components.jargonTry', { plain: m.plain })}
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
