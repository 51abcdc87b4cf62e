import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { CountedTextareaField, Fieldset, FormActions, useFocusFirstError } from '#app/components/form-parts.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm, type FormFailure } from '#app/utils/parse-form.ts'
import { firstName } from '#shared/plan-labels.ts'
import { typedFields, typedValue, type TypedFields } from '#app/utils/typed-fields.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import {
  COMMUNICATION_FIELDS,
  PROFILE_MAX,
  profilesFormSchema,
  REGULATION_FIELDS,
  type CommunicationProfile,
  type ProfileField,
  type ProfileKind,
  type RegulationProfile,
} from '#shared/schemas/plan.ts'
import { student } from '#shared/i18n/en/student.ts'

addSections({ student })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'plan.edit')) throw new Response(t('common.notFound'), { status: 404 })
  const profiles = await loadOr404(() => context.trpc.profiles.get({ studentId }))
  return { firstName: firstName(student), profiles }
}

interface Values {
  communication: CommunicationProfile
  regulation: RegulationProfile
}

type ActionData = FormFailure & { values?: Values }

/** Both profiles as posted ("communication.howTheyCommunicate", …), for drawing a refused form again. */
function profilesTyped(typed: TypedFields): Values {
  const v = (name: `${ProfileKind}.${ProfileField}`) => typedValue(typed, name)
  return {
    communication: { howTheyCommunicate: v('communication.howTheyCommunicate'), givingInstructions: v('communication.givingInstructions'), wordsThatMatter: v('communication.wordsThatMatter') },
    regulation: { earlySigns: v('regulation.earlySigns'), whatHelps: v('regulation.whatHelps'), whatToAvoid: v('regulation.whatToAvoid'), calmPlace: v('regulation.calmPlace') },
  }
}

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
  const parsed = parseForm(form, profilesFormSchema)
  // Neither profile was saved: the top of the form says so, and the answers go back as they were typed.
  if (!parsed.ok) return { ...parsed, message: t('student.profilesNothingSaved'), values: profilesTyped(typedFields(form)) }
  const values: Values = parsed.value
  const { communication, regulation } = values

  const current = await loadOr404(() => context.trpc.profiles.get({ studentId }))
  if (changed(communication, current.communication)) {
    const result = await actionResult(() => context.trpc.profiles.update({ studentId, kind: 'communication', profile: communication }))
    if (!result.ok) return { ...result, fieldErrors: prefixed(result.fieldErrors, 'communication'), values }
  }
  if (changed(regulation, current.regulation)) {
    const result = await actionResult(() => context.trpc.profiles.update({ studentId, kind: 'regulation', profile: regulation }))
    if (!result.ok) return { ...result, fieldErrors: prefixed(result.fieldErrors, 'regulation'), values }
  }
  throw redirect(`/students/${studentId}`)
}

function lastChanged(p: { updatedAt: string | null; updatedBy: string | null }): string {
  if (!p.updatedAt) return t('student.notWrittenYet')
  const date = formatMoment(p.updatedAt, 'date')
  return p.updatedBy ? t('student.lastChangedBy', { name: p.updatedBy, date }) : t('student.lastChanged', { date })
}

/** One profile's questions, each named "<kind>.<field>" as the form schema reads them. */
function ProfileQuestions({
  kind,
  fields,
  values,
  errors,
  firstName,
}: {
  kind: ProfileKind
  fields: readonly ProfileField[]
  values: Partial<Record<ProfileField, string>>
  errors: Record<string, string[]>
  firstName: string
}) {
  const { t } = useTranslation()
  // The first question names the student; the rest read as the profile cards do.
  const questionLabel = (key: ProfileField) =>
    key === 'howTheyCommunicate' ? t('student.communicatesTitle', { name: firstName }) : t(`student.profile.${key}`)
  return (
    <>
      {fields.map((key) => (
        <CountedTextareaField
          key={key}
          id={`${kind}-${key}`}
          name={`${kind}.${key}`}
          label={questionLabel(key)}
          hint={t(`student.profileHint.${key}`, { name: firstName })}
          initial={values[key] ?? ''}
          max={PROFILE_MAX}
          errors={errors[`${kind}.${key}`]}
        />
      ))}
    </>
  )
}

export default function EditProfiles() {
  const { t } = useTranslation()
  const { firstName, profiles } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  const formRef = useFocusFirstError(actionData)
  const values: Values = actionData?.values ?? profiles
  const errors = actionData?.fieldErrors ?? {}

  return (
    <Card title={t('student.profilesTitle')}>
      <p className="mb-6 text-slate-700">{t('student.profilesIntro')}</p>
      <Form method="post" noValidate ref={formRef} className="space-y-6">
        {actionData ? <Alert>{actionData.message}</Alert> : null}
        <Fieldset legend={t('student.communication')} hint={lastChanged(profiles.communication)}>
          <ProfileQuestions kind="communication" fields={COMMUNICATION_FIELDS} values={values.communication} errors={errors} firstName={firstName} />
        </Fieldset>
        <Fieldset legend={t('student.regulation')} hint={lastChanged(profiles.regulation)}>
          <ProfileQuestions kind="regulation" fields={REGULATION_FIELDS} values={values.regulation} errors={errors} firstName={firstName} />
        </Fieldset>
        <FormActions busy={busy} submitLabel={t('student.saveProfiles')} cancelTo={`/students/${studentId}`} />
      </Form>
    </Card>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, t('student.editProfiles')) }]
