import { Form, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Closure } from '#app/utils/api-types.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addDays } from '#shared/school-date.ts'
import type { FormFailure } from '#app/utils/parse-form.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { useFocusFirstError } from '#app/components/form-parts.tsx'

export type SchoolFormResult = { intent: string; ok: true; message: string } | (FormFailure & { intent: string; values: Record<string, string> })

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
  const failure = result && !result.ok && result.intent === 'addClosure' ? result : null
  const removeFailure = result && !result.ok && result.intent === 'removeClosure' ? result : null
  const saved = result?.ok && (result.intent === 'addClosure' || result.intent === 'removeClosure') ? result.message : null
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
        <Form method="post" noValidate ref={formRef} preventScrollReset className="mt-6 space-y-4 border-t border-slate-200 pt-4">
          <h3 className="text-lg font-semibold text-slate-900">{t('school.calendar.addHeading')}</h3>
          <input type="hidden" name="intent" value="addClosure" />
          {failure ? <Alert>{failure.message}</Alert> : null}
          <Field label={t('school.calendar.date')} name="date" type="date" defaultValue={failure?.values.date ?? ''} errors={failure?.fieldErrors.date} />
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
