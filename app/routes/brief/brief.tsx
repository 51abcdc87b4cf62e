import { LabelledSection } from '#app/components/labelled-section.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Trans } from 'react-i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Button } from '#app/components/button.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { TextLink } from '#app/components/text-link.tsx'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { brief } from '#shared/i18n/en/brief.ts'
import { concerns } from '#shared/i18n/en/concerns.ts'
import { domain } from '#shared/i18n/en/domain.ts'
import { planChanges } from '#shared/i18n/en/planChanges.ts'

addSections({ brief, concerns, domain, planChanges })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const brief = await loadOr404(() => context.trpc.brief.get({ studentId }))
  return { brief }
}

/**
 * "Prepare for a meeting" (docs/domain.md#accountability): one printable page with each service's numbers and ledger, how often
 * the accommodations were used, each goal's latest progress with how the student was doing, open concerns, and
 * questions to ask. The sentences come from shared/meeting-brief.ts, the same ones the PDF prints.
 */
export default function MeetingBriefPage() {
  const { brief } = useLoaderData<typeof loader>()
  const hydrated = useHydrated()
  const { t } = useTranslation()
  const base = `/students/${brief.student.id}`
  return (
    <article className="space-y-6 print:space-y-2 print:text-[9pt] print:leading-snug" aria-labelledby="brief-heading">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 id="brief-heading" className="text-2xl font-semibold text-slate-900 print:text-[13pt]">
            {t('brief.title')}
          </h2>
          <p className="text-slate-700 print:text-[8.5pt]">{brief.intro}</p>
        </div>
        <div className="no-print flex flex-wrap items-center gap-3">
          <TextLink to={base}>{t('brief.back', { name: brief.student.firstName })}</TextLink>
          {/* A plain link: the browser downloads the file the server made (reloadDocument, not a client fetch). */}
          <a href={`${base}/brief.pdf`} download className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            {t('brief.downloadPdf')}
          </a>
          {/* window.print needs the page to be interactive; before hydration the button would do nothing. */}
          <Button onClick={() => window.print()} disabled={!hydrated}>
            {t('brief.print')}
          </Button>
        </div>
      </div>

      {brief.reductions.length > 0 ? (
        <LabelledSection {...BRIEF_SECTION_STYLE} title={t('planChanges.flag.title')} id="brief-reductions">
          <ul className="list-disc space-y-1 pl-5">
            {brief.reductions.map((r) => (
              <li key={r.id}>{r.text}</li>
            ))}
          </ul>
        </LabelledSection>
      ) : null}

      <LabelledSection {...BRIEF_SECTION_STYLE} title={t('brief.servicesTitle')} id="brief-services">
        {brief.services.length === 0 ? (
          <p>{t('brief.noServices')}</p>
        ) : (
          <div className="space-y-4 print:space-y-1.5">
            {brief.services.map((s) => (
              <section key={s.key} aria-labelledby={`brief-service-${s.key}`} className="break-inside-avoid space-y-1 print:space-y-0">
                <h4 id={`brief-service-${s.key}`} className="font-semibold text-slate-900">
                  {s.name}
                </h4>
                <p className="text-sm text-slate-700 print:text-[8.5pt]">{s.schedule}</p>
                <p>{s.delivery}</p>
                <p>{t('brief.sessions', { sessions: s.sessions })}</p>
                <p className="font-medium">{t('brief.owed', { ledger: s.ledger })}</p>
                {s.missedReasons.length ? (
                  <p className="text-slate-800">{t('brief.missedReasons', { reasons: s.missedReasons.join(t('brief.reasonSeparator')) })}</p>
                ) : null}
                {s.alerts.length ? (
                  <ul aria-label={t('brief.serviceAlerts', { service: s.name })} className="list-disc pl-5 font-medium text-amber-950">
                    {s.alerts.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                ) : null}
              </section>
            ))}
          </div>
        )}
      </LabelledSection>

      <LabelledSection {...BRIEF_SECTION_STYLE} title={t('brief.accommodationsTitle')} id="brief-accommodations">
        {brief.accommodations.length === 0 ? (
          <p>{t('brief.noAccommodations')}</p>
        ) : (
          <ul className="divide-y divide-slate-200 print:divide-y-0" aria-label={t('brief.fidelityLabel')}>
            {brief.accommodations.map((a) => (
              <li key={a.title} className="flex items-center justify-between gap-2 py-2 print:py-0">
                <span className="min-w-0">
                  <Trans
                    i18nKey="brief.accommodationDetail"
                    values={{ title: a.title, detail: a.detail }}
                    components={{ strong: <span className="font-semibold" /> }}
                  />
                </span>
                <span className="shrink-0">
                  {a.fidelity ? (
                    <StatusBadge tone={a.low ? 'warn' : 'good'}>{t('brief.used', { fidelity: a.fidelity })}</StatusBadge>
                  ) : (
                    <StatusBadge>{a.notNeeded ? t('domain.numbers.notNeeded') : t('brief.noDaysYet')}</StatusBadge>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </LabelledSection>

      <LabelledSection {...BRIEF_SECTION_STYLE} title={t('brief.goalsTitle')} id="brief-goals">
        {brief.goals.length === 0 ? (
          <p>{t('brief.noGoals')}</p>
        ) : (
          <ul className="space-y-3 print:space-y-1">
            {brief.goals.map((g) => (
              <li key={g.id} className="break-inside-avoid space-y-1 print:space-y-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{g.heading}</span>
                  <StatusBadge tone={g.metOnPaper ? 'warn' : 'neutral'}>{g.status}</StatusBadge>
                </p>
                <p>{g.summary}</p>
                <p className="text-sm text-slate-700 print:text-[8.5pt]">
                  {t('brief.target', { target: g.target, reason: g.statusReason })}
                </p>
                <p>{g.latest}</p>
                {g.flag ? <p className="rounded border-2 border-amber-500 bg-amber-50 p-2 font-medium text-amber-950 print:p-1">{g.flag}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </LabelledSection>

      {/* The open concerns the reader may see (family-only ones for parents only), from the concern log. */}
      <LabelledSection {...BRIEF_SECTION_STYLE} title={t('brief.concernsTitle')} id="brief-concerns">
        {brief.concerns.items.length === 0 ? (
          <p>{brief.concerns.emptyText}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {brief.concerns.items.map((c) => (
              <li key={c.id}>{c.text}</li>
            ))}
          </ul>
        )}
      </LabelledSection>

      {/* Agreements with an item not done or still watched: what was promised, who does it, by when, and where it stands. */}
      {brief.agreements.length > 0 ? (
        <LabelledSection {...BRIEF_SECTION_STYLE} title={t('concerns.agreement.briefHeading')} id="brief-agreements">
          <ul className="space-y-3 print:space-y-1">
            {brief.agreements.map((a) => (
              <li key={a.id} className="break-inside-avoid space-y-1">
                <p className="font-semibold">{a.heading}</p>
                {a.watch ? <p className="text-sm text-slate-700">{a.watch}</p> : null}
                <ul className="list-disc space-y-1 pl-5">
                  {a.items.map((i) => (
                    <li key={i.id} className={i.state === 'late' ? 'font-semibold text-red-900' : undefined}>
                      {i.text}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </LabelledSection>
      ) : null}

      <LabelledSection {...BRIEF_SECTION_STYLE} title={t('brief.questionsTitle')} id="brief-questions">
        <ol className="list-decimal space-y-2 pl-6 print:space-y-0.5">
          {brief.questions.map((q, i) => (
            <li key={i}>{q}</li>
          ))}
        </ol>
      </LabelledSection>
    </article>
  )
}

const BRIEF_SECTION_STYLE = {
  className: 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 print:rounded-none print:border-0 print:border-t print:border-slate-400 print:p-0 print:pt-1 print:shadow-none',
  headingClassName: 'mb-3 text-xl font-semibold text-slate-900 print:mb-0.5 print:text-[10.5pt]',
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t('common.titleSuffix', { title: data ? t('brief.pageTitle', { name: data.brief.student.name }) : t('common.notFound') }) },
]
