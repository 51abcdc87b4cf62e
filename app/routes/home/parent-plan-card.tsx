import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { formatDay } from '#shared/i18n/format.ts'
import { rateTone } from '#shared/rate-tone.ts'
import { formatRate, ledgerSentence } from '../accountability/accountability-text.ts'
import type { ParentPlan } from './parent-plans.server.ts'
import { accountability } from '#shared/i18n/en/accountability.ts'
import { home } from '#shared/i18n/en/home.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ accountability, home })

/** One child's plan at a glance: services furthest behind first, what is owed and made up, supports missed this week. */
export function ParentPlanCard({ plan }: { plan: ParentPlan }) {
  const { t } = useTranslation()
  const headingId = `plan-${plan.id}`
  const name = plan.firstName
  return (
    <Card title={t('home.parentPlan.cardTitle', { name })} headingId={headingId}>
      {plan.services.length === 0 ? (
        <p className="text-slate-700">{t('home.parentPlan.noServices', { name })}</p>
      ) : (
        <ul className="space-y-3" aria-label={t('home.parentPlan.servicesLabel', { name })}>
          {plan.services.map((s, i) => (
            <li key={s.key}>
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {s.name}
                {i === 0 && plan.services.length > 1 ? <StatusBadge tone={rateTone(s.deliveryRate)}>{t('home.parentPlan.furthestBehind')}</StatusBadge> : null}
              </p>
              <p className="text-slate-700">{t('home.parentPlan.delivered', { rate: formatRate(s.deliveryRate) })}</p>
              <p className="text-slate-700">{ledgerSentence(s, name)}</p>
              {s.plannedMakeUps.map((p) => (
                <p key={p.planId} className="text-slate-700">
                  {t('home.plannedMakeUps.line', { date: formatDay(p.plannedDate), session: formatDay(p.repaysDate) })}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-4 font-semibold">{t('home.parentPlan.supportsHeading')}</h3>
      {plan.supportsNotProvided.length === 0 ? (
        <p className="text-slate-700">{t('home.parentPlan.noSupportsMissed')}</p>
      ) : (
        <ul className="list-disc pl-5 text-slate-700" aria-label={t('home.parentPlan.supportsHeading')}>
          {plan.supportsNotProvided.map((s) => (
            <li key={s.title}>
              {t('home.parentPlan.supportDays', { title: s.title, days: s.dates.map((d) => formatDay(d)).join(t('accountability.listSeparator')) })}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4">
        <TextLink to={`/students/${plan.id}/accountability`}>{t('home.parentPlan.fullNumbers', { name })}</TextLink>
      </p>
    </Card>
  )
}
