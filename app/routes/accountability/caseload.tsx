import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { CaseloadFilters, CaseloadTable } from './caseload-table.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { filterCaseload } from './caseload-filter.ts'
import { formatSchoolDate, localIsoDate } from '#shared/school-date.ts'
import { PageHeading } from '#app/components/page-heading.tsx'

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request)
  // User-scoped: the services of students the caller case-manages and the services they provide.
  const all = await context.trpc.accountability.caseload({})
  const { rows, filters } = filterCaseload(all, new URL(request.url).searchParams)
  return { rows, filters, total: all.length, asOf: localIsoDate(context.now()) }
}

export default function Caseload() {
  const { rows, filters, total, asOf } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6">
      <PageHeading title="Caseload">
        <p className="text-slate-700">
          Every service of the students you case-manage and the services you provide, as of {formatSchoolDate(asOf)}, furthest behind
          first. Open a student for the whole picture: the same numbers the family sees.
        </p>
      </PageHeading>
      <Card>
        {total === 0 ? (
          <p className="text-slate-700">No services on your caseload yet.</p>
        ) : (
          <div className="space-y-4">
            <CaseloadFilters filters={filters} action="/caseload" />
            {rows.length === 0 ? (
              <p className="text-slate-700">No services match these filters.</p>
            ) : (
              <>
                <p className="text-sm text-slate-700">
                  {rows.length === 1 ? '1 service' : `${rows.length} services`} of {new Set(rows.map((r) => r.studentId)).size === 1 ? '1 student' : `${new Set(rows.map((r) => r.studentId)).size} students`}.
                </p>
                <CaseloadTable rows={rows} caption="Services on your caseload, furthest behind first" />
              </>
            )}
          </div>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Caseload · Same Page' }]
