import { Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { describeApplies } from '#shared/accommodation-schedule.ts'
import type { Applies } from '#shared/schemas/plan.ts'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { accommodations } from '#shared/i18n/en/accommodations.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ accommodations })

export interface AccommodationSummary {
  id: string
  title: string
  description: string
  category: string
  applies: Applies
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
            <p className="font-medium">{a.title}</p>
            <StatusBadge>{describeApplies(a.applies)}</StatusBadge>
          </div>
          <p className="text-slate-700">{a.description}</p>
          {editBase ? (
            <Link to={`${editBase}/${a.id}/edit`} className="text-sm font-medium text-brand-700 underline" aria-label={t('accommodations.editNamed', { title: a.title })}>
              {t('accommodations.edit')}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
