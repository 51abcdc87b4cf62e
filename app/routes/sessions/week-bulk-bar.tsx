import { Link, useSearchParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { buttonClasses } from '#app/components/button.tsx'
import { formatDay } from '#shared/i18n/format.ts'
import { SavedMessage } from './session-record-parts.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sessions })

/** The week's "Delivered as scheduled…" link to its confirmation, and what the confirmation recorded. */
export function WeekBulkBar({ weekOf }: { weekOf: string }) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  // Set by the confirmation's redirect (week-bulk.tsx): how many sessions it recorded.
  const asked = params.get('recorded')
  const recorded = asked === null ? NaN : Number(asked)
  const saved = !Number.isInteger(recorded) || recorded < 0 ? null : recorded === 0 ? t('sessions.weekBulk.recordedNone') : t('sessions.weekBulk.recorded', { count: recorded })
  return (
    <div className="space-y-2">
      <Link
        to={`/sessions/week-bulk?week=${weekOf}`}
        aria-label={t('sessions.weekBulk.openLabel', { date: formatDay(weekOf) })}
        className={`${buttonClasses('secondary')} w-full sm:w-auto`}
      >
        {t('sessions.weekBulk.open')}
      </Link>
      <SavedMessage message={saved} />
    </div>
  )
}
