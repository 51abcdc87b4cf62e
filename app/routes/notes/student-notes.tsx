import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { NotebooksCard } from './notebooks-card.tsx'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { searchNotebooksSchema } from '#shared/schemas/notes.ts'
import { createNotebookFormSchema } from '#shared/schemas/student-forms.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { student } from '#shared/i18n/en/student.ts'

addSections({ student })

/** The student's notebooks tab: the list, the search across them and (for the case manager) a new notebook. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'notes.view')) throw new Response(t('common.notFound'), { status: 404 })
  const notebooks = await loadOr404(() => context.trpc.notebooks.list({ studentId }))
  const query = new URL(request.url).searchParams.get('q')?.trim() ?? ''
  if (!query) return { notebooks, search: { query: '', hits: null, error: null } }
  const parsed = searchNotebooksSchema.safeParse({ studentId, query })
  if (!parsed.success) return { notebooks, search: { query, hits: null, error: parsed.error.issues[0]?.message ?? t('student.searchRetry') } }
  const hits = await loadOr404(() => context.trpc.notebooks.search(parsed.data))
  return { notebooks, search: { query, hits, error: null } }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const parsed = parseForm(await request.formData(), createNotebookFormSchema)
  if (!parsed.ok) return parsed
  const result = await actionResult(() => context.trpc.notebooks.create({ studentId, ...parsed.value }))
  if (!result.ok) return result
  throw redirect(`/students/${studentId}/notes/${result.data.id}`)
}

export default function StudentNotes() {
  const { notebooks, search } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const failure = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  return (
    <NotebooksCard
      base={`/students/${parent?.student.id ?? ''}`}
      notebooks={notebooks}
      search={search}
      canCreate={parent ? can(parent.student.role, 'notes.manage') : false}
      createError={failure && !failure.ok ? { message: failure.message, title: failure.fieldErrors.title } : null}
      busy={busy}
    />
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, t('student.tabs.notes')) }]
