import { useTranslation } from '#app/utils/use-translation.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { PlannedMakeUpItem, type WeekPlan } from './make-up-plan-parts.tsx'
import type { PlanActionData } from './make-up-plan-forms.ts'
import type { SessionActionData } from './session-forms.ts'
import type { WeekStudent } from './session-week-day.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sessions })

/** The make-ups planned for one day of the week, as a list of their own; null on a day with none. */
export function PlannedOnDay({
  date,
  week,
  plans,
  sessionResult,
  planResult,
}: {
  date: string
  week: { today: string; students: WeekStudent[] }
  plans: WeekPlan[]
  sessionResult: SessionActionData | undefined
  planResult: PlanActionData | undefined
}) {
  const { t } = useTranslation()
  const items = week.students.flatMap((student) =>
    student.services.flatMap((svc) =>
      plans
        .filter((p) => p.plannedDate === date && p.serviceId === svc.service.id)
        .map((plan) => ({ student, plan, owedMinutes: svc.owed.find((o) => o.date === plan.repaysDate)?.owedMinutes ?? 0 })),
    ),
  )
  if (!items.length) return null
  return (
    <ul className="divide-y divide-slate-200 border-t border-slate-200" aria-label={t('sessions.plannedMakeUps.listOn', { date: formatDay(date) })}>
      {items.map(({ student, plan, owedMinutes }) => (
        <PlannedMakeUpItem key={plan.planId} plan={plan} student={student} today={week.today} owedMinutes={owedMinutes} sessionResult={sessionResult} planResult={planResult} />
      ))}
    </ul>
  )
}
