import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { MISSED_REASONS, REASON_LABELS, type MissedReason } from '#shared/services.ts'
import { failureFor, type SessionActionData, type SessionIntent } from './session-forms.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { DateUpToTodayField, Field, SelectField, SessionMinutesField } from '#app/components/field.tsx'
import { useFocusFirstError } from '#app/components/form-parts.tsx'
import { sessions } from '#shared/i18n/en/sessions.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ sessions })

/**
 * A disclosure holding one small form: a week of sessions stays readable on a phone, and it works before
 * scripts load. Closed, the disclosures sit side by side; an open one takes the whole row.
 */
export function ActionDisclosure({ summary, label, open, children }: { summary: string; label: string; open?: boolean; children: ReactNode }) {
  // Open or folded as the person left it: a save or a refusal that changes `open` (or the page's data) never folds
  // the form under them; a refusal opens it.
  const [isOpen, setOpen] = useState(open ?? false)
  useEffect(() => {
    if (open) setOpen(true)
  }, [open])
  return (
    <details open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded-md border border-slate-300 bg-white open:w-full">
      <summary aria-label={label} className="flex min-h-11 cursor-pointer items-center px-4 font-medium text-brand-800">
        {summary}
      </summary>
      <div className="space-y-3 border-t border-slate-200 p-3">{children}</div>
    </details>
  )
}

type Failure = ReturnType<typeof failureFor>

/**
 * The server's message on the form that asked, with any error that has no field of its own here. A refusal
 * shown beside its own field is said there once; the top of the form only points to it.
 */
function FormAlert({ failure, fields }: { failure: Failure; fields: string[] }) {
  const { t } = useTranslation()
  if (!failure) return null
  const here = Object.entries(failure.fieldErrors).filter(([field]) => fields.includes(field))
  const elsewhere = Object.entries(failure.fieldErrors)
    .filter(([field]) => !fields.includes(field))
    .flatMap(([, messages]) => messages)
    .filter((m) => m !== failure.message)
  const besideItsField = here.some(([, messages]) => messages.includes(failure.message))
  return (
    <Alert>
      {besideItsField ? t('common.correctFields') : failure.message}
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

export function SessionForm({
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
  const { t } = useTranslation()
  const formRef = useFocusFirstError(failure)
  const busy = useBusy(intent, target)
  return (
    <Form method="post" preventScrollReset noValidate ref={formRef} className="space-y-3">
      <Hidden fields={{ intent, target, ...hidden }} />
      <FormAlert failure={failure} fields={fields} />
      {children}
      <Button type="submit" variant={danger ? 'danger' : 'primary'} disabled={busy}>
        {busy ? t('sessions.saving') : submitLabel}
      </Button>
    </Form>
  )
}

export function ReasonOptions() {
  const { t } = useTranslation()
  return (
    <>
      <option value="">{t('sessions.chooseReason')}</option>
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
  /** A month's or period's service: the form asks the day held (up to this today), starting at `date`. */
  pickDayUpTo?: string
}

/** Delivered (minutes prefilled with the mandate) or Missed (with a reason), for a session with no record. */
export function RecordSessionForms({ session, result }: { session: SessionTarget; result: SessionActionData | undefined }) {
  const { t } = useTranslation()
  const delivered = failureFor(result, 'delivered', session.target)
  const missed = failureFor(result, 'missed', session.target)
  const pick = session.pickDayUpTo
  const hidden: Record<string, string> = { studentId: session.studentId, serviceId: session.serviceId, ...(pick ? {} : { date: session.date }) }
  const dayField = (failure: Failure) =>
    pick ? <DateUpToTodayField label={t('sessions.periods.dayHeld')} name="date" today={pick} defaultValue={failure?.values.date ?? session.date} errors={failure?.fieldErrors.date} /> : null
  const asked = (fields: string[]) => (pick ? ['date', ...fields] : fields)
  return (
    <div className="flex flex-wrap gap-2">
      <ActionDisclosure summary={t('sessions.delivered')} label={t('sessions.deliveredFor', { name: session.name })} open={delivered ? true : undefined}>
        <SessionForm
          intent="delivered"
          target={session.target}
          hidden={hidden}
          failure={delivered}
          fields={asked(['minutes', 'note'])}
          submitLabel={t('sessions.saveDelivered')}
        >
          {dayField(delivered)}
          <SessionMinutesField
            label={t('sessions.minutesGiven')}
            name="minutes"
            hint={t('sessions.planSays', { minutes: session.mandateMinutes })}
            defaultValue={delivered?.values.minutes ?? session.mandateMinutes}
            errors={delivered?.fieldErrors.minutes}
          />
          <NoteField failure={delivered} />
        </SessionForm>
      </ActionDisclosure>
      <ActionDisclosure summary={t('sessions.missed')} label={t('sessions.missedFor', { name: session.name })} open={missed ? true : undefined}>
        <SessionForm intent="missed" target={session.target} hidden={hidden} failure={missed} fields={asked(['reason', 'note'])} submitLabel={t('sessions.saveMissed')}>
          {dayField(missed)}
          <ReasonField failure={missed} />
          <NoteField failure={missed} />
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
  const { t } = useTranslation()
  const correct = failureFor(result, 'correct', record.recordId)
  const voiding = failureFor(result, 'void', record.recordId)
  const hidden = { studentId: record.studentId, recordId: record.recordId }
  return (
    <div className="flex flex-wrap gap-2">
      <ActionDisclosure summary={t('sessions.correct')} label={t('sessions.correctFor', { name: record.name })} open={correct ? true : undefined}>
        <SessionForm
          intent="correct"
          target={record.recordId}
          hidden={hidden}
          failure={correct}
          fields={['kind', 'minutes', 'reason', 'note', 'changeReason']}
          submitLabel={t('sessions.saveCorrection')}
        >
          <p className="text-sm text-slate-700">{t('sessions.correctionKeeps')}</p>
          {record.kind === 'make_up' ? (
            <MinutesField record={record} failure={correct} />
          ) : (
            <KindFields record={record} failure={correct} />
          )}
          <NoteField failure={correct} initial={record.note} />
          <ChangeReasonField label={t('sessions.whyCorrected')} failure={correct} />
        </SessionForm>
      </ActionDisclosure>
      <ActionDisclosure summary={t('sessions.void')} label={t('sessions.voidFor', { name: record.name })} open={voiding ? true : undefined}>
        <SessionForm intent="void" target={record.recordId} hidden={hidden} failure={voiding} fields={['changeReason']} submitLabel={t('sessions.voidRecord')} danger>
          <p className="text-sm text-slate-700">{t('sessions.voidExplained')}</p>
          <ChangeReasonField label={t('sessions.whyWrong')} failure={voiding} />
        </SessionForm>
      </ActionDisclosure>
    </div>
  )
}

/** An optional note on a record, as the schemas allow it (500 characters). */
function NoteField({ failure, initial }: { failure: Failure; initial?: string | null }) {
  const { t } = useTranslation()
  return (
    <Field
      label={t('sessions.noteOptional')}
      name="note"
      maxLength={500}
      defaultValue={failure?.values.note ?? initial ?? ''}
      errors={failure?.fieldErrors.note}
    />
  )
}

function ReasonField({ failure, initial }: { failure: Failure; initial?: string | null }) {
  const { t } = useTranslation()
  return (
    <SelectField label={t('sessions.whyMissed')} name="reason" defaultValue={failure?.values.reason ?? initial ?? ''} errors={failure?.fieldErrors.reason}>
      <ReasonOptions />
    </SelectField>
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
  const { t } = useTranslation()
  return (
    <SessionMinutesField
      label={t('sessions.minutesGiven')}
      name="minutes"
      defaultValue={failure?.values.minutes ?? record.minutes ?? ''}
      errors={failure?.fieldErrors.minutes}
    />
  )
}

const CORRECTED_KINDS = ['delivered', 'missed'] as const

/**
 * Delivered or missed, and what goes with it: the minutes show under "Delivered", the reason under "Missed"
 * (by CSS, so it works before scripts load).
 */
function KindFields({ record, failure }: { record: RecordTarget; failure: Failure }) {
  const { t } = useTranslation()
  const kind = failure?.values.kind ?? record.kind
  const kindName = `kind-${record.recordId}`
  return (
    <div className="group/kind space-y-3">
      <fieldset className="min-w-0">
        <legend className="font-medium text-slate-800">{t('sessions.itWas')}</legend>
        {CORRECTED_KINDS.map((k) => (
          <label key={k} className="flex min-h-11 cursor-pointer items-center gap-3 text-slate-800">
            <input type="radio" name="kind" value={k} defaultChecked={kind === k} className={`kind-${k} h-5 w-5 shrink-0 accent-brand-700`} id={`${kindName}-${k}`} />
            {t(k === 'delivered' ? 'sessions.delivered' : 'sessions.missed')}
          </label>
        ))}
      </fieldset>
      <div className="hidden group-has-[.kind-delivered:checked]/kind:block">
        <MinutesField record={record} failure={failure} />
      </div>
      <div className="hidden group-has-[.kind-missed:checked]/kind:block">
        <ReasonField failure={failure} initial={record.reason} />
      </div>
    </div>
  )
}

/** What a form about a service's owed sessions is given: the make-up form and the plan-ahead form alike. */
export interface OwedSessionsFormProps<Result> {
  studentId: string
  serviceId: string
  /** "Speech-language therapy (Johnny Miller)" */
  name: string
  today: string
  owed: { date: string; owedMinutes: number }[]
  result: Result | undefined
}

/**
 * A make-up: a delivered session on a later school day that repays a missed (or unrecorded) one. It starts
 * empty but for the session repaid, the oldest owed first: a date or minutes filled in for the person could
 * save a session that never happened.
 */
export function MakeUpForm({ studentId, serviceId, name, today, owed, result }: OwedSessionsFormProps<SessionActionData>) {
  const { t } = useTranslation()
  const failure = failureFor(result, 'make_up', serviceId)
  if (owed.length === 0) return <p className="text-slate-700">{t('sessions.nothingOwed')}</p>
  // The disclosure stays as the person left it; the form inside starts again from what is still owed after each save.
  return (
    <ActionDisclosure summary={t('sessions.recordMakeUpSummary')} label={t('sessions.recordMakeUpFor', { name })} open={failure ? true : undefined}>
      <MakeUpFields
        key={owed.map((o) => `${o.date}:${o.owedMinutes}`).join(',')}
        studentId={studentId}
        serviceId={serviceId}
        today={today}
        owed={owed}
        failure={failure}
      />
    </ActionDisclosure>
  )
}

function MakeUpFields({
  studentId,
  serviceId,
  today,
  owed,
  failure,
}: Pick<OwedSessionsFormProps<SessionActionData>, 'studentId' | 'serviceId' | 'today' | 'owed'> & { failure: Failure }) {
  const { t } = useTranslation()
  const oldestFirst = [...owed].sort((a, b) => a.date.localeCompare(b.date))
  const [repays, setRepays] = useState(failure?.values.repaysDate ?? oldestFirst[0]?.date ?? '')
  const owedFor = oldestFirst.find((o) => o.date === repays)?.owedMinutes
  return (
    <SessionForm
      intent="make_up"
      target={serviceId}
      hidden={{ studentId, serviceId }}
      failure={failure}
      fields={['repaysDate', 'date', 'minutes', 'note']}
      submitLabel={t('sessions.saveMakeUp')}
    >
      <SelectField
        label={t('sessions.whichSession')}
        name="repaysDate"
        value={repays}
        onChange={(e) => setRepays(e.target.value)}
        errors={failure?.fieldErrors.repaysDate}
      >
        {oldestFirst.map((o) => (
          <option key={o.date} value={o.date}>
            {t('sessions.owedOption', { date: formatDay(o.date), year: o.date.slice(0, 4), minutes: o.owedMinutes })}
          </option>
        ))}
      </SelectField>
      <DateUpToTodayField
        label={t('sessions.dateHeld')}
        name="date"
        today={today}
        hint={t('sessions.dateHeldHint')}
        defaultValue={failure?.values.date ?? ''}
        errors={failure?.fieldErrors.date}
      />
      <SessionMinutesField
        label={t('sessions.minutesGiven')}
        name="minutes"
        hint={owedFor ? t('sessions.makeUpForm.minutesOwed', { count: owedFor }) : undefined}
        defaultValue={failure?.values.minutes ?? ''}
        errors={failure?.fieldErrors.minutes}
      />
      <NoteField failure={failure} />
    </SessionForm>
  )
}
