import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { ColumnHeads, Table } from '#app/components/table.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { accessRoleLabel, distinctReaders } from './access-text.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#app/utils/plan-labels.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { recordKindLabel } from '#shared/record-access.ts'
import type { loader as studentLoader } from './student-layout.tsx'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const entries = await loadOr404(() => context.trpc.access.list({ studentId: params.studentId ?? '' }))
  return { entries }
}

export default function StudentAccess() {
  const { entries } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const { student } = parent
  const first = firstName(student)
  const readers = distinctReaders(entries)

  return (
    <div className="space-y-4">
      <TextLink to={`/students/${student.id}`}>Back to {first}’s plan</TextLink>
      <Card title="Who opened these records" headingLevel={2}>
        <div className="mb-4 space-y-2 text-slate-700">
          <p>
            Every time someone at school opens {first}’s records in Same Page (a page, a download or a printout) it is written
            here: who, their role, what they opened and when. Opening the same kind of record again within a minute counts
            once. Family members’ own visits are not listed. This list cannot be edited or deleted.
          </p>
          {readers.length ? <p>People listed here: {readers.join(', ')}.</p> : null}
        </div>
        {entries.length === 0 ? (
          <p className="text-slate-700">Nobody at school has opened {first}’s records yet.</p>
        ) : (
          <Table
            caption={`Who opened ${first}’s records, newest first`}
            head={<ColumnHeads columns={['When', 'Who', 'Role', 'What they opened']} />}
          >
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={e.at}>{new Date(e.at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}</time>
                </td>
                <td className="py-2 pr-4">{e.name}</td>
                <td className="py-2 pr-4">{accessRoleLabel(e.role)}</td>
                <td className="py-2">{recordKindLabel(e.what)}</td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => {
  const data = matches.find((m) => m.id === 'student')?.data as { student?: { name: string } } | undefined
  return [{ title: data?.student ? `Who opened the records · ${data.student.name} · Same Page` : 'Not found · Same Page' }]
}
