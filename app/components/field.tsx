import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { DATE_MAX, DATE_MIN } from '#shared/school-date.ts'
import { SESSION_MINUTES } from '#shared/plan-terms.ts'

const CONTROL =
  'block w-full min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700'

interface FieldShell {
  label: string
  errors?: string[] | undefined
  hint?: ReactNode
}

/** A field's hint, named `<id>-hint` so the control can point at it with aria-describedby. */
export function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="text-sm text-slate-600">
      {hint}
    </p>
  ) : null
}

function FieldFrame({ id, label, errors, hint, below, children }: FieldShell & { id: string; below?: ReactNode; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-slate-800">
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {errors.join(' ')}
        </p>
      ) : null}
      {below}
    </div>
  )
}

function describedBy(id: string, errors?: string[], hint?: ReactNode, extra?: string) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null, extra].filter(Boolean).join(' ') || undefined
}

export function Field({ label, errors, hint, id, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId()
  const inputId = id ?? generated
  // Date pickers offer only the range every schema accepts (shared/schemas/dates.ts); a page may narrow it.
  const range = input.type === 'date' ? { min: DATE_MIN, max: DATE_MAX } : {}
  return (
    <FieldFrame id={inputId} label={label} errors={errors} hint={hint}>
      <input
        id={inputId}
        className={CONTROL}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(inputId, errors, hint)}
        {...range}
        {...input}
      />
    </FieldFrame>
  )
}

/** The day something happened: a date picker that offers nothing after `today` (the school's today, from the loader). */
export function DateUpToTodayField({ today, ...field }: FieldShell & { today: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'max'>) {
  return <Field {...field} type="date" max={today} />
}

/** Minutes of one session: a whole number from 1 to 240, as the schemas accept, with the phone's number pad. */
export function SessionMinutesField(props: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  return <Field type="number" inputMode="numeric" min={SESSION_MINUTES.min} max={SESSION_MINUTES.max} {...props} />
}

export function SelectField({
  label,
  errors,
  hint,
  id,
  children,
  ...select
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const generated = useId()
  const selectId = id ?? generated
  return (
    <FieldFrame id={selectId} label={label} errors={errors} hint={hint}>
      <select
        id={selectId}
        className={CONTROL}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(selectId, errors, hint)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  )
}

/**
 * A multi-line text field. `below` renders under the control (a character count, plain-language help);
 * `describedBy` adds ids of such pieces to what a screen reader reads with the field.
 */
export const TextareaField = forwardRef<
  HTMLTextAreaElement,
  FieldShell & { below?: ReactNode; describedBy?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>
>(function TextareaField({ label, errors, hint, id, below, describedBy: extraDescribedBy, rows = 4, ...textarea }, ref) {
  const generated = useId()
  const textareaId = id ?? generated
  return (
    <FieldFrame id={textareaId} label={label} errors={errors} hint={hint} below={below}>
      <textarea
        ref={ref}
        id={textareaId}
        rows={rows}
        className={CONTROL}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(textareaId, errors, hint, extraDescribedBy)}
        {...textarea}
      />
    </FieldFrame>
  )
})
