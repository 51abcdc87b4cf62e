import { LabelledSection } from '#app/components/labelled-section.tsx'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Button } from '#app/components/button.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { useHydrated } from '#app/utils/use-hydrated.ts'
import { TextLink } from '#app/components/text-link.tsx'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const brief = await loadOr404(() => context.trpc.brief.get({ studentId: params.studentId ?? '' }))
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
  const base = `/students/${brief.student.id}`
  return (
    <article className="space-y-6 print:space-y-2 print:text-[9pt] print:leading-snug" aria-labelledby="brief-heading">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 id="brief-heading" className="text-2xl font-semibold text-slate-900 print:text-[13pt]">
            Prepare for a meeting
          </h2>
          <p className="text-slate-700 print:text-[8.5pt]">{brief.intro}</p>
        </div>
        <div className="no-print flex flex-wrap items-center gap-3">
          <TextLink to={base}>
            Back to {brief.student.firstName}’s plan
          </TextLink>
          {/* A plain link: the browser downloads the file the server made (reloadDocument, not a client fetch). */}
          <a href={`${base}/brief.pdf`} download className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            Download PDF
          </a>
          {/* window.print needs the page to be interactive; before hydration the button would do nothing. */}
          <Button onClick={() => window.print()} disabled={!hydrated}>
            Print
          </Button>
        </div>
      </div>

      <LabelledSection {...BRIEF_SECTION_STYLE} title="Services: what the IEP mandates and what was delivered" id="brief-services">
        {brief.services.length === 0 ? (
          <p>No services had started by this date.</p>
        ) : (
          <div className="space-y-4 print:space-y-1.5">
            {brief.services.map((s) => (
              <section key={s.key} aria-labelledby={`brief-service-${s.key}`} className="break-inside-avoid space-y-1 print:space-y-0">
                <h4 id={`brief-service-${s.key}`} className="font-semibold text-slate-900">
                  {s.name}
                </h4>
                <p className="text-sm text-slate-700 print:text-[8.5pt]">{s.schedule}</p>
                <p>{s.delivery}</p>
                <p>Sessions: {s.sessions}</p>
                <p className="font-medium">Owed: {s.ledger}</p>
                {s.missedReasons.length ? <p className="text-slate-800">Why sessions were missed: {s.missedReasons.join('; ')}.</p> : null}
                {s.alerts.length ? (
                  <ul aria-label={`${s.name} alerts`} className="list-disc pl-5 font-medium text-amber-950">
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

      <LabelledSection {...BRIEF_SECTION_STYLE} title="Accommodations: were they used?" id="brief-accommodations">
        {brief.accommodations.length === 0 ? (
          <p>No accommodations had started by this date.</p>
        ) : (
          <ul className="divide-y divide-slate-200 print:divide-y-0" aria-label="Accommodation fidelity">
            {brief.accommodations.map((a) => (
              <li key={a.title} className="flex items-center justify-between gap-2 py-2 print:py-0">
                <span className="min-w-0">
                  <span className="font-semibold">{a.title}</span>: {a.detail}
                </span>
                <span className="shrink-0">
                  {a.fidelity ? <StatusBadge tone={a.low ? 'warn' : 'good'}>{a.fidelity} used</StatusBadge> : <StatusBadge>No days yet</StatusBadge>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </LabelledSection>

      <LabelledSection {...BRIEF_SECTION_STYLE} title="Goals: latest progress, and how the student was doing" id="brief-goals">
        {brief.goals.length === 0 ? (
          <p>No goals yet.</p>
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
                  Target: {g.target}. {g.statusReason}
                </p>
                <p>{g.latest}</p>
                {g.flag ? <p className="rounded border-2 border-amber-500 bg-amber-50 p-2 font-medium text-amber-950 print:p-1">{g.flag}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </LabelledSection>

      {/* The open concerns the reader may see (family-only ones for parents only), from the concern log. */}
      <LabelledSection {...BRIEF_SECTION_STYLE} title="Open concerns" id="brief-concerns">
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

      <LabelledSection {...BRIEF_SECTION_STYLE} title="Questions to ask" id="brief-questions">
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
  { title: data ? `Prepare for a meeting · ${data.brief.student.name} · Same Page` : 'Not found · Same Page' },
]
