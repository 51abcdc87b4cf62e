import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { ColumnHeads, Table } from '#app/components/table.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { accessRoleLabel, distinctReaders } from './access-text.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#shared/plan-labels.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { recordKindLabel } from '#shared/record-access.ts'
import type { loader as studentLoader } from './student-layout.tsx'
import { student } from '#shared/i18n/en/student.ts'

addSections({ student })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const entries = await loadOr404(() => context.trpc.access.list({ studentId: params.studentId ?? '' }))
  return { entries }
}

export default function StudentAccess() {
  const { t } = useTranslation()
  const { entries } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const { student } = parent
  const first = firstName(student)
  const readers = distinctReaders(entries)

  return (
    <div className="space-y-4">
      <TextLink to={`/students/${student.id}`}>{t('student.backToPlan', { name: first })}</TextLink>
      <Card title={t('student.accessTitle')} headingLevel={2}>
        <div className="mb-4 space-y-2 text-slate-700">
          <p>{t('student.accessIntro', { name: first })}</p>
          {readers.length ? <p>{t('student.accessReaders', { readers: readers.join(', ') })}</p> : null}
        </div>
        {entries.length === 0 ? (
          <p className="text-slate-700">{t('student.accessNone', { name: first })}</p>
        ) : (
          <Table
            caption={t('student.accessCaption', { name: first })}
            head={
              <ColumnHeads
                columns={[t('student.accessColumns.when'), t('student.accessColumns.who'), t('student.accessColumns.role'), t('student.accessColumns.what')]}
              />
            }
          >
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={e.at}>{formatMoment(e.at)}</time>
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
  return [{ title: data?.student ? t('student.accessPageTitle', { name: data.student.name }) : t('student.notFoundTitle') }]
}
