import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button, buttonClasses } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { requireAppPage } from '#app/utils/app-pages.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { recordWeekSchema } from '#shared/schemas/week-bulk.ts'
import { isIsoDate } from '#shared/school-date.ts'
import { bulkKey, type BulkItem } from '#shared/week-bulk.ts'
import { sessions } from '#shared/i18n/en/sessions.ts'

addSections({ sessions })

/**
 * "Delivered as scheduled" for one week: the list of what one press records and what it leaves alone, then one
 * confirmation. A plain GET page and a POST form, so it works without JavaScript.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireAppPage(context, request, 'sessions')
  const asked = new URL(request.url).searchParams.get('week') ?? ''
  return loadOr404(() => context.trpc.sessions.weekPlan({ weekOf: isIsoDate(asked) ? asked : undefined }))
}

export async function action({ context, request }: ActionFunctionArgs) {
  requireUser(context, request)
  const parsed = parseForm(await request.formData(), recordWeekSchema)
  const result = parsed.ok ? await actionResult(() => context.trpc.sessions.recordWeek(parsed.value)) : parsed
  if (!result.ok) return { message: result.message }
  // Back to the week, where the exceptions are changed one by one.
  return redirect(`/sessions?week=${parsed.ok ? parsed.value.weekOf : ''}&recorded=${result.data.recorded.length}`)
}

export default function WeekBulk() {
  const { t } = useTranslation()
  const plan = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const weekLink = `/sessions?week=${plan.weekOf}`
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{t('sessions.weekBulk.heading', { date: formatDay(plan.weekOf) })}</h1>
        <p className="text-slate-700">{t('sessions.weekBulk.intro')}</p>
      </div>
      {failure ? <Alert>{failure.message}</Alert> : null}
      <Card title={t('sessions.weekBulk.willRecord')} headingId="will-record">
        {plan.include.length ? (
          <Form method="post" className="space-y-4">
            <input type="hidden" name="weekOf" value={plan.weekOf} />
            <ul className="divide-y divide-slate-200" aria-label={t('sessions.weekBulk.willRecordList')}>
              {plan.include.map((item) => (
                <li key={bulkKey(item)} className="py-2">
                  <input type="hidden" name="sessions" value={bulkKey(item)} />
                  <BulkLine item={item} />
                </li>
              ))}
            </ul>
            <Button type="submit" disabled={busy} className="w-full sm:w-auto">
              {t('sessions.weekBulk.confirm', { count: plan.include.length })}
            </Button>
          </Form>
        ) : (
          <p className="text-slate-700">{t('sessions.weekBulk.nothingToRecord')}</p>
        )}
      </Card>
      {plan.leftOut.length ? (
        <Card title={t('sessions.weekBulk.leftOut')} headingId="left-out">
          <p className="mb-2 text-slate-700">{t('sessions.weekBulk.leftOutIntro')}</p>
          <ul className="divide-y divide-slate-200" aria-label={t('sessions.weekBulk.leftOutList')}>
            {plan.leftOut.map((item) => (
              <li key={bulkKey(item)} className="py-2">
                <BulkLine item={item} />
                <p className="text-sm font-medium text-slate-800">{t(`sessions.weekBulk.why.${item.why}`)}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Link to={weekLink} className={buttonClasses('secondary')}>
        {t('sessions.weekBulk.backToWeek')}
      </Link>
    </div>
  )
}

function BulkLine({ item }: { item: BulkItem }) {
  const { t } = useTranslation()
  return (
    <>
      <p className="font-medium text-slate-900">{t('sessions.studentService', { student: item.studentName, service: item.serviceName })}</p>
      <p className="text-sm text-slate-700">{t('sessions.weekBulk.sessionLine', { date: formatDay(item.date), minutes: item.mandateMinutes })}</p>
    </>
  )
}

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('sessions.weekBulk.title') }) }]
