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
              <div>
                <dt className="inline font-semibold">What it is: </dt>
                <dd className="inline">{s.what}</dd>
              </div>
              <div>
                <dt className="inline font-semibold">Who runs it: </dt>
                <dd className="inline">{s.whoRuns}</dd>
              </div>
              <div>
                <dt className="inline font-semibold">Cost: </dt>
                <dd className="inline">{s.cost}</dd>
              </div>
              <div>
                <dt className="inline font-semibold">Usual timeline: </dt>
                <dd className="inline">{s.timeline}</dd>
              </div>
            </dl>
          </details>
        </li>
      ))}
    </ol>
  )
}
