import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Card } from '#app/components/card.tsx'
import { CheckedForm, Fieldset, FormActions } from '#app/components/form-parts.tsx'
import { PlainPartField } from './goal-form.tsx'
import { submitForm, type RefusedForm } from './submit-form.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { typedValue } from '#app/utils/plan-form.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { areaLabel } from '#shared/plan-labels.ts'
import { goalPlainFormSchema, PLAIN_PARTS } from '#shared/schemas/plan.ts'
import { translationLanguageOf } from '#app/utils/translation-language.ts'
import { EnglishHint, EnglishMovedOn } from '#app/components/translation-notes.tsx'
import { goals } from '#shared/i18n/en/goals.ts'
import { languages } from '#shared/i18n/en/languages.ts'

addSections({ goals, languages })

/** Who may rewrite the English summary may write it in the family's language; the procedure checks a provider's areas. */
async function requireTranslator(context: LoaderFunctionArgs['context'], studentId: string): Promise<void> {
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  if (!can(student.role, 'goal.editPlain')) throw new Response(t('common.notFound'), { status: 404 })
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const language = translationLanguageOf(params.language)
  await requireTranslator(context, studentId)
  const goal = await loadOr404(() => context.trpc.goals.get({ studentId, goalId: params.goalId ?? '' }))
  if (goal.ended) throw new Response(t('common.notFound'), { status: 404 })
  const translation = goal.translations[language]
  const values = Object.fromEntries(PLAIN_PARTS.map((p) => [`plain.${p.key}`, [translation?.parts[p.key] ?? '']]))
  return { language, area: goal.area, english: goal.plain, values, stale: translation?.stale ?? false }
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<RefusedForm> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const goalId = params.goalId ?? ''
  const language = translationLanguageOf(params.language)
  await requireTranslator(context, studentId)
  const result = await submitForm(await request.formData(), goalPlainFormSchema, ({ plain }) =>
    context.trpc.goals.translatePlain({ studentId, goalId, language, plain }),
  )
  if (result.ok) throw redirect(`/students/${studentId}/goals/${goalId}`)
  return result
}

/**
 * The four plain parts written again in a family's language, each under the English it says again. The live help
 * reads the text as the language it is in (docs/domain.md#reading-level-es, #jargon-es).
 */
export default function TranslateGoal() {
  const { t } = useTranslation()
  const { language, area, english, values, stale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { studentId, goalId } = useParams()
  const name = t(`languages.name.${language}`)
  const typed = actionData?.values ?? values
  const errors = actionData?.fieldErrors ?? {}
  return (
    <Card title={t('languages.translation.goalTitle', { language: name })}>
      <p className="mb-2 font-medium text-slate-800">{t('goals.areaGoal', { area: areaLabel(area) })}</p>
      <p className="mb-6 text-slate-700">{t('languages.translation.goalIntro', { language: name })}</p>
      {stale ? <EnglishMovedOn language={name} /> : null}
      <CheckedForm failure={actionData ?? null}>
        <Fieldset legend={t('goals.plainLegend')}>
          {PLAIN_PARTS.map((part) => (
            <PlainPartField
              key={part.key}
              part={part}
              language={language}
              initial={typedValue(typed, `plain.${part.key}`)}
              errors={errors[`plain.${part.key}`]}
              hint={<EnglishHint text={english[part.key]} />}
            />
          ))}
        </Fieldset>
        <FormActions
          busy={busy}
          submitLabel={t('languages.translation.save', { language: name })}
          cancelTo={`/students/${studentId}/goals/${goalId}`}
          footnote={t('languages.translation.historyNote')}
        />
      </CheckedForm>
    </Card>
  )
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: studentPageTitle(matches, t('languages.translation.goalTitle', { language: data ? t(`languages.name.${data.language}`) : '' })) },
]
