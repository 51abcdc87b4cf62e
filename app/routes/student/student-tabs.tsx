import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { StudentRole } from '#shared/roles.ts'
import { STUDENT_TAB_PATHS, studentTabOf, studentTabsFor } from '#shared/student-tabs.ts'
import { student } from '#shared/i18n/en/student.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ student })

/** The student's sections as plain links (they work without scripts), the current one marked for screen readers too. */
export function StudentTabs({ studentId, role }: { studentId: string; role: StudentRole }) {
  const { t } = useTranslation()
  const base = `/students/${studentId}`
  const current = studentTabOf(useLocation().pathname.slice(base.length))
  return (
    <nav aria-label={t('student.tabs.label')} className="no-print -mx-1 border-b border-slate-200">
      <ul className="flex flex-wrap">
        {studentTabsFor(role).map((tab) => (
          <li key={tab}>
            <Link
              to={`${base}${STUDENT_TAB_PATHS[tab]}`}
              aria-current={tab === current ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center border-b-4 px-2 font-medium ${
                tab === current ? 'border-brand-700 text-brand-800' : 'border-transparent text-slate-700 hover:text-brand-700'
              }`}
            >
              {t(`student.tabs.${tab}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
