import { findJargon, type JargonMatch } from '#shared/jargon.ts'
import { readingLevel, TARGET_GRADE } from '#shared/readability.ts'
import { StatusBadge } from './status-badge.tsx'

/** Ids a text field adds to its aria-describedby, so the grade and the count are read with the field. */
export function plainLanguageHelpIds(id: string): string {
  return `${id}-grade ${id}-count`
}

/** "42 of 500 characters", marked when over: the limit is the server's, so say it before saving. */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length - max
  return (
    <p id={id} className={`text-sm ${over > 0 ? 'font-medium text-red-800' : 'text-slate-600'}`}>
      {length} of {max} characters{over > 0 ? ` — ${over} over the limit` : ''}
    </p>
  )
}

function gradeText(grade: number): string {
  return grade < 1 ? 'Reading grade below 1' : `Reading grade ${grade.toFixed(1)}`
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
  const { grade, tooHard } = readingLevel(text)
  const jargon = distinctMatches(findJargon(text))
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      {/* Polite: announced when the person pauses, never interrupting what they type. */}
      <div aria-live="polite" className="space-y-2">
        {grade === null ? (
          <p id={`${id}-grade`} className="text-slate-600">
            Reading grade and jargon check show here as you type. Aim for grade {TARGET_GRADE} or lower.
          </p>
        ) : tooHard ? (
          <p id={`${id}-grade`} className="flex flex-wrap items-center gap-2 border-l-4 border-amber-500 pl-2 text-amber-900">
            <StatusBadge tone="warn">{gradeText(grade)}</StatusBadge>
            <span className="font-medium">
              <span aria-hidden="true">⚠ </span>Above grade {TARGET_GRADE} — try shorter sentences and everyday words
            </span>
          </p>
        ) : (
          <p id={`${id}-grade`} className="flex flex-wrap items-center gap-2 text-slate-800">
            <StatusBadge tone="good">{gradeText(grade)}</StatusBadge>
            <span>Grade {TARGET_GRADE} or lower: easy for most families to read.</span>
          </p>
        )}
        {grade === null ? null : jargon.length === 0 ? (
          <p className="text-slate-700">No special-education jargon found.</p>
        ) : (
          <div className="space-y-1">
            <p className="font-medium text-slate-800">Jargon to say more plainly</p>
            <ul aria-label={`Jargon in ${label}`} className="list-disc space-y-1 pl-5 text-slate-800">
              {jargon.map((m) => (
                <li key={`${m.term}|${m.start}`} className="break-words">
                  <span className="font-medium">‘{m.match}’</span> <span aria-hidden="true">→</span>
                  <span className="sr-only">instead,</span> try: {m.plain}
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
