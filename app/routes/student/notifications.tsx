import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { ColumnHeads, Table } from '#app/components/table.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#shared/plan-labels.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import type { loader as studentLoader } from './student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { student } from '#shared/i18n/en/student.ts'

addSections({ student })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  // Staff only (notifications.viewSent): a parent reads her own notices on her home page instead.
  const sent = await loadOr404(() => context.trpc.notifications.forStudent({ studentId: params.studentId ?? '' }))
  return { sent }
}

/** What the family was told about this student, and when each notice was seen: "the school sees when". */
export default function FamilyNotifications() {
  const { t } = useTranslation()
  const { sent } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const first = firstName(parent.student)
  return (
    <div className="space-y-6">
      <TextLink to={`/students/${parent.student.id}`}>{t('student.backToPlan', { name: first })}</TextLink>
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">{t('student.notificationsTitle')}</h2>
        <p className="text-slate-700">{t('student.notificationsIntro', { name: first })}</p>
      </div>
      <Card>
        {sent.length === 0 ? (
          <p className="text-slate-700">{t('student.notificationsNone', { name: first })}</p>
        ) : (
          <Table
            caption={t('student.notificationsCaption', { name: first })}
            head={
              <ColumnHeads
                columns={[
                  t('student.notificationsColumns.sent'),
                  t('student.notificationsColumns.to'),
                  t('student.notificationsColumns.notice'),
                  t('student.notificationsColumns.seen'),
                ]}
              />
            }
          >
            {sent.map((n) => (
              <tr key={n.id} className="align-top">
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={n.createdAt}>{formatMoment(n.createdAt)}</time>
                </td>
                <td className="py-2 pr-4">{n.recipientName}</td>
                <td className="py-2 pr-4">
                  {n.text}
                  {n.since ? <span className="block font-semibold text-emerald-900">{n.since}</span> : null}
                </td>
                <td className="py-2 whitespace-nowrap">
                  {n.seenAt ? (
                    <span>
                      {t('student.seen')} <time dateTime={n.seenAt}>{formatMoment(n.seenAt)}</time>
                    </span>
                  ) : (
                    <StatusBadge tone="warn">{t('student.notSeenYet')}</StatusBadge>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const student = matches.find((m) => m.id === 'student')?.data as { student?: { name: string } } | undefined
  const name = student?.student?.name
  if (!data) return [{ title: t('student.notFoundTitle') }]
  return [{ title: name ? t('student.notificationsPageTitle', { name }) : t('student.notificationsPageTitleUnnamed') }]
}
