import { Form, useNavigation } from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import { formatSchoolDate } from '#shared/school-date.ts'
import { MISSED_REASONS, REASON_LABELS, type MissedReason } from '#shared/services.ts'
import { failureFor, type SessionActionData, type SessionIntent } from './session-forms.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Field, SelectField, SessionMinutesField } from '#app/components/field.tsx'
import { useFocusFirstError } from '#app/components/form-parts.tsx'

/**
 * A disclosure holding one small form: a week of sessions stays readable on a phone, and it works before
 * scripts load. Closed, the disclosures sit side by side; an open one takes the whole row.
 */
export function ActionDisclosure({ summary, label, open, children }: { summary: string; label: string; open?: boolean; children: ReactNode }) {
  return (
    <details open={open} className="rounded-md border border-slate-300 bg-white open:w-full">
      <summary aria-label={label} className="flex min-h-11 cursor-pointer items-center px-4 font-medium text-brand-800">
        {summary}
      </summary>
      <div className="space-y-3 border-t border-slate-200 p-3">{children}</div>
    </details>
  )
}

type Failure = ReturnType<typeof failureFor>

/** The server's message on the form that asked, with any error that has no field of its own here. */
function FormAlert({ failure, fields }: { failure: Failure; fields: string[] }) {
  if (!failure) return null
  const elsewhere = Object.entries(failure.fieldErrors)
    .filter(([field]) => !fields.includes(field))
    .flatMap(([, messages]) => messages)
    .filter((m) => m !== failure.message)
  return (
    <Alert>
      {failure.message}
      {elsewhere.length ? ` ${elsewhere.join(' ')}` : ''}
    </Alert>
  )
}

function useBusy(intent: SessionIntent, target: string): boolean {
  const navigation = useNavigation()
  return navigation.state === 'submitting' && navigation.formData?.get('intent') === intent && navigation.formData.get('target') === target
}

function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  )
}

function SessionForm({
  intent,
  target,
  hidden,
  failure,
  fields,
  submitLabel,
  danger,
  children,
}: {
  intent: SessionIntent
  target: string
  hidden: Record<string, string>
  failure: Failure
  fields: string[]
  submitLabel: string
  danger?: boolean
  children: ReactNode
}) {
  const formRef = useFocusFirstError(failure)
  const busy = useBusy(intent, target)
  return (
    <Form method="post" preventScrollReset noValidate ref={formRef} className="space-y-3">
      <Hidden fields={{ intent, target, ...hidden }} />
      <FormAlert failure={failure} fields={fields} />
      {children}
      <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={busy}>
        {busy ? 'Saving…' : submitLabel}
      </Button>
    </Form>
  )
}

function ReasonOptions({ placeholder }: { placeholder: string }) {
  return (
    <>
      <option value="">{placeholder}</option>
      {MISSED_REASONS.map((r) => (
        <option key={r} value={r}>
          {REASON_LABELS[r]}
        </option>
      ))}
    </>
  )
}

export interface SessionTarget {
  studentId: string
  serviceId: string
  date: string
  mandateMinutes: number
  /** "Speech-language therapy, Tue, Oct 14 (Johnny Miller)": names every control of this session. */
  name: string
  target: string
}

/** Delivered (minutes prefilled with the mandate) or Missed (with a reason), for a session with no record. */
export function RecordSessionForms({ session, result }: { session: SessionTarget; result: SessionActionData | undefined }) {
  const delivered = failureFor(result, 'delivered', session.target)
  const missed = failureFor(result, 'missed', session.target)
  const hidden = { studentId: session.studentId, serviceId: session.serviceId, date: session.date }
  return (
    <div className="flex flex-wrap gap-2">
      <ActionDisclosure summary="Delivered" label={`Delivered: ${session.name}`} open={delivered ? true : undefined}>
        <SessionForm intent="delivered" target={session.target} hidden={hidden} failure={delivered} fields={['minutes', 'note']} submitLabel="Save delivered">
          <SessionMinutesField
            label="Minutes given"
            name="minutes"
            hint={`The plan says ${session.mandateMinutes} min. Fewer minutes count as a shortfall.`}
            defaultValue={delivered?.values.minutes ?? session.mandateMinutes}
            errors={delivered?.fieldErrors.minutes}
          />
          <Field label="Note (optional)" name="note" maxLength={500} defaultValue={delivered?.values.note ?? ''} errors={delivered?.fieldErrors.note} />
        </SessionForm>
      </ActionDisclosure>
      <ActionDisclosure summary="Missed" label={`Missed: ${session.name}`} open={missed ? true : undefined}>
        <SessionForm intent="missed" target={session.target} hidden={hidden} failure={missed} fields={['reason', 'note']} submitLabel="Save missed">
          <SelectField label="Why was it missed?" name="reason" defaultValue={missed?.values.reason ?? ''} errors={missed?.fieldErrors.reason}>
            <ReasonOptions placeholder="Choose a reason" />
          </SelectField>
          <Field label="Note (optional)" name="note" maxLength={500} defaultValue={missed?.values.note ?? ''} errors={missed?.fieldErrors.note} />
        </SessionForm>
      </ActionDisclosure>
    </div>
  )
}

export interface RecordTarget {
  studentId: string
  recordId: string
  kind: 'delivered' | 'missed' | 'make_up'
  minutes: number | null
  reason: MissedReason | null
  note: string | null
  name: string
}

/** Correct (a new version, with why) or Void (struck through, with why) a live record. */
export function ChangeRecordForms({ record, result }: { record: RecordTarget; result: SessionActionData | undefined }) {
  const correct = failureFor(result, 'correct', record.recordId)
  const voiding = failureFor(result, 'void', record.recordId)
  const hidden = { studentId: record.studentId, recordId: record.recordId }
  return (
    <div className="flex flex-wrap gap-2">
      <ActionDisclosure summary="Correct" label={`Correct: ${record.name}`} open={correct ? true : undefined}>
        <SessionForm
          intent="correct"
          target={record.recordId}
          hidden={hidden}
          failure={correct}
          fields={['kind', 'minutes', 'reason', 'note', 'changeReason']}
          submitLabel="Save correction"
        >
          <p className="text-sm text-slate-700">The record keeps its earlier version; the correction is added with your name and why.</p>
          {record.kind === 'make_up' ? (
            <MinutesField record={record} failure={correct} />
          ) : (
            <KindFields record={record} failure={correct} />
          )}
          <Field label="Note (optional)" name="note" maxLength={500} defaultValue={correct?.values.note ?? record.note ?? ''} errors={correct?.fieldErrors.note} />
          <ChangeReasonField label="Why is it corrected?" failure={correct} />
        </SessionForm>
      </ActionDisclosure>
      <ActionDisclosure summary="Void" label={`Void: ${record.name}`} open={voiding ? true : undefined}>
        <SessionForm intent="void" target={record.recordId} hidden={hidden} failure={voiding} fields={['changeReason']} submitLabel="Void record" danger>
          <p className="text-sm text-slate-700">A voided record stays visible, struck through, with your reason. Use it for a record that should not exist.</p>
          <ChangeReasonField label="Why is this record wrong?" failure={voiding} />
        </SessionForm>
      </ActionDisclosure>
    </div>
  )
}

/** Every correction and void says why: the reason stays on the record beside the change. */
function ChangeReasonField({ label, failure }: { label: string; failure: Failure }) {
  return (
    <Field
      label={label}
      name="changeReason"
      maxLength={300}
      required
      defaultValue={failure?.values.changeReason ?? ''}
      errors={failure?.fieldErrors.changeReason}
    />
  )
}

function MinutesField({ record, failure }: { record: RecordTarget; failure: Failure }) {
  return (
    <SessionMinutesField
      label="Minutes given"
      name="minutes"
      defaultValue={failure?.values.minutes ?? record.minutes ?? ''}
      errors={failure?.fieldErrors.minutes}
    />
  )
}

/**
 * Delivered or missed, and what goes with it: the minutes show under "Delivered", the reason under "Missed"
 * (by CSS, so it works before scripts load).
 */
function KindFields({ record, failure }: { record: RecordTarget; failure: Failure }) {
  const kind = failure?.values.kind ?? record.kind
  const kindName = `kind-${record.recordId}`
  return (
    <div className="group/kind space-y-3">
      <fieldset className="min-w-0">
        <legend className="font-medium text-slate-800">It was</legend>
        {(['delivered', 'missed'] as const).map((k) => (
          <label key={k} className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-800">
            <input type="radio" name="kind" value={k} defaultChecked={kind === k} className={`kind-${k} h-5 w-5 shrink-0 accent-brand-700`} id={`${kindName}-${k}`} />
            {k === 'delivered' ? 'Delivered' : 'Missed'}
          </label>
        ))}
      </fieldset>
      <div className="hidden group-has-[.kind-delivered:checked]/kind:block">
        <MinutesField record={record} failure={failure} />
      </div>
      <div className="hidden group-has-[.kind-missed:checked]/kind:block">
        <SelectField label="Why was it missed?" name="reason" defaultValue={failure?.values.reason ?? record.reason ?? ''} errors={failure?.fieldErrors.reason}>
          <ReasonOptions placeholder="Choose a reason" />
        </SelectField>
      </div>
    </div>
  )
}

/**
 * A make-up: a delivered session on a later school day that repays a missed (or unrecorded) one. The
 * minutes follow the session chosen, until the person types their own.
 */
export function MakeUpForm({
  studentId,
  serviceId,
  name,
  defaultDate,
  today,
  owed,
  result,
}: {
  studentId: string
  serviceId: string
  /** "Speech-language therapy (Johnny Miller)" */
  name: string
  defaultDate: string
  today: string
  owed: { date: string; owedMinutes: number }[]
  result: SessionActionData | undefined
}) {
  const failure = failureFor(result, 'make_up', serviceId)
  const [repays, setRepays] = useState(failure?.values.repaysDate ?? owed.at(-1)?.date ?? '')
  const [minutes, setMinutes] = useState<string | null>(failure?.values.minutes ?? null)
  const owedFor = owed.find((o) => o.date === repays)?.owedMinutes
  if (owed.length === 0) return <p className="text-slate-700">Nothing is owed.</p>
  return (
    <ActionDisclosure summary="Record a make-up" label={`Record a make-up: ${name}`} open={failure ? true : undefined}>
      <SessionForm
        intent="make_up"
        target={serviceId}
        hidden={{ studentId, serviceId }}
        failure={failure}
        fields={['repaysDate', 'date', 'minutes', 'note']}
        submitLabel="Save make-up"
      >
        <SelectField
          label="Which session does it repay?"
          name="repaysDate"
          value={repays}
          onChange={(e) => setRepays(e.target.value)}
          errors={failure?.fieldErrors.repaysDate}
        >
          {owed.map((o) => (
            <option key={o.date} value={o.date}>
              {formatSchoolDate(o.date)}, {o.date.slice(0, 4)}: {o.owedMinutes} min owed
            </option>
          ))}
        </SelectField>
        <Field
          label="Date held"
          name="date"
          type="date"
          max={today}
          hint="A school day after the session it repays, up to today."
          defaultValue={failure?.values.date ?? defaultDate}
          errors={failure?.fieldErrors.date}
        />
        <SessionMinutesField
          label="Minutes given"
          name="minutes"
          value={minutes ?? String(owedFor ?? '')}
          onChange={(e) => setMinutes(e.target.value)}
          errors={failure?.fieldErrors.minutes}
        />
        <Field label="Note (optional)" name="note" maxLength={500} defaultValue={failure?.values.note ?? ''} errors={failure?.fieldErrors.note} />
      </SessionForm>
    </ActionDisclosure>
  )
}
