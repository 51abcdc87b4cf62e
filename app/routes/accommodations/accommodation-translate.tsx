import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { EnglishHint, EnglishMovedOn } from '#app/components/translation-notes.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { CheckedForm, FormActions } from '#app/components/form-parts.tsx'
import { DescriptionField } from './accommodation-form.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm, type FormFailure } from '#app/utils/parse-form.ts'
import { typedFields, typedValue } from '#app/utils/typed-fields.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { accommodationWordsFormSchema } from '#shared/schemas/plan.ts'
import { translationLanguageOf } from '#app/utils/translation-language.ts'
import { accommodations } from '#shared/i18n/en/accommodations.ts'
import { languages } from '#shared/i18n/en/languages.ts'

addSections({ accommodations, languages })

async function accommodationOf(context: LoaderFunctionArgs['context'], studentId: string, accommodationId: string) {
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'plan.edit')) throw new Response(t('common.notFound'), { status: 404 })
  // There is no single-accommodation procedure; a student has a handful, so the list is cheap.
  const all = await loadOr404(() => context.trpc.accommodations.list({ studentId }))
  const accommodation = all.find((a) => a.id === accommodationId)
  if (!accommodation) throw new Response(t('common.notFound'), { status: 404 })
  return accommodation
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const language = translationLanguageOf(params.language)
  const accommodation = await accommodationOf(context, params.studentId ?? '', params.accommodationId ?? '')
  const translation = accommodation.translations[language]
  return {
    language,
    english: { title: accommodation.title, description: accommodation.description },
    values: { title: [translation?.parts.title ?? ''], description: [translation?.parts.description ?? ''] },
    stale: translation?.stale ?? false,
  }
}

type ActionData = FormFailure & { values: Record<string, string[]> }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const accommodationId = params.accommodationId ?? ''
  const language = translationLanguageOf(params.language)
  await accommodationOf(context, studentId, accommodationId)
  const form = await request.formData()
  const parsed = parseForm(form, accommodationWordsFormSchema)
  if (!parsed.ok) return { ...parsed, values: typedFields(form) }
  const result = await actionResult(() => context.trpc.accommodations.translate({ studentId, accommodationId, language, ...parsed.value }))
  if (result.ok) throw redirect(`/students/${studentId}`)
  return { ...result, values: typedFields(form) }
}

/** An accommodation's name and words written again in a family's language, each under the English it says again. */
export default function TranslateAccommodation() {
  const { t } = useTranslation()
  const { language, english, values, stale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId } = useParams()
  const name = t(`languages.name.${language}`)
  const typed = actionData?.values ?? values
  const errors = actionData?.fieldErrors ?? {}
  return (
    <Card title={t('languages.translation.accommodationTitle', { title: english.title, language: name })}>
      <p className="mb-6 text-slate-700">{t('languages.translation.accommodationIntro', { language: name })}</p>
      {stale ? <EnglishMovedOn language={name} /> : null}
      <CheckedForm failure={actionData ?? null}>
        <Field
          label={t('accommodations.titleLabel')}
          name="title"
          lang={language}
          hint={<EnglishHint text={english.title} />}
          defaultValue={typedValue(typed, 'title')}
          errors={errors.title}
        />
        <DescriptionField initial={typedValue(typed, 'description')} errors={errors.description} language={language} hint={<EnglishHint text={english.description} />} />
        <FormActions
          busy={busy}
          submitLabel={t('languages.translation.save', { language: name })}
          cancelTo={`/students/${studentId}`}
          footnote={t('languages.translation.historyNote')}
        />
      </CheckedForm>
    </Card>
  )
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  {
    title: studentPageTitle(
      matches,
      data ? t('languages.translation.accommodationTitle', { title: data.english.title, language: t(`languages.name.${data.language}`) }) : '',
    ),
  },
]
