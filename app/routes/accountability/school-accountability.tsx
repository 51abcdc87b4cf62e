import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { CaseloadFilters, CaseloadTable } from './caseload-table.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { filterCaseload } from './caseload-filter.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatSchoolDate, localIsoDate } from '#shared/school-date.ts'
import { PageHeading } from '#app/components/page-heading.tsx'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  // The school gate answers 404 to anyone but the school's admin.
  const all = await loadOr404(() => context.trpc.accountability.school({ schoolId }))
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  const { rows, filters } = filterCaseload(all, new URL(request.url).searchParams)
  return { schoolId, schoolName: school?.name ?? 'Your school', rows, filters, total: all.length, asOf: localIsoDate(context.now()) }
}

export default function SchoolOverview() {
  const { schoolId, schoolName, rows, filters, total, asOf } = useLoaderData<typeof loader>()
  const studentCount = new Set(rows.map((r) => r.studentId)).size
  return (
    <div className="space-y-6">
      <PageHeading title="School overview">
        <p className="text-slate-700">
          {schoolName}: every student’s services as of {formatSchoolDate(asOf)}, furthest behind first. These are the numbers each
          student’s team and family see.
        </p>
      </PageHeading>
      <Card>
        {total === 0 ? (
          <p className="text-slate-700">No student at this school has a service yet.</p>
        ) : (
          <div className="space-y-4">
            <CaseloadFilters filters={filters} action={`/school/${schoolId}/accountability`} />
            {rows.length === 0 ? (
              <p className="text-slate-700">No services match these filters.</p>
            ) : (
              <>
                <p className="text-sm text-slate-700">
                  {rows.length === 1 ? '1 service' : `${rows.length} services`} of {studentCount === 1 ? '1 student' : `${studentCount} students`}.
                </p>
                <CaseloadTable rows={rows} caption={`${schoolName}: services, furthest behind first`} />
              </>
            )}
          </div>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `School overview · ${data.schoolName} · Same Page` : 'Not found · Same Page' },
]
