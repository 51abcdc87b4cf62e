import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react'

const CONTROL =
  'block w-full min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700'

interface FieldShell {
  label: string
  errors?: string[] | undefined
  hint?: ReactNode
}

function FieldFrame({ id, label, errors, hint, children }: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

function describedBy(id: string, errors?: string[], hint?: ReactNode) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
}

export function Field({ label, errors, hint, id, ...input }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId()
  const inputId = id ?? generated
  return (
    <FieldFrame id={inputId} label={label} errors={errors} hint={hint}>
      <input
        id={inputId}
        className={CONTROL}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(inputId, errors, hint)}
        {...input}
      />
    </FieldFrame>
  )
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
