import { useTranslation } from '#app/utils/use-translation.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sessions })

/** Small pieces of a session record that the week and the session log show alike. */

/** "Made up on Tue, Oct 14: 30 min", one line per make-up that repaid this session. */
export function MadeUpLines({ makeUps }: { makeUps: { recordId: string; date: string; minutes: number | null }[] }) {
  const { t } = useTranslation()
  return makeUps.map((m) => (
    <p key={m.recordId} className="text-sm text-slate-700">
      {t('sessions.madeUpOn', { date: formatDay(m.date), minutes: m.minutes ?? '' })}
    </p>
  ))
}

/** "repays Tue, Oct 14": the session a make-up repays. */
export function Repays({ date }: { date: string | null }) {
  const { t } = useTranslation()
  return <span className="text-sm text-slate-700">{date ? t('sessions.repays', { date: formatDay(date) }) : t('sessions.repaysMissed')}</span>
}

/** "Versions", or "Versions (3)" once a record has been changed. */
export function VersionsLabel({ version }: { version: number }) {
  const { t } = useTranslation()
  return version > 1 ? t('sessions.versionsCount', { version }) : t('sessions.versions')
}

/** What the last save of this session said, announced to a screen reader. */
export function SavedMessage({ message }: { message: string | null }) {
  return message ? (
    <p role="status" className="text-sm font-medium text-emerald-900">
      {message}
    </p>
  ) : null
}
