import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { MakeUpPolicyCard } from './make-up-policy-card.tsx'
import { SchoolCalendarCard, type SchoolFormResult } from './school-calendar-card.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { canInSchool } from '#shared/permissions.ts'
import { DEFAULT_MAKE_UP_REASONS, type MissReason } from '#shared/services.ts'
import { PageHeading } from '#app/components/page-heading.tsx'

// /school/:schoolId. An index route, not school.$schoolId.tsx: that file would become the layout of
// school.$schoolId.accountability and swallow the school overview.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  if (!school) throw new Response('Not found', { status: 404 })
  const [closures, reasons] = await Promise.all([
    loadOr404(() => context.trpc.schools.closures({ schoolId })),
    loadOr404(() => context.trpc.schools.makeUpPolicy({ schoolId })),
  ])
  const isDefault = [...reasons].sort().join() === [...DEFAULT_MAKE_UP_REASONS].sort().join()
  return {
    school,
    closures,
    reasons,
    isDefault,
    editCalendar: canInSchool(school.role, 'school.calendar'),
    editPolicy: canInSchool(school.role, 'school.policy'),
  }
}

const SAVED: Record<string, string> = {
  addClosure: 'Closure added.',
  removeClosure: 'Closure removed; that day’s sessions are scheduled again.',
  setPolicy: 'Make-up policy saved. Every student’s numbers follow it.',
  defaultPolicy: 'The default make-up policy is back in force.',
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<SchoolFormResult> {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const values = { date: String(form.get('date') ?? ''), label: String(form.get('label') ?? '') }
  const result = await actionResult(async () => {
    if (intent === 'addClosure') return context.trpc.schools.addClosure({ schoolId, ...values })
    if (intent === 'removeClosure') return context.trpc.schools.removeClosure({ schoolId, date: values.date })
    const reasons = intent === 'defaultPolicy' ? [...DEFAULT_MAKE_UP_REASONS] : (form.getAll('reasons').map(String) as MissReason[])
    return context.trpc.schools.setMakeUpPolicy({ schoolId, reasons })
  })
  return result.ok ? { intent, ok: true, message: SAVED[intent] ?? 'Saved.' } : { intent, ...result, values }
}

export default function SchoolSettings() {
  const { school, closures, reasons, isDefault, editCalendar, editPolicy } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="space-y-6">
      <PageHeading title="School settings">
        <p className="text-slate-700">{school.name}: the calendar every service is scheduled on, and which misses owe a make-up.</p>
      </PageHeading>
      <SchoolCalendarCard closures={closures} editable={editCalendar} result={result} />
      <MakeUpPolicyCard reasons={reasons} isDefault={isDefault} editable={editPolicy} result={result} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `School settings · ${data.school.name} · Same Page` : 'School settings · Same Page' }]
