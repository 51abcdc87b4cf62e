import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { ConcernLinksPicker } from './concern-links-picker.tsx'
import { Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { FormActions, useFocusFirstError } from '#app/components/form-parts.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { concernValuesFromForm, type ConcernFormValues, parseLinks } from './concern-form.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { CONCERN_STATUSES, STATUS_LABELS } from '#shared/concerns.ts'
import { can } from '#shared/permissions.ts'
import { localIsoDate } from '#shared/school-date.ts'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'concerns.create')) throw new Response('Not found', { status: 404 })
  const linkable = await loadOr404(() => context.trpc.concerns.linkable({ studentId }))
  const values: ConcernFormValues = {
    date: localIsoDate(context.now()),
    issue: '',
    personContacted: '',
    response: '',
    followUp: '',
    status: 'open',
    visibility: student.role === 'parent' ? 'family' : 'team',
    links: [],
  }
  return { values, linkable, isParent: student.role === 'parent', today: values.date }
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const values = concernValuesFromForm(await request.formData())
  const result = await actionResult(() => context.trpc.concerns.create({ studentId, ...values, links: parseLinks(values.links) }))
  if (result.ok) throw redirect(`/students/${studentId}/concerns/${result.data.concernId}`)
  return { ...result, values }
}

export default function NewConcern() {
  const { values: initial, linkable, isParent, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const values = actionData?.values ?? initial
  const errors = actionData?.fieldErrors ?? {}
  const busy = useNavigation().state === 'submitting'
  const formRef = useFocusFirstError(actionData ?? null)
  const { studentId } = useParams()
  return (
    <Card title="Log a concern">
      <p className="mb-4 text-slate-700">Stick to what happened: dates, who you contacted, what they said. You can add later contacts and responses to it.</p>
      {actionData && !actionData.ok ? (
        <div className="mb-4">
          <Alert>{actionData.message}</Alert>
        </div>
      ) : null}
      <Form method="post" ref={formRef} className="space-y-4" noValidate>
        <Field label="Date" name="date" type="date" max={today} defaultValue={values.date} errors={errors.date} required />
        <TextareaField label="Issue" name="issue" defaultValue={values.issue} errors={errors.issue} rows={3} required hint="What happened, in a sentence or two." />
        <Field label="Person contacted" name="personContacted" defaultValue={values.personContacted} errors={errors.personContacted} autoComplete="off" />
        <TextareaField label="Their response" name="response" defaultValue={values.response} errors={errors.response} rows={2} />
        <TextareaField label="Follow-up needed" name="followUp" defaultValue={values.followUp} errors={errors.followUp} rows={2} />
        <SelectField label="Status" name="status" defaultValue={values.status} errors={errors.status}>
          {CONCERN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        {isParent ? (
          <fieldset className="space-y-1">
            <legend className="font-medium text-slate-800">Who can see it</legend>
            <label className="flex min-h-11 items-center gap-3">
              <input type="radio" name="visibility" value="family" defaultChecked={values.visibility === 'family'} className="h-5 w-5 accent-brand-700" />
              Family only — school staff never see it
            </label>
            <label className="flex min-h-11 items-center gap-3">
              <input type="radio" name="visibility" value="team" defaultChecked={values.visibility === 'team'} className="h-5 w-5 accent-brand-700" />
              Whole team
            </label>
            {errors.visibility ? <p className="text-sm font-medium text-red-800">{errors.visibility.join(' ')}</p> : null}
          </fieldset>
        ) : (
          <input type="hidden" name="visibility" value="team" />
        )}
        <ConcernLinksPicker linkable={linkable} selected={values.links} idPrefix="new" />
        {errors.links ? <p className="text-sm font-medium text-red-800">{errors.links.join(' ')}</p> : null}
        <FormActions busy={busy} submitLabel="Save concern" cancelTo={`/students/${studentId}/concerns`} />
      </Form>
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'Log a concern') }]
