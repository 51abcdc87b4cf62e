import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { lazy, Suspense } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { AttachmentsCard } from '#app/components/attachments-card.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { NoteView } from './note-view.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#shared/plan-labels.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { can } from '#shared/permissions.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { notebookFormSchema } from '#shared/schemas/notes.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { notes } from '#shared/i18n/en/notes.ts'

addSections({ notes })

// TipTap, Yjs and the provider (about 560 kB) load only here, and only in the browser.
const NoteEditor = lazy(() => import('./note-editor.client.tsx'))

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const studentId = params.studentId ?? ''
  const notebookId = params.notebookId ?? ''
  const [notebook, content, files] = await Promise.all([
    loadOr404(() => context.trpc.notebooks.get({ studentId, notebookId })),
    // The stored text, shown until the live editor loads (and for good when the notebook is archived).
    loadOr404(() => context.trpc.notebooks.content({ studentId, notebookId })),
    loadOr404(() => context.trpc.attachments.list({ studentId, ownerKind: 'notebook', ownerId: notebookId })),
  ])
  return { notebook, content: content.json, files, user: { id: user.id, name: user.name } }
}

type ActionData = { ok: true; intent: string } | { ok: false; intent: string; message: string; fieldErrors: Record<string, string[]> }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const notebookId = params.notebookId ?? ''
  const parsed = parseForm(await request.formData(), notebookFormSchema)
  if (!parsed.ok) {
    // Only renaming has fields of its own; a refused intent is a form this page never sends.
    if (parsed.fieldErrors.intent) return { ok: false, intent: '', message: t('notes.unknownAction'), fieldErrors: {} }
    return { ...parsed, intent: 'rename' }
  }
  const submitted = parsed.value
  const result =
    submitted.intent === 'rename'
      ? await actionResult(() => context.trpc.notebooks.rename({ studentId, notebookId, title: submitted.title }))
      : await actionResult(() => context.trpc.notebooks.archive({ studentId, notebookId }))
  return result.ok ? { ok: true, intent: submitted.intent } : { ...result, intent: submitted.intent }
}

export default function NotebookPage() {
  const { notebook, content, files, user } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const hydrated = useHydrated()
  const { t } = useTranslation()
  if (!parent) return null
  const { student } = parent
  const base = `/students/${student.id}`
  const canManage = can(student.role, 'notes.manage')
  const archived = notebook.archivedAt !== null
  const failure = actionData && !actionData.ok ? actionData : null

  return (
    <div className="space-y-4">
      <nav aria-label={t('notes.page.nav')} className="flex flex-wrap gap-x-4">
        <TextLink to={base}>
          {t('notes.page.backToPlan', { name: firstName(student) })}
        </TextLink>
        <TextLink to={`${base}/notes/${notebook.id}/history`}>
          {t('notes.page.history')}
        </TextLink>
      </nav>
      <Card title={notebook.title} headingId="notebook-heading">
        {notebook.archivedAt !== null ? (
          <div className="space-y-3">
            <Alert tone="info">
              {t('notes.page.archivedOn', { date: formatMoment(notebook.archivedAt, 'longDate') })}
            </Alert>
            <NoteView doc={content} label={t('notes.notebookText', { title: notebook.title })} />
          </div>
        ) : hydrated ? (
          <Suspense fallback={<NoteView doc={content} label={t('notes.savedText', { title: notebook.title })} />}>
            <NoteEditor notebookId={notebook.id} title={notebook.title} user={user} />
          </Suspense>
        ) : (
          <NoteView doc={content} label={t('notes.savedText', { title: notebook.title })} />
        )}
      </Card>

      <AttachmentsCard studentId={student.id} ownerKind="notebook" ownerId={notebook.id} list={files} />

      {canManage && !archived ? (
        <Card title={t('notes.page.manage')} headingLevel={2}>
          {failure ? <Alert>{failure.message}</Alert> : null}
          <Form method="post" className="space-y-2" noValidate key={notebook.title}>
            <input type="hidden" name="intent" value="rename" />
            <Field label={t('notes.page.title')} name="title" defaultValue={notebook.title} maxLength={80} errors={failure?.fieldErrors.title} />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t('notes.page.rename')}
            </Button>
          </Form>
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="archive" />
            <p className="mb-2 text-sm text-slate-700">{t('notes.page.archiveHint')}</p>
            <Button type="submit" variant="danger" disabled={busy}>
              {t('notes.page.archive')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t('common.titleSuffix', { title: data ? data.notebook.title : t('common.notFound') }) },
]
