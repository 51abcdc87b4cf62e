import { Term } from '#app/components/term.tsx'
import { LADDER, type Step } from '#shared/concerns.ts'

/** The six steps in plain language; the current one is marked. Each opens with a keyboard (native details). */
export function LadderExplainer({ current }: { current?: Step }) {
  return (
    <ol className="space-y-2" aria-label="The escalation ladder, lowest step first">
      {LADDER.map((s) => (
        <li key={s.step}>
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="min-h-11 cursor-pointer font-medium text-slate-900">
              {s.step}. {s.title}
              {current === s.step ? ' (current step)' : ''}
            </summary>
            <dl className="mt-2 space-y-1 text-slate-700">
              <Term term="What it is">{s.what}</Term>
              <Term term="Who runs it">{s.whoRuns}</Term>
              <Term term="Cost">{s.cost}</Term>
              <Term term="Usual timeline">{s.timeline}</Term>
            </dl>
          </details>
        </li>
      ))}
    </ol>
  )
}
