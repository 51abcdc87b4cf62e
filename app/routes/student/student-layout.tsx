import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { StudentTabs } from './student-tabs.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { ROLE_LABELS } from '#shared/roles.ts'
import { student } from '#shared/i18n/en/student.ts'

addSections({ student })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const student = await loadOr404(() => context.trpc.students.get({ studentId: params.studentId ?? '' }))
  return { student }
}

export default function StudentLayout() {
  const { t } = useTranslation()
  const { student } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-6 print:space-y-2">
      <div className="space-y-1 print:space-y-0">
        <h1 className="text-2xl font-semibold print:text-[14pt]">{student.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-slate-700 print:text-[9pt]">
          <span>{[student.grade !== null ? t('student.grade', { grade: student.grade }) : null, student.schoolName].filter(Boolean).join(' · ')}</span>
          <span className="print:hidden">
            <StatusBadge tone="info">{t('student.yourRole', { role: ROLE_LABELS[student.role] })}</StatusBadge>
          </span>
        </p>
      </div>
      <StudentTabs studentId={student.id} role={student.role} />
      <Outlet />
    </div>
  )
}

// A student the caller may not see never reaches this: the loader answered 404 first.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? t('student.pageTitle', { name: data.student.name }) : t('student.notFoundTitle') },
]
