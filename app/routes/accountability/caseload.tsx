import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { CaseloadCard } from './caseload-table.tsx'
import { requireAppPage } from '#app/utils/app-pages.server.ts'
import { filterCaseload } from './caseload-filter.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { PageHeading } from '#app/components/page-heading.tsx'
import { accountability } from '#shared/i18n/en/accountability.ts'

addSections({ accountability })

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireAppPage(context, request, 'caseload')
  // User-scoped: the services of students the caller case-manages and the services they provide.
  const all = await context.trpc.accountability.caseload({})
  const { rows, filters } = filterCaseload(all, new URL(request.url).searchParams)
  return { rows, filters, total: all.length, asOf: localIsoDate(context.now()) }
}

export default function Caseload() {
  const { rows, filters, total, asOf } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      <PageHeading title={t('accountability.caseload.title')}>
        <p className="text-slate-700">{t('accountability.caseload.intro', { date: formatDay(asOf) })}</p>
      </PageHeading>
      <CaseloadCard
        rows={rows}
        total={total}
        filters={filters}
        action="/caseload"
        empty={t('accountability.caseload.empty')}
        caption={t('accountability.caseload.caption')}
      />
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('accountability.caseload.title') }) }]
