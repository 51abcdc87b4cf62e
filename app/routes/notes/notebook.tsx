import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { lazy, Suspense } from 'react'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { NoteView } from './note-view.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { firstName } from '#app/utils/plan-labels.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { can } from '#shared/permissions.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { TextLink } from '#app/components/text-link.tsx'

// TipTap, Yjs and the provider (about 560 kB) load only here, and only in the browser.
const NoteEditor = lazy(() => import('./note-editor.client.tsx'))

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const studentId = params.studentId ?? ''
  const notebookId = params.notebookId ?? ''
  const [notebook, content] = await Promise.all([
    loadOr404(() => context.trpc.notebooks.get({ studentId, notebookId })),
    // The stored text, shown until the live editor loads (and for good when the notebook is archived).
    loadOr404(() => context.trpc.notebooks.content({ studentId, notebookId })),
  ])
  return { notebook, content: content.json, user: { id: user.id, name: user.name } }
}

type ActionData = { ok: true; intent: string } | { ok: false; intent: string; message: string; fieldErrors: Record<string, string[]> }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const notebookId = params.notebookId ?? ''
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  if (intent === 'rename') {
    const result = await actionResult(() => context.trpc.notebooks.rename({ studentId, notebookId, title: String(form.get('title') ?? '') }))
    return result.ok ? { ok: true, intent } : { intent, ...result }
  }
  if (intent === 'archive') {
    const result = await actionResult(() => context.trpc.notebooks.archive({ studentId, notebookId }))
    return result.ok ? { ok: true, intent } : { intent, ...result }
  }
  return { ok: false, intent, message: 'That action is not known.', fieldErrors: {} }
}

export default function NotebookPage() {
  const { notebook, content, user } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const hydrated = useHydrated()
  if (!parent) return null
  const { student } = parent
  const base = `/students/${student.id}`
  const canManage = can(student.role, 'notes.manage')
  const archived = notebook.archivedAt !== null
  const failure = actionData && !actionData.ok ? actionData : null

  return (
    <div className="space-y-4">
      <nav aria-label="Notebook pages" className="flex flex-wrap gap-x-4">
        <TextLink to={base}>
          Back to {firstName(student)}’s plan
        </TextLink>
        <TextLink to={`${base}/notes/${notebook.id}/history`}>
          History
        </TextLink>
      </nav>
      <Card title={notebook.title} headingId="notebook-heading">
        {archived ? (
          <div className="space-y-3">
            <Alert tone="info">
              This notebook was archived on {new Date(notebook.archivedAt!).toLocaleDateString('en-US', { dateStyle: 'long' })}. It can be read but not changed.
            </Alert>
            <NoteView doc={content} label={`${notebook.title}: notebook text`} />
          </div>
        ) : hydrated ? (
          <Suspense fallback={<NoteView doc={content} label={`${notebook.title}: saved text`} />}>
            <NoteEditor notebookId={notebook.id} title={notebook.title} user={user} />
          </Suspense>
        ) : (
          <NoteView doc={content} label={`${notebook.title}: saved text`} />
        )}
      </Card>

      {canManage && !archived ? (
        <Card title="Manage this notebook" headingLevel={2}>
          {failure ? <Alert>{failure.message}</Alert> : null}
          <Form method="post" className="space-y-2" noValidate key={notebook.title}>
            <input type="hidden" name="intent" value="rename" />
            <Field label="Title" name="title" defaultValue={notebook.title} maxLength={80} errors={failure?.fieldErrors.title} />
            <Button type="submit" variant="secondary" disabled={busy}>
              Rename
            </Button>
          </Form>
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="archive" />
            <p className="mb-2 text-sm text-slate-700">Archiving closes the notebook for everyone. Its words and history stay readable.</p>
            <Button type="submit" variant="danger" disabled={busy}>
              Archive notebook
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.notebook.title} · Same Page` : 'Not found · Same Page' }]
