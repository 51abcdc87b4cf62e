import type { RecentFidelityRow } from '#app/utils/api-types.ts'
import { formatSchoolDate } from '#shared/school-date.ts'
import { Card } from '#app/components/card.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'

// The same bar the service numbers use for delivery (docs/formats.md#alerts): under 90 % needs a look.
function tone(fidelity: number): 'good' | 'warn' | 'bad' {
  if (fidelity >= 0.9) return 'good'
  return fidelity >= 0.7 ? 'warn' : 'bad'
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * Accommodation fidelity over the last 20 school days (docs/formats.md#accommodation-fidelity): per accommodation, the days it was
 * used out of the days it applied, the share, and — plainly — the days nobody recorded anything.
 */
export function AccommodationFidelityCard({ from, to, rows }: { from: string; to: string; rows: readonly RecentFidelityRow[] }) {
  return (
    <Card title="Accommodation fidelity — last 20 school days" headingId="accommodation-fidelity">
      <p className="text-sm text-slate-700">
        From {formatSchoolDate(from)} to {formatSchoolDate(to)}. Fidelity is the days a support was used, out of the days it applied (days marked “Not
        needed” are left out). A support for one subject or for tests counts only on days someone recorded it.
      </p>
      {rows.length === 0 ? (
        <p className="mt-3 text-slate-700">No accommodations written yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200" aria-label="Accommodation fidelity">
          {rows.map((r) => (
            <li key={r.accommodationId} className="space-y-1 py-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">{r.title}</h3>
                {r.applicableDays > 0 ? (
                  <StatusBadge tone={tone(r.fidelity)}>{Math.round(r.fidelity * 100)}% fidelity</StatusBadge>
                ) : (
                  <StatusBadge>No days yet</StatusBadge>
                )}
              </div>
              <p className="text-slate-800">
                {r.applicableDays > 0
                  ? `Used on ${r.usedDays} of ${plural(r.applicableDays, 'day')} it applied.`
                  : 'It did not apply on any recorded day in this period.'}
              </p>
              {r.unrecordedDates.length > 0 ? (
                <div>
                  <p id={`unrecorded-${r.accommodationId}`} className="font-medium text-red-900">
                    Nobody recorded it on {plural(r.unrecordedDates.length, 'day')}:
                  </p>
                  <ul aria-labelledby={`unrecorded-${r.accommodationId}`} className="mt-1 flex flex-wrap gap-1.5">
                    {r.unrecordedDates.map((d) => (
                      <li key={d}>
                        <StatusBadge tone="bad">{formatSchoolDate(d)}</StatusBadge>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : r.applicableDays > 0 ? (
                <p className="text-slate-700">Recorded on every day it applied.</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
