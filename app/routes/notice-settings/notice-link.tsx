import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { parseForm } from '#app/utils/parse-form.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { linkCadenceSchema } from '#shared/schemas/notices.ts'
import { CadenceChoice } from './cadence-choice.tsx'
import { digests } from '#shared/i18n/en/digests.ts'

addSections({ digests })

// /notices/:token, the link at the foot of every notice and digest email: one click from the mailbox to one
// person's choice for one student, without signing in. It shows names only and changes nothing else; opening it
// changes nothing either (mail scanners follow links): only the Save button does.

export async function loader({ context, params }: LoaderFunctionArgs) {
  const link = await context.noticeLinks.open(params.token ?? '')
  return link ? { link: { personName: link.personName, studentName: link.studentName, cadence: link.cadence } } : { link: null }
}

type ActionData = { ok: true; message: string } | { ok: false; message: string; refused: boolean }

export async function action({ context, params, request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), linkCadenceSchema)
  if (!parsed.ok) return { ok: false, message: parsed.message, refused: false } satisfies ActionData
  const token = params.token ?? ''
  const link = await context.noticeLinks.open(token)
  if (!link || !(await context.noticeLinks.choose(token, parsed.value.cadence))) return { ok: false, message: translate('digests.link.refused'), refused: true } satisfies ActionData
  const cadence = translate(`digests.cadences.${parsed.value.cadence}`)
  return { ok: true, message: translate('digests.link.saved', { cadence, student: link.studentName }) } satisfies ActionData
}

export default function NoticeLink() {
  const { t } = useTranslation()
  const { link } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const refused = !link || (actionData && !actionData.ok && actionData.refused)
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{link ? t('digests.link.title', { student: link.studentName }) : t('digests.settings.title')}</h1>
      <Card>
        {refused ? (
          <Alert>{t('digests.link.refused')}</Alert>
        ) : (
          <Form method="post" className="space-y-4">
            <p className="text-slate-700">{t('digests.link.intro', { name: link.personName, student: link.studentName })}</p>
            {actionData?.ok ? <Alert tone="success">{actionData.message}</Alert> : null}
            {actionData && !actionData.ok ? <Alert>{actionData.message}</Alert> : null}
            <CadenceChoice studentName={link.studentName} cadence={link.cadence} />
            <Button type="submit" disabled={busy}>
              {t('digests.link.save')}
            </Button>
          </Form>
        )}
        <p className="mt-4">
          <Link to="/account/notices" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            {t('digests.link.signIn')}
          </Link>
        </p>
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('digests.settings.title') }) }, { name: 'robots', content: 'noindex' }]
