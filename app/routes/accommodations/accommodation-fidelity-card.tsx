import { useTranslation } from 'react-i18next'
import type { RecentFidelityRow } from '#app/utils/api-types.ts'
import { formatDay, formatNumber } from '#shared/i18n/format.ts'
import { ListCard } from '#app/components/card.tsx'
import { StatusBadge, TitledStatus } from '#app/components/status-badge.tsx'

// The same bar the service numbers use for delivery (docs/formats.md#alerts): under 90 % needs a look.
function tone(fidelity: number): 'good' | 'warn' | 'bad' {
  if (fidelity >= 0.9) return 'good'
  return fidelity >= 0.7 ? 'warn' : 'bad'
}

/**
 * Accommodation fidelity over the last 20 school days (docs/formats.md#accommodation-fidelity): per accommodation, the days it was
 * used out of the days it applied, the share, and — plainly — the days nobody recorded anything.
 */
export function AccommodationFidelityCard({ from, to, rows }: { from: string; to: string; rows: readonly RecentFidelityRow[] }) {
  const { t } = useTranslation()
  return (
    <ListCard
      title={t('accommodations.fidelityTitle')}
      headingId="accommodation-fidelity"
      intro={t('accommodations.fidelityIntro', { from: formatDay(from), to: formatDay(to) })}
      count={rows.length}
      none={t('accommodations.none')}
      listLabel={t('accommodations.fidelityLabel')}
    >
      {rows.map((r) => (
        <li key={r.accommodationId} className="space-y-1 py-3">
          <TitledStatus
            level={3}
            title={r.title}
            badge={
              r.applicableDays > 0
                ? { tone: tone(r.fidelity), label: t('accommodations.fidelityPercent', { percent: formatNumber(Math.round(r.fidelity * 100)) }) }
                : { label: t('accommodations.noDaysYet') }
            }
          />
          <p className="text-slate-800">
            {r.applicableDays > 0
              ? t('accommodations.usedOn', { used: formatNumber(r.usedDays), count: r.applicableDays })
              : t('accommodations.neverApplied')}
          </p>
          {r.unrecordedDates.length > 0 ? (
            <div>
              <p id={`unrecorded-${r.accommodationId}`} className="font-medium text-red-900">
                {t('accommodations.unrecorded', { count: r.unrecordedDates.length })}
              </p>
              <ul aria-labelledby={`unrecorded-${r.accommodationId}`} className="mt-1 flex flex-wrap gap-1.5">
                {r.unrecordedDates.map((d) => (
                  <li key={d}>
                    <StatusBadge tone="bad">{formatDay(d)}</StatusBadge>
                  </li>
                ))}
              </ul>
            </div>
          ) : r.applicableDays > 0 ? (
            <p className="text-slate-700">{t('accommodations.recordedEveryDay')}</p>
          ) : null}
        </li>
      ))}
    </ListCard>
  )
}
