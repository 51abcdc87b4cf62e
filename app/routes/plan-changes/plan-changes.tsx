import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { firstName } from '#shared/plan-labels.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { acknowledgePlanChangeFormSchema } from '#shared/schemas/plan-changes.ts'
import type { loader as studentLoader } from '../student/student-layout.tsx'
import { planChanges } from '#shared/i18n/en/planChanges.ts'
import { student } from '#shared/i18n/en/student.ts'

addSections({ planChanges, student })

// /students/:studentId/plan-changes: every change to the plan, before → after; parents acknowledge each one.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const changes = await loadOr404(() => context.trpc.planChanges.list({ studentId: params.studentId ?? '' }))
  return { changes, userId: context.auth.user?.id ?? '' }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const parsed = parseForm(await request.formData(), acknowledgePlanChangeFormSchema)
  if (!parsed.ok) return { ok: false as const, message: parsed.message }
  const result = await actionResult(() => context.trpc.planChanges.acknowledge({ studentId: params.studentId ?? '', planChangeId: parsed.value.planChangeId }))
  return result.ok ? { ok: true as const, message: t('planChanges.page.acknowledged') } : { ok: false as const, message: result.message }
}

export default function PlanChanges() {
  const { t } = useTranslation()
  const { changes, userId } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const mayAcknowledge = can(parent.student.role, 'plan.acknowledgeChange')
  return (
    <div className="space-y-6">
      <TextLink to={`/students/${parent.student.id}`}>{t('student.backToPlan', { name: firstName(parent.student) })}</TextLink>
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold text-slate-900">{t('planChanges.page.title')}</h2>
        <p className="text-slate-700">{t('planChanges.page.intro')}</p>
      </div>
      {result ? <Alert tone={result.ok ? 'success' : 'error'}>{result.message}</Alert> : null}
      <Card>
        {changes.length === 0 ? (
          <p className="text-slate-700">{t('planChanges.page.empty')}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t('planChanges.page.title')}>
            {changes.map((c) => {
              const mine = c.acks.some((a) => a.userId === userId)
              return (
                <li key={c.id} className="space-y-2 py-3">
                  <div className="flex flex-wrap items-center gap-2">
                    <p className="font-semibold">{c.summary}</p>
                    {c.isReduction ? <StatusBadge tone="warn">{t('planChanges.page.reduction')}</StatusBadge> : null}
                  </div>
                  <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
                    <dt className="font-medium">{t('planChanges.page.before')}</dt>
                    <dd>{c.before}</dd>
                    <dt className="font-medium">{t('planChanges.page.after')}</dt>
                    <dd>{c.after}</dd>
                  </dl>
                  <p className="text-sm text-slate-600">{t('planChanges.page.changedBy', { name: c.changedByName ?? '—', date: formatMoment(c.createdAt) })}</p>
                  {c.acks.length > 0 ? (
                    <ul className="text-sm text-emerald-900">
                      {c.acks.map((a) => (
                        <li key={a.userId}>{t('planChanges.page.acknowledgedBy', { name: a.name, date: formatMoment(a.acknowledgedAt) })}</li>
                      ))}
                    </ul>
                  ) : (
                    <StatusBadge tone="warn">{t('planChanges.page.notAcknowledged')}</StatusBadge>
                  )}
                  {mayAcknowledge && !mine ? (
                    <Form method="post">
                      <input type="hidden" name="planChangeId" value={c.id} />
                      <Button type="submit" disabled={busy} aria-label={t('planChanges.page.acknowledgeFor', { summary: c.summary })}>
                        {t('planChanges.page.acknowledge')}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              )
            })}
          </ul>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: t('common.titleSuffix', { title: t('planChanges.page.title') }) }]
