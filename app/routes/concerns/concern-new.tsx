import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { ConcernLinksPicker } from './concern-links-picker.tsx'
import { DateUpToTodayField, Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { FormActions, useFocusFirstError } from '#app/components/form-parts.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { typedFields, typedValue } from '#app/utils/typed-fields.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { CONCERN_STATUSES, STATUS_LABELS } from '#shared/concerns.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { newConcernFormSchema } from '#shared/schemas/concerns.ts'
import { can } from '#shared/permissions.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { concerns } from '#shared/i18n/en/concerns.ts'

addSections({ concerns })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'concerns.create')) throw new Response(translate('common.notFound'), { status: 404 })
  const linkable = await loadOr404(() => context.trpc.concerns.linkable({ studentId }))
  const today = localIsoDate(context.now())
  return { linkable, isParent: student.role === 'parent', today }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const form = await request.formData()
  // Sent back with every refusal: without scripts the page is drawn anew, and must not come back empty.
  const typed = typedFields(form)
  const parsed = parseForm(form, newConcernFormSchema)
  if (!parsed.ok) return { ...parsed, typed }
  const result = await actionResult(() => context.trpc.concerns.create({ studentId, ...parsed.value }))
  if (result.ok) throw redirect(`/students/${studentId}/concerns/${result.data.concernId}`)
  return { ...result, typed }
}

export default function NewConcern() {
  const { t } = useTranslation()
  const { linkable, isParent, today } = useLoaderData<typeof loader>()
  // A refused save leaves the form mounted, so what was typed and ticked stays as it was; without scripts the
  // page is drawn again from what was sent back.
  const actionData = useActionData<typeof action>()
  const typed = actionData?.typed
  const typedOr = (name: string, fallback: string) => (typed ? typedValue(typed, name) : fallback)
  const errors = actionData?.fieldErrors ?? {}
  const busy = useNavigation().state === 'submitting'
  const formRef = useFocusFirstError(actionData ?? null)
  const { studentId } = useParams()
  return (
    <Card title={t('concerns.logAConcern')}>
      <p className="mb-4 text-slate-700">{t('concerns.newIntro')}</p>
      {actionData && !actionData.ok ? (
        <div className="mb-4">
          <Alert>{actionData.message}</Alert>
        </div>
      ) : null}
      <Form method="post" ref={formRef} className="space-y-4" noValidate>
        <DateUpToTodayField label={t('concerns.dateField')} name="date" today={today} defaultValue={typedOr('date', today)} errors={errors.date} required />
        <TextareaField label={t('concerns.issueField')} name="issue" defaultValue={typedOr('issue', '')} errors={errors.issue} rows={3} required hint={t('concerns.issueHint')} />
        <Field label={t('concerns.personContacted')} name="personContacted" defaultValue={typedOr('personContacted', '')} errors={errors.personContacted} autoComplete="off" />
        <TextareaField label={t('concerns.theirResponse')} name="response" defaultValue={typedOr('response', '')} errors={errors.response} rows={2} />
        <TextareaField label={t('concerns.followUp')} name="followUp" defaultValue={typedOr('followUp', '')} errors={errors.followUp} rows={2} />
        <SelectField label={t('concerns.statusField')} name="status" defaultValue={typedOr('status', 'open')} errors={errors.status}>
          {CONCERN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        {isParent ? (
          <fieldset className="space-y-1">
            <legend className="font-medium text-slate-800">{t('concerns.whoCanSee')}</legend>
            <label className="flex min-h-11 items-center gap-3">
              <input type="radio" name="visibility" value="family" defaultChecked={typedOr('visibility', 'family') === 'family'} className="h-5 w-5 accent-brand-700" />
              {t('concerns.familyOnlyChoice')}
            </label>
            <label className="flex min-h-11 items-center gap-3">
              <input type="radio" name="visibility" value="team" defaultChecked={typedOr('visibility', 'family') === 'team'} className="h-5 w-5 accent-brand-700" />
              {t('concerns.wholeTeamChoice')}
            </label>
            {errors.visibility ? <p className="text-sm font-medium text-red-800">{errors.visibility.join(' ')}</p> : null}
          </fieldset>
        ) : (
          <input type="hidden" name="visibility" value="team" />
        )}
        <ConcernLinksPicker linkable={linkable} selected={typed?.links ?? []} idPrefix="new" />
        {errors.links ? <p className="text-sm font-medium text-red-800">{errors.links.join(' ')}</p> : null}
        <FormActions busy={busy} submitLabel={t('concerns.saveConcern')} cancelTo={`/students/${studentId}/concerns`} />
      </Form>
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('concerns.logAConcern')) }]
