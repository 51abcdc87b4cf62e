import { useTranslation } from '#app/utils/use-translation.ts'
import type { RecentFidelityRow } from '#app/utils/api-types.ts'
import { formatDay, formatNumber } from '#shared/i18n/format.ts'
import { ListCard } from '#app/components/card.tsx'
import { StatusBadge, TitledStatus } from '#app/components/status-badge.tsx'
import { fidelityDaysSentence, fidelityReading } from '#shared/fidelity-words.ts'
import { rateTone } from '#shared/rate-tone.ts'
import { accommodations } from '#shared/i18n/en/accommodations.ts'
import { domain } from '#shared/i18n/en/domain.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ accommodations, domain })

/**
 * Accommodation fidelity over the last 20 school days (docs/formats.md#accommodation-fidelity): per accommodation, the days it was
 * used out of the days it applied, the share, and — plainly — the days nobody recorded anything.
 */
export function AccommodationFidelityCard({
  from,
  to,
  rows,
}: {
  from: string
  to: string
  /** `titleLang`: the language the title is in, where the reader's page may be in another (docs/languages.md#plain-summaries). */
  rows: readonly (RecentFidelityRow & { titleLang?: string })[]
}) {
  const { t } = useTranslation()
  return (
    <ListCard
      title={t('accommodations.numbers.recentTitle')}
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
            lang={r.titleLang}
            badge={
              {
                share: { tone: rateTone(r.fidelity), label: t('accommodations.numbers.recentPercent', { percent: formatNumber(Math.round(r.fidelity * 100)) }) },
                not_needed: { label: t('domain.numbers.notNeeded') },
                no_days: { label: t('accommodations.noDaysYet') },
              }[fidelityReading(r)]
            }
          />
          <p className="text-slate-800">{fidelityDaysSentence(r) ?? t('accommodations.neverApplied')}</p>
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
