import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { Card } from '#app/components/card.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { ColumnHeads, Table } from '#app/components/table.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#app/utils/plan-labels.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import type { loader as studentLoader } from './student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  // Staff only (notifications.viewSent): a parent reads her own notices on her home page instead.
  const sent = await loadOr404(() => context.trpc.notifications.forStudent({ studentId: params.studentId ?? '' }))
  return { sent }
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })
}

/** What the family was told about this student, and when each notice was seen: "the school sees when". */
export default function FamilyNotifications() {
  const { sent } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const first = firstName(parent.student)
  return (
    <div className="space-y-6">
      <TextLink to={`/students/${parent.student.id}`}>
        Back to {first}’s plan
      </TextLink>
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">Family notifications</h2>
        <p className="text-slate-700">
          Each notice the app sent to {first}’s family — today, when a session is recorded as missed — and when they marked it seen.
        </p>
      </div>
      <Card>
        {sent.length === 0 ? (
          <p className="text-slate-700">No notices have been sent to {first}’s family yet.</p>
        ) : (
          <Table
            caption={`Notices sent to ${first}’s family`}
            head={<ColumnHeads columns={['Sent', 'To', 'Notice', 'Seen']} />}
          >
            {sent.map((n) => (
              <tr key={n.id} className="align-top">
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
                </td>
                <td className="py-2 pr-4">{n.recipientName}</td>
                <td className="py-2 pr-4">{n.text}</td>
                <td className="py-2 whitespace-nowrap">
                  {n.seenAt ? (
                    <span>
                      Seen <time dateTime={n.seenAt}>{when(n.seenAt)}</time>
                    </span>
                  ) : (
                    <StatusBadge tone="warn">Not seen yet</StatusBadge>
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
  return [{ title: data ? `Family notifications${name ? ` · ${name}` : ''} · Same Page` : 'Not found · Same Page' }]
}
