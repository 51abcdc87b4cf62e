import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { ChangeRecordForms, MakeUpForm, RecordSessionForms } from '#app/components/session-actions.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addDays, formatSchoolDate } from '#shared/school-date.ts'
import { REASON_LABELS, type MissedReason } from '#shared/services.ts'
import type { SessionStatus } from '#shared/session-status.ts'

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const weekOf = new URL(request.url).searchParams.get('week') || undefined
  const week = await loadOr404(() => context.trpc.sessions.week({ weekOf }))
  return { week, userId: user.id }
}

type ActionData = { ok: true; message: string } | { ok: false; message: string; fieldErrors: Record<string, string[]> }

export async function action({ context, request }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const form = await request.formData()
  const s = (k: string) => String(form.get(k) ?? '').trim()
  const n = (k: string) => (s(k) === '' ? undefined : Number(s(k)))
  const studentId = s('studentId')
  const intent = s('intent')
  const result = await actionResult(async () => {
    if (intent === 'delivered') return context.trpc.sessions.record({ studentId, serviceId: s('serviceId'), kind: 'delivered', date: s('date'), minutes: n('minutes') as number, note: s('note') || undefined })
    if (intent === 'missed') return context.trpc.sessions.record({ studentId, serviceId: s('serviceId'), kind: 'missed', date: s('date'), reason: s('reason') as MissedReason, note: s('note') || undefined })
    if (intent === 'make_up')
      return context.trpc.sessions.record({ studentId, serviceId: s('serviceId'), kind: 'make_up', date: s('date'), minutes: n('minutes') as number, repaysDate: s('repaysDate') })
    if (intent === 'correct')
      return context.trpc.sessions.correct({
        studentId,
        recordId: s('recordId'),
        kind: (s('kind') || undefined) as 'delivered' | 'missed' | undefined,
        minutes: n('minutes'),
        reason: (s('reason') || undefined) as MissedReason | undefined,
        changeReason: s('changeReason'),
      })
    return context.trpc.sessions.void({ studentId, recordId: s('recordId'), changeReason: s('changeReason') })
  })
  if (!result.ok) {
    const details = Object.values(result.fieldErrors).flat()
    return { ok: false, message: details.length ? details.join(' ') : result.message, fieldErrors: result.fieldErrors }
  }
  const labels: Record<string, string> = { delivered: 'Delivered session saved.', missed: 'Missed session saved.', make_up: 'Make-up saved.', correct: 'Correction saved; the earlier version is kept.', void: 'Record voided; it stays visible, struck through.' }
  return { ok: true, message: labels[intent] ?? 'Saved.' }
}

const STATUS: Record<SessionStatus, { label: string; tone: 'good' | 'warn' | 'bad' | 'neutral' | 'info' }> = {
  delivered: { label: 'Delivered', tone: 'good' },
  missed: { label: 'Missed', tone: 'warn' },
  pending: { label: 'To record', tone: 'info' },
  unrecorded: { label: 'Unrecorded', tone: 'bad' },
  upcoming: { label: 'Upcoming', tone: 'neutral' },
}

export default function Sessions() {
  const { week, userId } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const sessionsOn = (date: string) =>
    week.students.flatMap((student) =>
      student.services.flatMap((svc) =>
        svc.rows.filter((r) => r.date === date).map((row) => ({ student, svc, row, mayRecord: student.role === 'case_manager' || svc.service.providerId === userId })),
      ),
    )
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Sessions, week of {formatSchoolDate(week.weekOf)}</h1>
      <nav aria-label="Weeks" className="flex flex-wrap gap-x-4 gap-y-2">
        <Link className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" to={`/sessions?week=${addDays(week.weekOf, -7)}`}>
          Previous week
        </Link>
        <Link className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" to="/sessions">
          This week
        </Link>
        <Link className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" to={`/sessions?week=${addDays(week.weekOf, 7)}`}>
          Next week
        </Link>
      </nav>
      {result ? <Alert tone={result.ok ? 'success' : 'error'}>{result.message}</Alert> : null}
      {week.students.length === 0 ? (
        <Card>
          <p className="text-slate-700">You have no services to record. Sessions appear here for the services you provide or the students you case-manage.</p>
        </Card>
      ) : (
        week.days.map((date) => {
          const items = sessionsOn(date)
          return (
            <Card key={date} title={formatSchoolDate(date)}>
              {items.length === 0 ? (
                <p className="text-slate-700">No sessions scheduled (a closure, or no service on this weekday).</p>
              ) : (
                <ul className="divide-y divide-slate-200" aria-label={`Sessions on ${formatSchoolDate(date)}`}>
                  {items.map(({ student, svc, row, mayRecord }) => {
                    const what = `${student.name}, ${svc.service.name}, ${formatSchoolDate(row.date)}`
                    const st = STATUS[row.status]
                    return (
                      <li key={`${svc.service.id}-${row.date}`} className="space-y-2 py-3">
                        <p className="font-medium">
                          {student.name} — {svc.service.name} ({row.mandateMinutes} min)
                        </p>
                        <p className="flex flex-wrap items-center gap-2 text-sm">
                          <StatusBadge tone={st.tone}>{st.label}</StatusBadge>
                          {row.record?.kind === 'delivered' ? (
                            <span>
                              {row.record.minutes} min{row.record.minutes! < row.mandateMinutes ? ` (short by ${row.mandateMinutes - row.record.minutes!} min)` : ''}
                            </span>
                          ) : null}
                          {row.record?.kind === 'missed' && row.record.reason ? <span>{REASON_LABELS[row.record.reason]}</span> : null}
                          {row.owedMinutes > 0 ? <span className="font-medium text-red-800">{row.owedMinutes} min owed</span> : null}
                          {row.makeUps.map((m) => (
                            <span key={m.recordId}>Made up {formatSchoolDate(m.date)} ({m.minutes} min)</span>
                          ))}
                        </p>
                        {row.voided.map((v) => (
                          <p key={v.id} className="text-sm text-slate-600">
                            <s>
                              {v.kind} {v.minutes ? `${v.minutes} min` : ''}
                            </s>{' '}
                            — voided: {v.changeReason}
                          </p>
                        ))}
                        {mayRecord && !row.record && row.status !== 'upcoming' ? (
                          <RecordSessionForms
                            target={{ studentId: student.id, serviceId: svc.service.id, serviceName: svc.service.name, date: row.date, dateLabel: formatSchoolDate(row.date), mandateMinutes: row.mandateMinutes }}
                          />
                        ) : null}
                        {mayRecord && row.record ? <ChangeRecordForms studentId={student.id} recordId={row.record.recordId} what={what} kind={row.record.kind} /> : null}
                      </li>
                    )
                  })}
                </ul>
              )}
            </Card>
          )
        })
      )}
      {week.students.map((student) =>
        student.services.map((svc) => (
          <div key={`makeup-${svc.service.id}`} className="space-y-2">
            {svc.makeUps.map((m) => (
              <p key={m.recordId} className="text-sm">
                Make-up for {student.name}: {svc.service.name} on {formatSchoolDate(m.date)}, {m.minutes} min, repaying {formatSchoolDate(m.repaysDate ?? '')}
              </p>
            ))}
            {student.role === 'case_manager' || svc.service.providerId === userId ? (
              <MakeUpForm
                studentId={student.id}
                serviceId={svc.service.id}
                serviceName={`${svc.service.name} (${student.name})`}
                today={week.today}
                owed={svc.owed}
                formatDate={formatSchoolDate}
              />
            ) : null}
          </div>
        )),
      )}
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Sessions · Same Page' }]
