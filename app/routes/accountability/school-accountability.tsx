import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { CaseloadCard } from './caseload-table.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { filterCaseload } from './caseload-filter.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { PageHeading } from '#app/components/page-heading.tsx'
import { accountability } from '#shared/i18n/en/accountability.ts'

addSections({ accountability })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  // The school gate answers 404 to anyone but the school's admin.
  const all = await loadOr404(() => context.trpc.accountability.school({ schoolId }))
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  const { rows, filters } = filterCaseload(all, new URL(request.url).searchParams)
  return { schoolId, schoolName: school?.name ?? null, rows, filters, total: all.length, asOf: localIsoDate(context.now()) }
}

export default function SchoolOverview() {
  const { schoolId, schoolName, rows, filters, total, asOf } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  const name = schoolName ?? t('accountability.school.yourSchool')
  return (
    <div className="space-y-6">
      <PageHeading title={t('accountability.school.title')}>
        <p className="text-slate-700">{t('accountability.school.intro', { school: name, date: formatDay(asOf) })}</p>
      </PageHeading>
      <CaseloadCard
        rows={rows}
        total={total}
        filters={filters}
        action={`/school/${schoolId}/accountability`}
        empty={t('accountability.school.empty')}
        caption={t('accountability.school.caption', { school: name })}
      />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: t('common.titleSuffix', {
      title: data ? t('accountability.school.pageTitle', { school: data.schoolName ?? t('accountability.school.yourSchool') }) : t('common.notFound'),
    }),
  },
]
