import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { NoteView } from './note-view.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { can } from '#shared/permissions.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { restoreDayFormSchema } from '#shared/schemas/notes.ts'
import { parseForm, type FormFailure } from '#app/utils/parse-form.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { notes } from '#shared/i18n/en/notes.ts'

addSections({ notes })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const notebookId = params.notebookId ?? ''
  const [notebook, days] = await Promise.all([
    loadOr404(() => context.trpc.notebooks.get({ studentId, notebookId })),
    loadOr404(() => context.trpc.notebooks.history({ studentId, notebookId })),
  ])
  const asked = new URL(request.url).searchParams.get('day')
  const chosen = days.find((d) => d.day === asked) ?? null
  const view = chosen ? await loadOr404(() => context.trpc.notebooks.day({ studentId, notebookId, day: chosen.day })) : null
  return { notebook, days, view }
}

type ActionData = { ok: true; day: string } | { ok: false; message: string }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const parsed = parseForm(await request.formData(), restoreDayFormSchema)
  if (!parsed.ok) return refusal(parsed)
  const { day } = parsed.value
  const result = await actionResult(() => context.trpc.notebooks.restore({ studentId: params.studentId ?? '', notebookId: params.notebookId ?? '', day }))
  return result.ok ? { ok: true, day } : refusal(result)
}

// The day is a hidden field with no place of its own on the page, so its problem is said with the message.
function refusal(failure: Omit<FormFailure, 'ok'>): ActionData {
  return { ok: false, message: [...new Set([failure.message, ...(failure.fieldErrors.day ?? [])])].join(' ') }
}

export default function NotebookHistory() {
  const { notebook, days, view } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  if (!parent) return null
  const base = `/students/${parent.student.id}/notes/${notebook.id}`
  const canRestore = can(parent.student.role, 'notes.manage') && notebook.archivedAt === null

  return (
    <div className="space-y-4">
      <TextLink to={base}>
        {t('notes.history.backTo', { title: notebook.title })}
      </TextLink>
      <Card title={t('notes.history.title', { title: notebook.title })} headingLevel={2}>
        <p className="mb-3 text-slate-700">{t('notes.history.intro')}</p>
        {actionData?.ok ? <Alert tone="success">{t('notes.history.restored', { date: formatDay(actionData.day) })}</Alert> : null}
        {actionData && !actionData.ok ? <Alert>{actionData.message}</Alert> : null}
        <ul aria-label={t('notes.history.savedDays')} className="divide-y divide-slate-200">
          {days.map((d) => (
            <li key={d.day} className="py-2">
              <TextLink to={`?day=${d.day}`} aria-current={view?.day === d.day ? 'page' : undefined}>
                {formatDay(d.day)}
              </TextLink>
              <p className="text-sm text-slate-700">{d.preview}</p>
            </li>
          ))}
        </ul>
      </Card>
      {view ? (
        <Card title={t('notes.history.asItWas', { date: formatDay(view.day) })} headingLevel={2}>
          <NoteView doc={view.json} label={t('notes.history.dayText', { title: notebook.title, date: formatDay(view.day) })} />
          {view.authorship.length ? (
            <section aria-labelledby="who-wrote-what" className="mt-4">
              <h3 id="who-wrote-what" className="font-semibold text-slate-900">
                {t('notes.history.whoWroteWhat')}
              </h3>
              <ul aria-label={t('notes.history.whoWroteWhat')} className="mt-2 divide-y divide-slate-200 text-sm">
                {view.authorship.map((block, i) => (
                  <li key={i} className="py-1.5">
                    <span className="font-medium text-slate-900">{t('notes.history.authors', { names: block.authors.join(', ') })}</span>{' '}
                    <span className="text-slate-700">{block.text.length > 160 ? `${block.text.slice(0, 160)}…` : block.text}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {canRestore ? (
            <Form method="post" className="mt-4">
              <input type="hidden" name="day" value={view.day} />
              <p className="mb-2 text-sm text-slate-700">{t('notes.history.restoreHint')}</p>
              <Button type="submit" disabled={busy}>
                {t('notes.history.restore')}
              </Button>
            </Form>
          ) : null}
        </Card>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t('common.titleSuffix', { title: data ? t('notes.history.title', { title: data.notebook.title }) : t('common.notFound') }) },
]
