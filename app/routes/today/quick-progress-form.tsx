import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { PROMPT_LEVELS, type GoalUnit } from '#shared/plan-terms.ts'
import { areaLabel, formatGoalValue, PROMPT_LEVEL_LABELS } from '#shared/plan-labels.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button, buttonClasses } from '#app/components/button.tsx'
import { Field, SelectField } from '#app/components/field.tsx'
import { RegulationChoice } from '#app/components/regulation-choice.tsx'
import { today } from '#shared/i18n/en/today.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ today })

export interface QuickProgressValues {
  goalId: string
  value: string
  promptLevel: string
  regulation: string
  note: string
}

export type QuickProgressResult =
  | { intent: 'progress'; studentId: string; ok: true; goalId: string; value: number; date: string }
  | { intent: 'progress'; studentId: string; ok: false; message: string; fieldErrors: Record<string, string[]>; values: QuickProgressValues }

export interface QuickProgressGoal {
  id: string
  area: string
  means: string
  unit: GoalUnit
}

// A symbol, not a word: the summary's own text and the details' open state are what is read aloud.
const OPEN_MARK = '▾'

/**
 * One data point for a goal without leaving the Today screen: the goal, the value, how the student seemed
 * (the context that keeps a "met" honest), and the prompt level, which the adult chooses.
 */
export function QuickProgressForm({
  studentId,
  firstName,
  goals,
  date,
  noScriptResult,
}: {
  studentId: string
  firstName: string
  goals: readonly QuickProgressGoal[]
  date: string
  /** The page action's answer when this form was posted without scripts. */
  noScriptResult: QuickProgressResult | null
}) {
  const { t } = useTranslation()
  const fetcher = useFetcher<QuickProgressResult>({ key: `progress-${studentId}` })
  const result = fetcher.data ?? noScriptResult
  const failure = result && !result.ok ? result : null
  const success = result?.ok ? result : null
  const errors = failure?.fieldErrors ?? {}
  const busy = fetcher.state !== 'idle'
  const [goalId, setGoalId] = useState(failure?.values.goalId ?? (goals.length === 1 ? (goals[0]?.id ?? '') : ''))
  const unit = goals.find((g) => g.id === goalId)?.unit
  const formRef = useRef<HTMLFormElement>(null)
  const clearedFor = useRef<unknown>(null)

  // A saved point clears the form for the next one (keeping the goal); a refused one keeps what was typed.
  useEffect(() => {
    const form = formRef.current
    if (!form || fetcher.state !== 'idle' || !fetcher.data?.ok || clearedFor.current === fetcher.data) return
    clearedFor.current = fetcher.data
    form.reset()
    const select = form.elements.namedItem('goalId')
    if (select instanceof HTMLSelectElement) select.value = goalId
  }, [fetcher.state, fetcher.data, goalId])

  if (goals.length === 0) return null
  const savedGoal = success ? goals.find((g) => g.id === success.goalId) : undefined

  return (
    <details className="group rounded-md border border-slate-300" open={result ? true : undefined}>
      <summary className={`${buttonClasses('secondary')} w-full cursor-pointer list-none border-0 [&::-webkit-details-marker]:hidden`}>
        {t('today.progress.open')}
        <span aria-hidden="true" className="group-open:rotate-180">
          {OPEN_MARK}
        </span>
      </summary>
      <fetcher.Form method="post" ref={formRef} noValidate className="space-y-4 border-t border-slate-200 p-3" aria-label={t('today.progress.formLabel', { name: firstName })}>
        <input type="hidden" name="intent" value="progress" />
        <input type="hidden" name="studentId" value={studentId} />
        <input type="hidden" name="date" value={date} />
        {success ? (
          <Alert tone="success">
            {t('today.progress.added', {
              value: formatGoalValue(success.value, savedGoal?.unit ?? ''),
              goal: savedGoal ? areaLabel(savedGoal.area) : t('today.progress.theGoal'),
              date: formatDay(success.date),
            })}
          </Alert>
        ) : null}
        {failure ? <Alert>{[failure.message, ...(errors.date ?? []), ...(errors.form ?? [])].join(' ')}</Alert> : null}
        <SelectField label={t('today.progress.goal')} name="goalId" value={goalId} onChange={(e) => setGoalId(e.target.value)} errors={errors.goalId}>
          {goals.length === 1 ? null : <option value="">{t('today.progress.chooseGoal')}</option>}
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {t('today.progress.goalOption', { area: areaLabel(g.area), means: g.means })}
            </option>
          ))}
        </SelectField>
        <Field
          label={unit ? t(`today.progress.resultIn.${unit}`) : t('today.progress.result')}
          name="value"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          defaultValue={failure?.values.value ?? ''}
          errors={errors.value}
        />
        <RegulationChoice
          legend={t('today.progress.howDidTheySeem', { name: firstName })}
          errorId={`regulation-error-${studentId}`}
          defaultValue={failure?.values.regulation}
          errors={errors.regulation}
        />
        <SelectField
          label={t('today.progress.promptLevel')}
          name="promptLevel"
          defaultValue={failure?.values.promptLevel ?? ''}
          errors={errors.promptLevel}
        >
          {/* No level is chosen for the adult: a preselected "Independent" would be saved unread. */}
          <option value="">{t('today.promptChoice.choose')}</option>
          {PROMPT_LEVELS.map((p) => (
            <option key={p} value={p}>
              {PROMPT_LEVEL_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <Field label={t('today.progress.note')} name="note" maxLength={1000} defaultValue={failure?.values.note ?? ''} errors={errors.note} />
        <Button type="submit" disabled={busy}>
          {busy ? t('today.progress.saving') : t('today.progress.add')}
        </Button>
      </fetcher.Form>
    </details>
  )
}
