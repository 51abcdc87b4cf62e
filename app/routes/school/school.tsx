import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { MakeUpPolicyCard } from './make-up-policy-card.tsx'
import { SignInMethodsCard } from './sign-in-methods-card.tsx'
import { PeopleLinkCard } from './people-link-card.tsx'
import { SchoolCalendarCard, type SchoolFormResult } from './school-calendar-card.tsx'
import { TwoStepRequirementCard } from './two-step-requirement-card.tsx'
import { ReportingPeriodsCard } from './reporting-periods-card.tsx'
import { schoolTwoStepAction } from './two-step-requirement.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { canInSchool } from '#shared/permissions.ts'
import { DEFAULT_MAKE_UP_REASONS } from '#shared/services.ts'
import { impactSentence } from '#shared/closure-change.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { schoolFormSchema, schoolIntentSchema } from '#shared/schemas/school.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Card } from '#app/components/card.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { records } from '#shared/i18n/en/records.ts'
import { school } from '#shared/i18n/en/school.ts'

addSections({ records, school })

// /school/:schoolId. An index route, not school.$schoolId.tsx: that file would become the layout of
// school.$schoolId.accountability and swallow the school overview.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  if (!school) throw new Response(t('common.notFound'), { status: 404 })
  const [closures, reasons, periods] = await Promise.all([
    loadOr404(() => context.trpc.schools.closures({ schoolId })),
    loadOr404(() => context.trpc.schools.makeUpPolicy({ schoolId })),
    loadOr404(() => context.trpc.reporting.periods({ schoolId })),
  ])
  const isDefault = [...reasons].sort().join() === [...DEFAULT_MAKE_UP_REASONS].sort().join()
  const twoStep = canInSchool(school.role, 'school.security') ? await loadOr404(() => context.trpc.twoStep.schoolRequirement({ schoolId })) : null
  return {
    school,
    closures,
    reasons,
    periods,
    isDefault,
    editCalendar: canInSchool(school.role, 'school.calendar'),
    editPolicy: canInSchool(school.role, 'school.policy'),
    setUpSignIn: canInSchool(school.role, 'school.sso'),
    sessionLimits: canInSchool(school.role, 'school.sessions') ? await loadOr404(() => context.trpc.schools.sessionLimits({ schoolId })) : null,
    managePeople: canInSchool(school.role, 'school.people'),
    recordsRequests: canInSchool(school.role, 'school.recordsRequests'),
    twoStep,
  }
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<SchoolFormResult> {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const form = await request.formData()
  if (form.get('intent') === 'twoStep') return schoolTwoStepAction(context, schoolId, form)
  const which = parseForm(form, schoolIntentSchema)
  const intent = which.ok ? which.value.intent : ''
  // What was typed goes back to the form on a refusal, so nothing is lost without JavaScript.
  const values = { date: '', endDate: '', label: '', ...typedText(form) }
  const parsed = parseForm(form, schoolFormSchema)
  if (!parsed.ok) return { intent, ...parsed, values }
  const input = parsed.value
  if ((input.intent === 'addClosure' || input.intent === 'removeClosure') && !input.confirmed) {
    // A closure changes every student's sessions: say what it changes and ask, before anything is saved.
    const change = input.intent === 'addClosure' ? 'add' : 'remove'
    const endDate = input.intent === 'addClosure' ? input.endDate : undefined
    const preview = await actionResult(() => context.trpc.schools.closureChange({ schoolId, change, date: input.date, endDate }))
    if (!preview.ok) return { intent, ...preview, values }
    const { dates, label } = preview.data
    const day = (date: string) => formatDay(date, 'weekdayLong')
    const question =
      input.intent === 'removeClosure'
        ? t('school.closurePreview.removeOne', { label: label ?? '', date: day(input.date) })
        : endDate && endDate !== input.date
          ? t('school.closurePreview.addRange', { label: input.label, count: dates.length, from: day(dates[0]!), to: day(dates.at(-1)!) })
          : t('school.closurePreview.addOne', { label: input.label, date: day(input.date) })
    return { intent, ok: 'confirm', message: question, impact: impactSentence(change, preview.data), values }
  }
  const result = await actionResult(async () => {
    if (input.intent === 'addClosure') return context.trpc.schools.addClosure({ schoolId, date: input.date, endDate: input.endDate, label: input.label })
    if (input.intent === 'removeClosure') return context.trpc.schools.removeClosure({ schoolId, date: input.date })
    const reasons = input.intent === 'defaultPolicy' ? [...DEFAULT_MAKE_UP_REASONS] : input.reasons
    return context.trpc.schools.setMakeUpPolicy({ schoolId, reasons })
  })
  if (!result.ok) return { intent, ...result, values }
  const added = result.data && 'added' in result.data ? result.data.added : null
  const message = added !== null && input.intent === 'addClosure' && input.endDate && input.endDate !== input.date ? t('school.closurePreview.addedRange', { count: added }) : t(`school.saved.${input.intent}`)
  return { intent, ok: true, message }
}

function typedText(form: FormData): Record<string, string> {
  return Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
}

export default function SchoolSettings() {
  const { school, closures, reasons, periods, isDefault, editCalendar, editPolicy, sessionLimits, setUpSignIn, managePeople, recordsRequests, twoStep } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      <PageHeading title={t('school.settingsTitle')}>
        <p className="text-slate-700">{t('school.settingsIntro', { school: school.name })}</p>
      </PageHeading>
      {managePeople ? <PeopleLinkCard schoolId={school.id} /> : null}
      {recordsRequests ? (
        <Card title={t('records.requests.card')} headingId="records-requests-card">
          <p className="mb-2 text-slate-700">{t('records.requests.cardIntro')}</p>
          <TextLink to={`/school/${school.id}/records-requests`}>{t('records.requests.cardLink')}</TextLink>
        </Card>
      ) : null}
      <SchoolCalendarCard closures={closures} editable={editCalendar} result={result} />
      <ReportingPeriodsCard schoolId={school.id} periods={periods} />
      <MakeUpPolicyCard reasons={reasons} isDefault={isDefault} editable={editPolicy} result={result} />
      {setUpSignIn ? <SignInMethodsCard schoolId={school.id} /> : null}
      {sessionLimits ? (
        <Card>
          <TextLink to={`/school/${school.id}/sign-in-limits`}>{t('session.limits.link')}</TextLink>
          <p className="text-sm text-slate-600">{t('session.limits.linkHint', { minutes: sessionLimits.staffIdleMinutes, days: sessionLimits.familySessionDays })}</p>
        </Card>
      ) : null}
      {twoStep ? <TwoStepRequirementCard required={twoStep.required} result={result} /> : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t('common.titleSuffix', { title: data ? `${t('school.settingsTitle')} · ${data.school.name}` : t('school.settingsTitle') }) },
]
