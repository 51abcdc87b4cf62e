import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { CountedTextareaField, Fieldset, FormActions, useFocusFirstError } from '#app/components/form-parts.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { COMMUNICATION_FIELDS, profileValuesFromForm, REGULATION_FIELDS, type FormFailure } from '#app/utils/plan-form.ts'
import { firstName } from '#app/utils/plan-labels.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { can } from '#shared/permissions.ts'
import { communicationProfileSchema, regulationProfileSchema, type CommunicationProfile, type RegulationProfile } from '#shared/schemas/plan.ts'
import { fieldErrors } from '#shared/zod-errors.ts'

const PROFILE_MAX = 1000

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'plan.edit')) throw new Response('Not found', { status: 404 })
  const profiles = await loadOr404(() => context.trpc.profiles.get({ studentId }))
  return { firstName: firstName(student), profiles }
}

interface Values {
  communication: CommunicationProfile
  regulation: RegulationProfile
}

type ActionData = FormFailure & { values: Values }

function prefixed(errors: Record<string, string[]>, prefix: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]))
}

function changed<T extends object>(next: T, current: T): boolean {
  return (Object.keys(next) as (keyof T)[]).some((k) => String(next[k]).trim() !== String(current[k]).trim())
}

/**
 * One form, both profiles: saving one must not lose edits in the other. Both are checked against the shared
 * schemas first, so neither is saved when either is refused; a profile left as it was gets no new version.
 */
export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const form = await request.formData()
  const values: Values = {
    communication: profileValuesFromForm(form, 'communication', COMMUNICATION_FIELDS),
    regulation: profileValuesFromForm(form, 'regulation', REGULATION_FIELDS),
  }
  const communication = communicationProfileSchema.safeParse(values.communication)
  const regulation = regulationProfileSchema.safeParse(values.regulation)
  if (!communication.success || !regulation.success) {
    return {
      ok: false,
      message: 'Please correct the fields marked below. Nothing was saved yet.',
      fieldErrors: {
        ...(communication.success ? {} : prefixed(fieldErrors(communication.error), 'communication')),
        ...(regulation.success ? {} : prefixed(fieldErrors(regulation.error), 'regulation')),
      },
      values,
    }
  }

  const current = await loadOr404(() => context.trpc.profiles.get({ studentId }))
  if (changed(communication.data, current.communication)) {
    const result = await actionResult(() => context.trpc.profiles.update({ studentId, kind: 'communication', profile: communication.data }))
    if (!result.ok) return { ...result, fieldErrors: prefixed(result.fieldErrors, 'communication'), values }
  }
  if (changed(regulation.data, current.regulation)) {
    const result = await actionResult(() => context.trpc.profiles.update({ studentId, kind: 'regulation', profile: regulation.data }))
    if (!result.ok) return { ...result, fieldErrors: prefixed(result.fieldErrors, 'regulation'), values }
  }
  throw redirect(`/students/${studentId}`)
}

function lastChanged(p: { updatedAt: string | null; updatedBy: string | null }): string {
  if (!p.updatedAt) return 'Not written yet.'
  const when = new Date(p.updatedAt).toLocaleDateString('en-US', { dateStyle: 'medium' })
  return `Last changed ${p.updatedBy ? `by ${p.updatedBy} ` : ''}on ${when}.`
}

export default function EditProfiles() {
  const { firstName, profiles } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  const formRef = useFocusFirstError(actionData)
  const values: Values = actionData?.values ?? profiles
  const errors = actionData?.fieldErrors ?? {}

  const communicationLabels: Record<(typeof COMMUNICATION_FIELDS)[number], { label: string; hint: string }> = {
    howTheyCommunicate: { label: `How ${firstName} communicates`, hint: 'Speech, a talk app or device, picture cards, signs, gestures.' },
    givingInstructions: { label: 'How to give an instruction', hint: 'Words, pace, visuals: what works best.' },
    wordsThatMatter: { label: 'Words or symbols that matter', hint: 'Names, signs or pictures with a special meaning.' },
  }
  const regulationLabels: Record<(typeof REGULATION_FIELDS)[number], { label: string; hint: string }> = {
    earlySigns: { label: 'Early signs of stress', hint: `What adults may notice before ${firstName} is overwhelmed.` },
    whatHelps: { label: 'What helps', hint: 'What to do or offer when the signs show.' },
    whatToAvoid: { label: 'What to avoid', hint: 'What makes things harder.' },
    calmPlace: { label: 'Where to calm down', hint: 'A place, and how to get there.' },
  }

  return (
    <Card title="Communication and regulation">
      <p className="mb-6 text-slate-700">
        Every adult on the team sees these first. Before we push for performance, we create safety. Saving keeps the earlier
        version.
      </p>
      <Form method="post" noValidate ref={formRef} className="space-y-6">
        {actionData ? <Alert>{actionData.message}</Alert> : null}
        <Fieldset legend="Communication" hint={lastChanged(profiles.communication)}>
          {COMMUNICATION_FIELDS.map((key) => (
            <CountedTextareaField
              key={key}
              id={`communication-${key}`}
              name={`communication.${key}`}
              label={communicationLabels[key].label}
              hint={communicationLabels[key].hint}
              initial={values.communication[key]}
              max={PROFILE_MAX}
              errors={errors[`communication.${key}`]}
            />
          ))}
        </Fieldset>
        <Fieldset legend="Regulation" hint={lastChanged(profiles.regulation)}>
          {REGULATION_FIELDS.map((key) => (
            <CountedTextareaField
              key={key}
              id={`regulation-${key}`}
              name={`regulation.${key}`}
              label={regulationLabels[key].label}
              hint={regulationLabels[key].hint}
              initial={values.regulation[key]}
              max={PROFILE_MAX}
              errors={errors[`regulation.${key}`]}
            />
          ))}
        </Fieldset>
        <FormActions busy={busy} submitLabel="Save profiles" cancelTo={`/students/${studentId}`} />
      </Form>
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'Edit profiles') }]
