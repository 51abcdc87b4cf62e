import { Form, Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { CaseloadRow } from '#app/utils/api-types.ts'
import { alertShort, formatRate } from './accountability-text.ts'
import { rateTone } from '#shared/rate-tone.ts'
import type { CaseloadFilterState } from './caseload-filter.ts'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { SelectField } from '#app/components/field.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { ColumnHeads, Table } from '#app/components/table.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { accountability } from '#shared/i18n/en/accountability.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ accountability })

/** A plain GET form: the filters live in the address, so a reload or a shared link shows the same rows. */
export function CaseloadFilters({ filters, action }: { filters: CaseloadFilterState; action: string }) {
  const { t } = useTranslation()
  const active = Boolean(filters.provider || filters.service)
  return (
    <Form method="get" action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label={t('accountability.filters.label')}>
      <SelectField label={t('accountability.filters.provider')} name="provider" defaultValue={filters.provider}>
        <option value="">{t('accountability.filters.allProviders')}</option>
        {filters.providers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('accountability.filters.service')} name="service" defaultValue={filters.service}>
        <option value="">{t('accountability.filters.allServices')}</option>
        {filters.services.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary">
          {t('accountability.filters.filter')}
        </Button>
        {active ? (
          <TextLink to={action}>{t('accountability.filters.clear')}</TextLink>
        ) : null}
      </div>
    </Form>
  )
}

/** The caseload and school pages' card: the filters, how many rows they leave, and the rows; or why there are none. */
export function CaseloadCard({
  rows,
  total,
  filters,
  action,
  empty,
  caption,
}: {
  rows: readonly CaseloadRow[]
  total: number
  filters: CaseloadFilterState
  action: string
  empty: string
  caption: string
}) {
  const { t } = useTranslation()
  const students = new Set(rows.map((r) => r.studentId)).size
  return (
    <Card>
      {total === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <div className="space-y-4">
          <CaseloadFilters filters={filters} action={action} />
          {rows.length === 0 ? (
            <p className="text-slate-700">{t('accountability.caseload.noMatch')}</p>
          ) : (
            <>
              <p className="text-sm text-slate-700">
                {t('accountability.servicesOfStudents', {
                  services: t('accountability.services', { count: rows.length }),
                  students: t('accountability.students', { count: students }),
                })}
              </p>
              <CaseloadTable rows={rows} caption={caption} />
            </>
          )}
        </div>
      )}
    </Card>
  )
}

/**
 * Every student × service, furthest behind first (the order the server sorted them in). A phone gets the same
 * rows as a list, every number on screen; a wider screen gets the table. Only one is displayed (and so in the
 * accessibility tree) at a time.
 */
function CaseloadTable({ rows, caption }: { rows: readonly CaseloadRow[]; caption: string }) {
  const { t } = useTranslation()
  return (
    <>
      <ul aria-label={caption} className="divide-y divide-slate-200 border-t border-slate-200 sm:hidden">
        {rows.map((r) => (
          <li key={`${r.studentId}-${r.serviceKey}`} className="space-y-1 py-3">
            <Link
              to={`/students/${r.studentId}/accountability`}
              className="inline-flex min-h-11 items-center text-lg font-medium text-brand-700 underline underline-offset-2"
            >
              {r.studentName}
            </Link>
            <p className="text-slate-900">
              {r.serviceName} <span className="text-slate-600">· {r.providerName}</span>
            </p>
            <p className="flex flex-wrap items-center gap-2">
              <StatusBadge tone={rateTone(r.deliveryRate)}>{t('accountability.table.delivered', { rate: formatRate(r.deliveryRate) })}</StatusBadge>
              <span className="text-slate-800">
                {r.balance === 0 ? t('accountability.table.nothingStill') : t('accountability.table.minutesStill', { n: r.balance })}
              </span>
            </p>
            {r.alerts.length ? (
              <ul aria-label={t('accountability.table.alerts')} className="flex flex-wrap gap-1">
                {r.alerts.map((a) => (
                  <li key={a}>
                    <StatusBadge tone="bad">{alertShort(a)}</StatusBadge>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <CaseloadWideTable rows={rows} caption={caption} />
      </div>
    </>
  )
}

function CaseloadWideTable({ rows, caption }: { rows: readonly CaseloadRow[]; caption: string }) {
  const { t } = useTranslation()
  return (
    <Table
      caption={caption}
      head={
        <ColumnHeads
          columns={[
            t('accountability.table.student'),
            t('accountability.table.service'),
            { label: t('accountability.table.deliveredHead'), numeric: true },
            { label: t('accountability.table.stillOwedHead'), numeric: true },
            t('accountability.table.alerts'),
          ]}
        />
      }
    >
      {rows.map((r) => (
        <tr key={`${r.studentId}-${r.serviceKey}`} className="align-top">
          <th scope="row" className="py-2 pr-3 font-normal">
            <Link
              to={`/students/${r.studentId}/accountability`}
              className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
            >
              {r.studentName}
            </Link>
          </th>
          <td className="py-2 pr-3">
            <span className="block min-w-32">{r.serviceName}</span>
            <span className="block text-sm text-slate-600">{r.providerName}</span>
          </td>
          <td className="py-2 pr-3 text-right">
            <StatusBadge tone={rateTone(r.deliveryRate)}>{formatRate(r.deliveryRate)}</StatusBadge>
          </td>
          <td className="py-2 pr-3 text-right tabular-nums whitespace-nowrap">{r.balance === 0 ? t('accountability.table.none') : t('accountability.table.minutesShort', { n: r.balance })}</td>
          <td className="py-2">
            {r.alerts.length === 0 ? (
              <span className="text-slate-600">{t('accountability.table.none')}</span>
            ) : (
              <ul className="flex min-w-40 flex-col items-start gap-1">
                {r.alerts.map((a) => (
                  <li key={a}>
                    <StatusBadge tone="bad">{alertShort(a)}</StatusBadge>
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </Table>
  )
}
