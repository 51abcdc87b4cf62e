import { useTranslation } from '#app/utils/use-translation.ts'
import { Term } from '#app/components/term.tsx'
import { LADDER, type Step } from '#shared/concerns.ts'
import { concerns } from '#shared/i18n/en/concerns.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ concerns })

/** The six steps in plain language; the current one is marked. Each opens with a keyboard (native details). */
export function LadderExplainer({ current }: { current?: Step }) {
  const { t } = useTranslation()
  return (
    <ol className="space-y-2" aria-label={t('concerns.ladderLabel')}>
      {LADDER.map((s) => (
        <li key={s.step}>
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="min-h-11 cursor-pointer font-medium text-slate-900">
              {t('concerns.ladderStep', { step: s.step, title: s.title })}
              {current === s.step ? t('concerns.currentStep') : ''}
            </summary>
            <dl className="mt-2 space-y-1 text-slate-700">
              <Term term={t('concerns.whatItIs')}>{s.what}</Term>
              <Term term={t('concerns.whoRuns')}>{s.whoRuns}</Term>
              <Term term={t('concerns.cost')}>{s.cost}</Term>
              <Term term={t('concerns.timeline')}>{s.timeline}</Term>
            </dl>
          </details>
        </li>
      ))}
    </ol>
  )
}
