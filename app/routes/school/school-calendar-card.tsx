import { Form, Link, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { Closure } from '#app/utils/api-types.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addDays } from '#shared/school-date.ts'
import type { FormFailure } from '#app/utils/parse-form.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button, buttonClasses } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { useFocusFirstError } from '#app/components/form-parts.tsx'
import { school } from '#shared/i18n/en/school.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ school })

/** A saved change, a refusal, or (for the calendar) the question the confirm step asks before saving. */
export type SchoolFormResult =
  | { intent: string; ok: true; message: string }
  | (FormFailure & { intent: string; values: Record<string, string> })
  | ClosureConfirm

/** What a closure change will do ("3 sessions of 2 students become due again.") and the values to send again, confirmed. */
interface ClosureConfirm {
  intent: string
  ok: 'confirm'
  message: string
  impact: string
  values: Record<string, string>
}

/** The form fields the confirm step sends again, with `confirmed`. */
const RESENT_FIELDS = ['intent', 'date', 'endDate', 'label'] as const

/** The confirm step, in the page: the change in words, what it does to sessions, and the buttons to go on or not. */
function ConfirmClosureChange({ confirm }: { confirm: ClosureConfirm }) {
  const { t } = useTranslation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [confirm])
  const busy = useNavigation().formData?.get('confirmed') === 'yes'
  const adding = confirm.intent === 'addClosure'
  return (
    <section aria-labelledby="closure-confirm" className="mb-4 space-y-3 rounded-md border-2 border-amber-500 bg-amber-50 p-4">
      <h3 id="closure-confirm" ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900">
        {t('school.closurePreview.confirmLabel')}
      </h3>
      <p className="break-words text-slate-900">{confirm.message}</p>
      <p className="font-medium text-slate-900">{confirm.impact}</p>
      <Form method="post" preventScrollReset className="flex flex-wrap gap-3">
        {RESENT_FIELDS.map((name) => (confirm.values[name] ? <input key={name} type="hidden" name={name} value={confirm.values[name]} /> : null))}
        <input type="hidden" name="confirmed" value="yes" />
        <Button type="submit" variant={adding ? 'primary' : 'danger'} disabled={busy}>
          {adding ? t('school.closurePreview.confirmAdd') : t('school.closurePreview.confirmRemove')}
        </Button>
        <Link to="." preventScrollReset className={buttonClasses('secondary')}>
          {t('school.closurePreview.cancel')}
        </Link>
      </Form>
    </section>
  )
}

/** Runs of dates with one label (a break) read as one line; each date keeps its own remove button. */
function groupClosures(closures: Closure[]): Closure[][] {
  const groups: Closure[][] = []
  for (const c of closures) {
    const last = groups.at(-1)
    const prev = last?.at(-1)
    if (last && prev && prev.label === c.label && c.date <= addDays(prev.date, 3)) last.push(c)
    else groups.push([c])
  }
  return groups
}

function RemoveClosure({ closure, editable }: { closure: Closure; editable: boolean }) {
  const { t } = useTranslation()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('date') === closure.date
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span>
        <time dateTime={closure.date}>{formatDay(closure.date, 'medium')}</time>{' '}
        {t('school.calendar.closureLine', { weekday: formatDay(closure.date, 'weekday'), label: closure.label })}
      </span>
      {editable ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="removeClosure" />
          <input type="hidden" name="date" value={closure.date} />
          <Button type="submit" variant="danger" disabled={busy} aria-label={t('school.calendar.removeLabel', { date: formatDay(closure.date, 'medium'), label: closure.label })}>
            {busy ? t('school.calendar.removing') : t('school.calendar.remove')}
          </Button>
        </Form>
      ) : null}
    </li>
  )
}

/** The school calendar: closures (no sessions held or owed on them), an add form and a remove per date. */
export function SchoolCalendarCard({ closures, editable, result }: { closures: Closure[]; editable: boolean; result: SchoolFormResult | undefined }) {
  const { t } = useTranslation()
  const failure = result && result.ok === false && result.intent === 'addClosure' ? result : null
  const removeFailure = result && result.ok === false && result.intent === 'removeClosure' ? result : null
  const saved = result?.ok === true && (result.intent === 'addClosure' || result.intent === 'removeClosure') ? result.message : null
  const confirm = result?.ok === 'confirm' ? result : null
  const formRef = useFocusFirstError(failure)
  const busy = useNavigation().formData?.get('intent') === 'addClosure'
  return (
    <Card title={t('school.calendar.title')} headingId="calendar">
      <p className="mb-4 text-slate-700">{t('school.calendar.intro')}</p>
      {saved ? (
        <div className="mb-4">
          <Alert tone="success">{saved}</Alert>
        </div>
      ) : null}
      {confirm ? <ConfirmClosureChange confirm={confirm} /> : null}
      {removeFailure ? (
        <div className="mb-4">
          <Alert>{removeFailure.message}</Alert>
        </div>
      ) : null}
      {closures.length === 0 ? (
        <p className="text-slate-700">{t('school.calendar.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label={t('school.calendar.listLabel')}>
          {groupClosures(closures).map((group) =>
            group.length === 1 ? (
              <RemoveClosure key={group[0]!.date} closure={group[0]!} editable={editable} />
            ) : (
              <li key={group[0]!.date} className="py-2">
                <details>
                  <summary className="flex min-h-11 cursor-pointer items-center font-medium text-slate-900">
                    {t('school.calendar.group', {
                      label: group[0]!.label,
                      from: formatDay(group[0]!.date, 'medium'),
                      to: formatDay(group.at(-1)!.date, 'medium'),
                      n: group.length,
                    })}
                  </summary>
                  <ul className="ml-4 divide-y divide-slate-200 border-l-2 border-slate-200 pl-3" aria-label={t('school.calendar.groupLabel', { label: group[0]!.label })}>
                    {group.map((c) => (
                      <RemoveClosure key={c.date} closure={c} editable={editable} />
                    ))}
                  </ul>
                </details>
              </li>
            ),
          )}
        </ul>
      )}
      {editable ? (
        <Form key={closures.length} method="post" noValidate ref={formRef} preventScrollReset className="mt-6 space-y-4 border-t border-slate-200 pt-4">
          <h3 className="text-lg font-semibold text-slate-900">{t('school.calendar.addHeading')}</h3>
          <input type="hidden" name="intent" value="addClosure" />
          {/* A refusal of one field is said once, beside that field. */}
          {failure && !Object.values(failure.fieldErrors).flat().includes(failure.message) ? <Alert>{failure.message}</Alert> : null}
          <Field label={t('school.calendar.date')} name="date" type="date" defaultValue={failure?.values.date ?? ''} errors={failure?.fieldErrors.date} />
          <Field
            label={t('school.closurePreview.endDate')}
            name="endDate"
            type="date"
            hint={t('school.closurePreview.endDateHint')}
            defaultValue={failure?.values.endDate ?? ''}
            errors={failure?.fieldErrors.endDate}
          />
          <Field
            label={t('school.calendar.label')}
            name="label"
            hint={t('school.calendar.labelHint')}
            maxLength={80}
            defaultValue={failure?.values.label ?? ''}
            errors={failure?.fieldErrors.label}
          />
          <Button type="submit" disabled={busy}>
            {t('school.calendar.add')}
          </Button>
        </Form>
      ) : null}
    </Card>
  )
}
