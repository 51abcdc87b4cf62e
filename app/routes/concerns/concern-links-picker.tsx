import { useTranslation } from '#app/utils/use-translation.ts'
import type { LinkedRecord, LinkableRecords } from '#app/utils/api-types.ts'
import { CheckboxField, Fieldset } from '#app/components/form-parts.tsx'
import { concerns } from '#shared/i18n/en/concerns.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ concerns })

/**
 * The records a concern can be about, chosen from lists (never typed ids): missed sessions first, since they are
 * what most concerns are about. Each group is a fieldset whose checkboxes are labelled by the record itself.
 * Every checkbox is named `links` with the value "kind:recordId", as the concern form schemas read it.
 */
export function ConcernLinksPicker({ linkable, selected, idPrefix }: { linkable: LinkableRecords; selected: string[]; idPrefix: string }) {
  const { t } = useTranslation()
  const missed = linkable.sessions.filter((s) => s.missed)
  const otherSessions = linkable.sessions.filter((s) => !s.missed)
  const groups: { legend: string; hint: string; records: LinkedRecord[] }[] = [
    { legend: t('concerns.missedSessions'), hint: t('concerns.missedSessionsHint'), records: missed },
    { legend: t('concerns.accommodationChecks'), hint: t('concerns.accommodationChecksHint'), records: linkable.checks },
    { legend: t('concerns.progressPoints'), hint: t('concerns.progressPointsHint'), records: linkable.progress },
    { legend: t('concerns.otherSessions'), hint: t('concerns.otherSessionsHint'), records: otherSessions },
  ]
  return (
    <Fieldset legend={t('concerns.pickerLegend')} hint={t('concerns.pickerHint')}>
      {groups.map((g) =>
        g.records.length === 0 ? null : (
          <fieldset key={g.legend} className="min-w-0 space-y-1">
            <legend className="font-semibold text-slate-900">{g.legend}</legend>
            <p className="text-sm text-slate-600">{g.hint}</p>
            <div className="max-h-72 space-y-0 overflow-y-auto rounded-md border border-slate-200 px-3" role="group" aria-label={g.legend} tabIndex={0}>
              {[...g.records].reverse().map((r) => {
                const value = `${r.kind}:${r.recordId}`
                return <CheckboxField key={value} id={`${idPrefix}-${r.kind}-${r.recordId}`} name="links" value={value} label={r.label} defaultChecked={selected.includes(value)} />
              })}
            </div>
          </fieldset>
        ),
      )}
    </Fieldset>
  )
}
