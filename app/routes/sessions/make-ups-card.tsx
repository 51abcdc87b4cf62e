import { useTranslation } from '#app/utils/use-translation.ts'
import { formatDay } from '#shared/i18n/format.ts'
import type { SessionActionData } from './session-forms.ts'
import { Card } from '#app/components/card.tsx'
import { MakeUpForm } from './session-actions.tsx'
import { SavedMessage } from './session-record-parts.tsx'
import type { WeekStudent } from './session-week-day.tsx'
import type { PlanActionData } from './make-up-plan-forms.ts'
import { PlanMakeUpForm, type WeekPlan } from './make-up-plan-parts.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sessions })

/** Per service: what is still owed, and a form to record a make-up that repays one of those sessions. */
export function MakeUpsCard({
  students,
  today,
  result,
  plans,
  planResult,
  planAnswerHere,
}: {
  students: WeekStudent[]
  today: string
  result: SessionActionData | undefined
  /** Make-ups planned ahead: a session with an open plan is not offered to plan again. */
  plans: WeekPlan[]
  planResult: PlanActionData | undefined
  /** A planned make-up cancelled, or moved to another week, has no item left on the page to answer beside. */
  planAnswerHere: string | null
}) {
  const { t } = useTranslation()
  return (
    <Card title={t('sessions.makeUps')} headingId="make-ups">
      <p className="mb-4 text-slate-700">{t('sessions.makeUpsIntro')}</p>
      <SavedMessage message={planAnswerHere} />
      <ul className="divide-y divide-slate-200" aria-labelledby="make-ups">
        {students.flatMap((student) =>
          student.services.map((svc) => {
            const owedMinutes = svc.owed.reduce((sum, o) => sum + o.owedMinutes, 0)
            // By service, not by form: a planned make-up recorded as held leaves its day's card, so its answer comes here.
            const madeUp = result?.ok && result.intent === 'make_up' && result.madeUp?.serviceId === svc.service.id ? result.madeUp : undefined
            // The confirmation names the session repaid, so a wrong choice is seen at once.
            const saved = madeUp
              ? t('sessions.makeUpForm.saved', {
                  service: svc.service.name,
                  session: formatDay(madeUp.repaysDate),
                  minutes: madeUp.minutes,
                  date: formatDay(madeUp.date),
                })
              : null
            return (
              <li key={svc.service.id} className="space-y-2 py-3">
                <h3 className="font-medium text-slate-900">{t('sessions.studentService', { student: student.name, service: svc.service.name })}</h3>
                {svc.owed.length ? (
                  <p className="text-sm font-medium text-red-800">
                    {t('sessions.sessionsOwed', { count: svc.owed.length, minutes: owedMinutes })}
                  </p>
                ) : null}
                <SavedMessage message={saved} />
                <MakeUpForm
                  studentId={student.id}
                  serviceId={svc.service.id}
                  name={t('sessions.serviceFor', { service: svc.service.name, student: student.name })}
                  today={today}
                  owed={svc.owed}
                  result={result}
                />
                <PlanMakeUpForm
                  key={`plan-${svc.owed.length}-${plans.length}`}
                  studentId={student.id}
                  serviceId={svc.service.id}
                  name={t('sessions.serviceFor', { service: svc.service.name, student: student.name })}
                  today={today}
                  owed={svc.owed.filter((o) => !plans.some((p) => p.serviceId === svc.service.id && p.repaysDate === o.date))}
                  result={planResult}
                />
              </li>
            )
          }),
        )}
      </ul>
    </Card>
  )
}
