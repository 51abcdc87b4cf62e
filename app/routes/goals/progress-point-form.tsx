import { Form } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { trialPercentage, trialPromptLevel } from '#shared/mastery.ts'
import { PROMPT_LEVELS, TRIAL_RESULTS, type GoalUnit, type TrialResult } from '#shared/schemas/plan.ts'
import { PROMPT_LEVEL_LABELS, TRIAL_LABELS } from '#shared/plan-labels.ts'
import { typedValue, type FormFailure, type TypedFields } from '#app/utils/plan-form.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { DateUpToTodayField, Field, SelectField } from '#app/components/field.tsx'
import { RegulationChoice } from '#app/components/regulation-choice.tsx'
import { goals } from '#shared/i18n/en/goals.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ goals })

/** A refused "Add a data point", with what was typed. */
export type ProgressFormFailure = FormFailure & { values: TypedFields }

function isTrial(value: string): value is TrialResult {
  return (TRIAL_RESULTS as readonly string[]).includes(value)
}

/**
 * "Add a data point". Percent goals can also be recorded trial by trial: each tap appends a trial and the
 * percentage shows at once; the server computes the stored value from the same trials. Typed values come
 * back from a refused submit, so nothing entered is lost.
 */
export function ProgressPointForm({
  unit,
  studentFirstName,
  today,
  failure,
  busy,
}: {
  unit: GoalUnit
  studentFirstName: string
  today: string
  failure: ProgressFormFailure | null
  busy: boolean
}) {
  const { t } = useTranslation()
  const values = failure?.values
  const typed = (name: string) => typedValue(values, name)
  // A field's message goes once the adult changes that field; the next submit brings back what is still wrong.
  const [cleared, setCleared] = useState<{ failure: ProgressFormFailure | null; fields: string[] }>({ failure, fields: [] })
  const clearedFields = cleared.failure === failure ? cleared.fields : []
  const clear = (...fields: string[]) => {
    if (fields.some((f) => failure?.fieldErrors[f] && !clearedFields.includes(f))) setCleared({ failure, fields: [...clearedFields, ...fields] })
  }
  const errors = Object.fromEntries(Object.entries(failure?.fieldErrors ?? {}).filter(([field]) => !clearedFields.includes(field)))
  const showFailure = failure && (Object.keys(errors).length > 0 || Object.keys(failure.fieldErrors).length === 0)
  const trialsAllowed = unit === 'percent'
  const [mode, setMode] = useState<'value' | 'trials'>(trialsAllowed && typed('mode') === 'trials' ? 'trials' : 'value')
  const [trials, setTrials] = useState<TrialResult[]>(() => (values?.trials ?? []).filter(isTrial))
  const [promptLevel, setPromptLevel] = useState(typed('promptLevel'))
  const [promptTouched, setPromptTouched] = useState(typed('promptLevel') !== '')

  function changeTrials(next: TrialResult[]) {
    setTrials(next)
    // Suggest the least intrusive prompt level the trials allow, until the adult picks one themselves.
    if (!promptTouched) setPromptLevel(next.length ? trialPromptLevel(next) : '')
    clear('value', 'trials', ...(!promptTouched && next.length ? ['promptLevel'] : []))
  }

  const recordModes = [
    ['value', t('goals.typeResult')],
    ['trials', t('goals.tapTrials')],
  ] as const
  const trialErrors = [...(errors.trials ?? []), ...(mode === 'trials' ? (errors.value ?? []) : [])]
  const regulationErrors = errors.regulation
  const independent = trials.filter((trial) => trial === 'independent').length

  return (
    <Form method="post" noValidate className="space-y-5" onChange={(e) => clear((e.target as HTMLInputElement).name)}>
      <input type="hidden" name="intent" value="add" />
      {showFailure ? <Alert>{failure.message}</Alert> : null}
      <DateUpToTodayField
        label={t('goals.date')}
        name="date"
        today={today}
        defaultValue={values ? typed('date') : today}
        errors={errors.date}
        required
      />

      {trialsAllowed ? (
        <fieldset className="space-y-2">
          <legend className="font-medium text-slate-800">{t('goals.recordHow')}</legend>
          <div className="flex flex-wrap gap-2">
            {recordModes.map(([key, label]) => (
              <label key={key} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                <input type="radio" name="mode" value={key} checked={mode === key} onChange={() => setMode(key)} className="size-5 accent-brand-700" />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="mode" value="value" />
      )}

      {mode === 'value' ? (
        <Field
          label={t('goals.result', { unit: t(`goals.unitWord.${unit}`) })}
          name="value"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          defaultValue={typed('value')}
          errors={errors.value}
        />
      ) : (
        <div className="space-y-3" role="group" aria-labelledby="trials-heading" aria-describedby={trialErrors.length ? 'trials-error' : undefined}>
          <p id="trials-heading" className="font-medium text-slate-800">
            {t('goals.trialsHeading')}
          </p>
          {/* One field per tap, so the form posts the list the schema reads. */}
          {trials.map((trial, i) => (
            <input key={i} type="hidden" name="trials" value={trial} />
          ))}
          <div className="flex flex-wrap gap-2">
            {TRIAL_RESULTS.map((result) => (
              <Button key={result} variant="secondary" onClick={() => changeTrials([...trials, result])} disabled={trials.length >= 50}>
                {TRIAL_LABELS[result]}
              </Button>
            ))}
          </div>
          <div aria-live="polite" className="rounded-md bg-slate-100 p-3">
            {trials.length === 0 ? (
              <p className="text-slate-700">{t('goals.noTrials')}</p>
            ) : (
              <>
                <p className="text-lg font-semibold" data-testid="trial-percentage">
                  {t('goals.trialPercentage', { percent: trialPercentage(trials) })}
                  <span className="font-normal text-slate-700"> {t('goals.trialCount', { independent, count: trials.length })}</span>
                </p>
                <ol aria-label={t('goals.trialsSoFar')} className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-800">
                  {trials.map((trial, i) => (
                    <li key={i}>
                      {i + 1}. {TRIAL_LABELS[trial]}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </div>
          <Button variant="secondary" onClick={() => changeTrials(trials.slice(0, -1))} disabled={trials.length === 0}>
            {t('goals.undoTrial')}
          </Button>
          {trialErrors.length ? (
            <p id="trials-error" className="text-sm font-medium text-red-800">
              {trialErrors.join(' ')}
            </p>
          ) : null}
        </div>
      )}

      <SelectField
        label={t('goals.promptLevelField')}
        name="promptLevel"
        value={promptLevel}
        onChange={(e) => {
          setPromptLevel(e.target.value)
          setPromptTouched(true)
        }}
        errors={errors.promptLevel}
      >
        <option value="">{t('goals.choose')}</option>
        {PROMPT_LEVELS.map((p) => (
          <option key={p} value={p}>
            {PROMPT_LEVEL_LABELS[p]}
          </option>
        ))}
      </SelectField>

      <RegulationChoice
        legend={t('goals.regulationLegend', { name: studentFirstName })}
        errorId="regulation-error"
        defaultValue={typed('regulation')}
        errors={regulationErrors}
      />

      <Field label={t('goals.noteOptional')} name="note" defaultValue={typed('note')} errors={errors.note} maxLength={1000} />

      <Button type="submit" disabled={busy}>
        {t('goals.addPointButton')}
      </Button>
    </Form>
  )
}
