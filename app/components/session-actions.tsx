import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { REASON_LABELS, MISSED_REASONS } from '#shared/services.ts'
import { Button } from './button.tsx'
import { Field, SelectField } from './field.tsx'

/** A disclosure holding one small form: keeps a week of sessions readable on a phone. */
export function ActionDisclosure({ summary, label, children }: { summary: string; label: string; children: ReactNode }) {
  return (
    <details className="rounded-md border border-slate-300 bg-white">
      <summary aria-label={label} className="flex min-h-11 cursor-pointer items-center px-3 font-medium text-brand-800">
        {summary}
      </summary>
      <div className="space-y-3 border-t border-slate-200 p-3">{children}</div>
    </details>
  )
}

interface Target {
  studentId: string
  serviceId: string
  serviceName: string
  date: string
  dateLabel: string
  mandateMinutes: number
}

export function RecordSessionForms({ target, errors }: { target: Target; errors?: Record<string, string[]> }) {
  const what = `${target.serviceName}, ${target.dateLabel}`
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <ActionDisclosure summary="Delivered" label={`Delivered: ${what}`}>
        <Form method="post" className="space-y-3" noValidate>
          <Hidden target={target} intent="delivered" />
          <Field label="Minutes given" name="minutes" type="number" inputMode="numeric" min={1} max={240} defaultValue={target.mandateMinutes} errors={errors?.minutes} />
          <Field label="Note (optional)" name="note" maxLength={500} />
          <Button type="submit">Save delivered</Button>
        </Form>
      </ActionDisclosure>
      <ActionDisclosure summary="Missed" label={`Missed: ${what}`}>
        <Form method="post" className="space-y-3" noValidate>
          <Hidden target={target} intent="missed" />
          <SelectField label="Why was it missed?" name="reason" defaultValue="provider_absent" errors={errors?.reason}>
            {MISSED_REASONS.map((r) => (
              <option key={r} value={r}>
                {REASON_LABELS[r]}
              </option>
            ))}
          </SelectField>
          <Field label="Note (optional)" name="note" maxLength={500} />
          <Button type="submit">Save missed</Button>
        </Form>
      </ActionDisclosure>
    </div>
  )
}

function Hidden({ target, intent }: { target: Target; intent: string }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="studentId" value={target.studentId} />
      <input type="hidden" name="serviceId" value={target.serviceId} />
      <input type="hidden" name="date" value={target.date} />
    </>
  )
}

export function ChangeRecordForms({ studentId, recordId, what, kind }: { studentId: string; recordId: string; what: string; kind: string }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      {kind !== 'make_up' ? (
        <ActionDisclosure summary="Correct" label={`Correct: ${what}`}>
          <Form method="post" className="space-y-3" noValidate>
            <input type="hidden" name="intent" value="correct" />
            <input type="hidden" name="studentId" value={studentId} />
            <input type="hidden" name="recordId" value={recordId} />
            <SelectField label="It was" name="kind" defaultValue={kind}>
              <option value="delivered">Delivered</option>
              <option value="missed">Missed</option>
            </SelectField>
            <Field label="Minutes given (if delivered)" name="minutes" type="number" inputMode="numeric" min={1} max={240} />
            <SelectField label="Reason (if missed)" name="reason" defaultValue="">
              <option value="">—</option>
              {MISSED_REASONS.map((r) => (
                <option key={r} value={r}>
                  {REASON_LABELS[r]}
                </option>
              ))}
            </SelectField>
            <Field label="Why is it corrected?" name="changeReason" required maxLength={300} />
            <Button type="submit">Save correction</Button>
          </Form>
        </ActionDisclosure>
      ) : null}
      <ActionDisclosure summary="Void" label={`Void: ${what}`}>
        <Form method="post" className="space-y-3" noValidate>
          <input type="hidden" name="intent" value="void" />
          <input type="hidden" name="studentId" value={studentId} />
          <input type="hidden" name="recordId" value={recordId} />
          <Field label="Why is this record wrong?" name="changeReason" required maxLength={300} />
          <Button type="submit" variant="danger">
            Void record
          </Button>
        </Form>
      </ActionDisclosure>
    </div>
  )
}

export function MakeUpForm({
  studentId,
  serviceId,
  serviceName,
  today,
  owed,
  formatDate,
}: {
  studentId: string
  serviceId: string
  serviceName: string
  today: string
  owed: { date: string; owedMinutes: number }[]
  formatDate: (d: string) => string
}) {
  if (owed.length === 0) return null
  return (
    <ActionDisclosure summary={`Record a make-up for ${serviceName}`} label={`Make-up: ${serviceName}`}>
      <Form method="post" className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="make_up" />
        <input type="hidden" name="studentId" value={studentId} />
        <input type="hidden" name="serviceId" value={serviceId} />
        <SelectField label="Which missed session does it repay?" name="repaysDate">
          {owed.map((o) => (
            <option key={o.date} value={o.date}>
              {formatDate(o.date)} — {o.owedMinutes} min owed
            </option>
          ))}
        </SelectField>
        <Field label="Date held" name="date" type="date" defaultValue={today} max={today} />
        <Field label="Minutes given" name="minutes" type="number" inputMode="numeric" min={1} max={240} defaultValue={owed[0]?.owedMinutes} />
        <Button type="submit">Save make-up</Button>
      </Form>
    </ActionDisclosure>
  )
}
