import { Form, Link } from '@remix-run/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { FormFailure } from '#app/utils/plan-form.ts'
import { Alert } from './alert.tsx'
import { Button, buttonClasses } from './button.tsx'
import { FieldHint, TextareaField } from './field.tsx'
import { CharacterCount } from './plain-language-help.tsx'

/**
 * After a refused save, focus goes to the first field marked wrong, so a keyboard or screen-reader user
 * lands on what to fix; the alert above the form says why.
 */
export function useFocusFirstError(failure: FormFailure | null | undefined) {
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (!failure) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [failure])
  return formRef
}

/**
 * A plan form that checks on the server: the refusal's message on top, and focus on the first field marked
 * wrong after a refused save.
 */
export function CheckedForm({ failure, children }: { failure: FormFailure | null | undefined; children: ReactNode }) {
  const formRef = useFocusFirstError(failure)
  return (
    <Form method="post" noValidate ref={formRef} className="space-y-6">
      {failure ? <Alert>{failure.message}</Alert> : null}
      {children}
    </Form>
  )
}

/**
 * A text area's value for live help and counts. Typing that happened before the page's scripts loaded is
 * picked up once scripts run, so the help and the saved value never disagree with what is on screen.
 */
export function useTypedText(initial: string) {
  const [value, setValue] = useState(initial)
  const ref = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    const typed = ref.current?.value
    if (typed !== undefined && typed !== initial) setValue(typed)
    // Only once, at hydration: afterwards onChange keeps the two in step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return { value, setValue, ref }
}

/** A text area with a live "n of max characters" count under it. */
export function CountedTextareaField({
  id,
  label,
  name,
  hint,
  initial,
  max,
  errors,
  rows = 3,
}: {
  id: string
  label: string
  name: string
  hint?: string
  initial: string
  max: number
  errors: string[] | undefined
  rows?: number
}) {
  const { value, setValue, ref } = useTypedText(initial)
  return (
    <TextareaField
      ref={ref}
      id={id}
      label={label}
      name={name}
      hint={hint}
      rows={rows}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      errors={errors}
      describedBy={`${id}-count`}
      below={<CharacterCount id={`${id}-count`} length={value.length} max={max} />}
    />
  )
}

export function Fieldset({ legend, hint, children }: { legend: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-4 border-t border-slate-200 pt-4">
      <legend className="pr-2 text-lg font-semibold text-slate-900">{legend}</legend>
      {hint ? <p className="-mt-2 text-slate-700">{hint}</p> : null}
      {children}
    </fieldset>
  )
}

/** What a record's form is given: the values to show, the last refusal, whether it is saving, and where Cancel leads. */
export interface RecordFormProps<V> {
  values: V
  failure: FormFailure | null
  busy: boolean
  cancelTo: string
}

/** Save and Cancel: whether it is saving, the button's words, where Cancel leads, and what saving does. */
export interface FormActionsProps {
  busy: boolean
  submitLabel: string
  cancelTo: string
  footnote?: ReactNode
}

/** Save and Cancel, stacked on a phone; `footnote` says what saving does. */
export function FormActions({ busy, submitLabel, cancelTo, footnote }: FormActionsProps) {
  const { t } = useTranslation()
  return (
    <div className="space-y-3 border-t border-slate-200 pt-4">
      {footnote ? <p className="text-slate-700">{footnote}</p> : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" disabled={busy}>
          {busy ? t('components.saving') : submitLabel}
        </Button>
        <Link to={cancelTo} className={buttonClasses('secondary')}>
          {t('components.cancel')}
        </Link>
      </div>
    </div>
  )
}

/** A checkbox whose whole row is its label, so the tap target is the 44 px row and not the small box. */
export function CheckboxField({
  id,
  label,
  name,
  value,
  defaultChecked,
  checked,
  onChange,
  hint,
}: {
  id: string
  label: string
  name: string
  value?: string
  defaultChecked?: boolean
  checked?: boolean
  onChange?: (checked: boolean) => void
  hint?: string
}) {
  return (
    <div>
      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3 font-medium text-slate-800">
        <input
          id={id}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          checked={checked}
          onChange={onChange ? (e) => onChange(e.target.checked) : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="h-5 w-5 shrink-0 accent-brand-700"
        />
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
    </div>
  )
}
