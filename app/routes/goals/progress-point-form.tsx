import { Form } from '@remix-run/react'
import { useState } from 'react'
import { trialPercentage, trialPromptLevel } from '#shared/mastery.ts'
import { PROMPT_LEVELS, REGULATION_STATES, TRIAL_RESULTS, type GoalUnit, type TrialResult } from '#shared/schemas/plan.ts'
import { PROMPT_LEVEL_LABELS, REGULATION_LABELS, TRIAL_LABELS } from '#app/utils/plan-labels.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Field, SelectField } from '#app/components/field.tsx'
import { RegulationMark } from '#app/components/regulation-mark.tsx'

export interface ProgressFormValues {
  date: string
  mode: string
  value: string
  trials: string
  promptLevel: string
  regulation: string
  note: string
}

export interface ProgressFormFailure {
  message: string
  fieldErrors: Record<string, string[]>
  values: ProgressFormValues
}

const UNIT_WORDS: Record<GoalUnit, string> = { percent: 'percent', minutes: 'minutes', count: 'number of times' }

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
  const values = failure?.values
  // A field's message goes once the adult changes that field; the next submit brings back what is still wrong.
  const [cleared, setCleared] = useState<{ failure: ProgressFormFailure | null; fields: string[] }>({ failure, fields: [] })
  const clearedFields = cleared.failure === failure ? cleared.fields : []
  const clear = (...fields: string[]) => {
    if (fields.some((f) => failure?.fieldErrors[f] && !clearedFields.includes(f))) setCleared({ failure, fields: [...clearedFields, ...fields] })
  }
  const errors = Object.fromEntries(Object.entries(failure?.fieldErrors ?? {}).filter(([field]) => !clearedFields.includes(field)))
  const showFailure = failure && (Object.keys(errors).length > 0 || Object.keys(failure.fieldErrors).length === 0)
  const trialsAllowed = unit === 'percent'
  const [mode, setMode] = useState<'value' | 'trials'>(trialsAllowed && values?.mode === 'trials' ? 'trials' : 'value')
  const [trials, setTrials] = useState<TrialResult[]>(() => (values?.trials ?? '').split(',').filter(isTrial))
  const [promptLevel, setPromptLevel] = useState(values?.promptLevel ?? '')
  const [promptTouched, setPromptTouched] = useState(Boolean(values?.promptLevel))

  function changeTrials(next: TrialResult[]) {
    setTrials(next)
    // Suggest the least intrusive prompt level the trials allow, until the adult picks one themselves.
    if (!promptTouched) setPromptLevel(next.length ? trialPromptLevel(next) : '')
    clear('value', 'trials', ...(!promptTouched && next.length ? ['promptLevel'] : []))
  }

  const trialErrors = [...(errors.trials ?? []), ...(mode === 'trials' ? (errors.value ?? []) : [])]
  const regulationErrors = errors.regulation
  const independent = trials.filter((t) => t === 'independent').length

  return (
    <Form method="post" noValidate className="space-y-5" onChange={(e) => clear((e.target as HTMLInputElement).name)}>
      <input type="hidden" name="intent" value="add" />
      {showFailure ? <Alert>{failure.message}</Alert> : null}
      <Field
        label="Date"
        name="date"
        type="date"
        max={today}
        defaultValue={values?.date ?? today}
        errors={errors.date}
        required
      />

      {trialsAllowed ? (
        <fieldset className="space-y-2">
          <legend className="font-medium text-slate-800">How do you want to record it?</legend>
          <div className="flex flex-wrap gap-2">
            {(
              [
                ['value', 'Type the result'],
                ['trials', 'Tap each trial'],
              ] as const
            ).map(([key, label]) => (
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
          label={`Result (${UNIT_WORDS[unit]})`}
          name="value"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          defaultValue={values?.value ?? ''}
          errors={errors.value}
        />
      ) : (
        <div className="space-y-3" role="group" aria-labelledby="trials-heading" aria-describedby={trialErrors.length ? 'trials-error' : undefined}>
          <p id="trials-heading" className="font-medium text-slate-800">
            Trials: tap one button per try
          </p>
          <input type="hidden" name="trials" value={trials.join(',')} />
          <div className="flex flex-wrap gap-2">
            {TRIAL_RESULTS.map((t) => (
              <Button key={t} variant="secondary" onClick={() => changeTrials([...trials, t])} disabled={trials.length >= 50}>
                {TRIAL_LABELS[t]}
              </Button>
            ))}
          </div>
          <div aria-live="polite" className="rounded-md bg-slate-100 p-3">
            {trials.length === 0 ? (
              <p className="text-slate-700">No trials yet.</p>
            ) : (
              <>
                <p className="text-lg font-semibold" data-testid="trial-percentage">
                  {trialPercentage(trials)}% independent
                  <span className="font-normal text-slate-700">
                    {' '}
                    ({independent} of {trials.length} {trials.length === 1 ? 'trial' : 'trials'})
                  </span>
                </p>
                <ol aria-label="Trials so far" className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-800">
                  {trials.map((t, i) => (
                    <li key={i}>
                      {i + 1}. {TRIAL_LABELS[t]}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </div>
          <Button variant="secondary" onClick={() => changeTrials(trials.slice(0, -1))} disabled={trials.length === 0}>
            Undo last trial
          </Button>
          {trialErrors.length ? (
            <p id="trials-error" className="text-sm font-medium text-red-800">
              {trialErrors.join(' ')}
            </p>
          ) : null}
        </div>
      )}

      <SelectField
        label="Prompt level: how much help"
        name="promptLevel"
        value={promptLevel}
        onChange={(e) => {
          setPromptLevel(e.target.value)
          setPromptTouched(true)
        }}
        errors={errors.promptLevel}
      >
        <option value="">Choose…</option>
        {PROMPT_LEVELS.map((p) => (
          <option key={p} value={p}>
            {PROMPT_LEVEL_LABELS[p]}
          </option>
        ))}
      </SelectField>

      <fieldset className="space-y-2" aria-describedby={regulationErrors?.length ? 'regulation-error' : undefined}>
        <legend className="font-medium text-slate-800">Regulation state: how did {studentFirstName} seem?</legend>
        <div className="flex flex-wrap gap-2">
          {REGULATION_STATES.map((r) => (
            <label
              key={r}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="regulation"
                value={r}
                defaultChecked={values?.regulation === r}
                aria-invalid={regulationErrors?.length ? true : undefined}
                className="size-5 accent-brand-700"
              />
              <RegulationMark state={r} />
              {REGULATION_LABELS[r]}
            </label>
          ))}
        </div>
        {regulationErrors?.length ? (
          <p id="regulation-error" className="text-sm font-medium text-red-800">
            {regulationErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>

      <Field label="Note (optional)" name="note" defaultValue={values?.note ?? ''} errors={errors.note} maxLength={1000} />

      <Button type="submit" disabled={busy}>
        Add data point
      </Button>
    </Form>
  )
}
