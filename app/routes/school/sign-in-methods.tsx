import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { useFocusFirstError } from '#app/components/form-parts.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { type FormFailure, parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { ssoFormSchema } from '#shared/schemas/sso.ts'
import { SSO_LIMITS } from '#shared/sso.ts'
import { sso } from '#shared/i18n/en/sso.ts'

addSections({ sso })

// /school/:schoolId/sign-in-methods: the school admin sets up the district's own sign-in service (OpenID Connect).
// The client secret is write-only: the page never receives it, and a blank field keeps the saved one.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  // The school gate answers 404 to anyone who is not the school's admin or case manager, 403 (shown as 404) to a case manager.
  const sso = await loadOr404(() => context.trpc.sso.get({ schoolId }))
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  return { ...sso, schoolName: school?.name ?? '' }
}

type Values = { label?: string; issuer?: string; clientId?: string }
type Result = { intent: string; ok: true; message: string } | (FormFailure & { intent: string; values: Values })

export async function action({ context, request, params }: ActionFunctionArgs): Promise<Result> {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  // What was typed goes back to the form on a refusal; the secret never does.
  const values: Values = { label: text(form, 'label'), issuer: text(form, 'issuer'), clientId: text(form, 'clientId') }
  const parsed = parseForm(form, ssoFormSchema)
  if (!parsed.ok) return { intent, ...parsed, values }
  const input = parsed.value
  if (input.intent === 'test') {
    const tested = await actionResult(() => context.trpc.sso.test({ schoolId, issuer: input.issuer, clientId: input.clientId }))
    if (!tested.ok) return { intent, ...tested, values }
    return { intent, ok: true, message: t('sso.admin.testOk', { issuer: tested.data.issuer, endpoint: tested.data.authorizationEndpoint }) }
  }
  if (input.intent === 'disable') {
    const disabled = await actionResult(() => context.trpc.sso.disable({ schoolId }))
    return disabled.ok ? { intent, ok: true, message: t('sso.admin.disabled') } : { intent, ...disabled, values }
  }
  const { intent: _intent, ...provider } = input
  const saved = await actionResult(() => context.trpc.sso.save({ schoolId, ...provider }))
  return saved.ok ? { intent, ok: true, message: t('sso.admin.saved', { label: saved.data.label }) } : { intent, ...saved, values }
}

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name)
  return typeof value === 'string' ? value.slice(0, 1000) : undefined
}

export default function SignInMethods() {
  const { provider, redirectUri, schoolName } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation()
  const failure = result && result.ok !== true ? result : null
  const formRef = useFocusFirstError(failure)
  const navigation = useNavigation()
  const busyWith = navigation.state === 'submitting' ? String(navigation.formData?.get('intent') ?? '') : ''
  const errors = (name: string) => failure?.fieldErrors[name]
  const typed = failure?.values
  const status = !provider ? t('sso.admin.statusNone') : provider.enabled ? t('sso.admin.statusOn', { label: provider.label }) : t('sso.admin.statusOff')
  return (
    <div className="space-y-6">
      <PageHeading title={t('sso.admin.title')}>
        <p className="text-slate-700">{t('sso.admin.intro', { school: schoolName })}</p>
      </PageHeading>
      <Alert tone={provider?.enabled ? 'success' : 'info'}>{status}</Alert>
      <Card title={t('sso.admin.redirectTitle')} headingId="sso-redirect">
        <div className="space-y-3">
          <p className="text-slate-700">{t('sso.admin.redirectIntro')}</p>
          <Field label={t('sso.admin.redirectLabel')} name="redirectUri" value={redirectUri} readOnly onFocus={(e) => e.currentTarget.select()} />
          <p className="text-slate-700">{t('sso.admin.scopes')}</p>
        </div>
      </Card>
      <Card title={t('sso.admin.formTitle')} headingId="sso-provider">
        {result ? (
          <div className="mb-4">
            <Alert tone={result.ok === true ? 'success' : 'error'}>{result.message}</Alert>
          </div>
        ) : null}
        <Form method="post" className="space-y-4" ref={formRef} noValidate key={provider?.updatedAt ?? 'new'}>
          <Field
            label={t('sso.admin.label')}
            name="label"
            hint={t('sso.admin.labelHint')}
            maxLength={SSO_LIMITS.label}
            defaultValue={typed?.label ?? provider?.label ?? ''}
            errors={errors('label')}
            required
          />
          <Field
            label={t('sso.admin.issuer')}
            name="issuer"
            type="url"
            hint={t('sso.admin.issuerHint')}
            maxLength={SSO_LIMITS.issuer}
            defaultValue={typed?.issuer ?? provider?.issuer ?? ''}
            errors={errors('issuer')}
            autoComplete="off"
            required
          />
          <Field
            label={t('sso.admin.clientId')}
            name="clientId"
            maxLength={SSO_LIMITS.clientId}
            defaultValue={typed?.clientId ?? provider?.clientId ?? ''}
            errors={errors('clientId')}
            autoComplete="off"
            required
          />
          <Field
            label={t('sso.admin.clientSecret')}
            name="clientSecret"
            type="password"
            hint={provider?.hasSecret ? t('sso.admin.clientSecretHintKept') : t('sso.admin.clientSecretHintNew')}
            maxLength={SSO_LIMITS.clientSecret}
            errors={errors('clientSecret')}
            autoComplete="new-password"
            required={!provider?.hasSecret}
          />
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <Button type="submit" name="intent" value="save" disabled={Boolean(busyWith)}>
              {busyWith === 'save' ? t('sso.admin.saving') : t('sso.admin.save')}
            </Button>
            <Button type="submit" name="intent" value="test" variant="secondary" disabled={Boolean(busyWith)}>
              {busyWith === 'test' ? t('sso.admin.testing') : t('sso.admin.test')}
            </Button>
            {provider?.enabled ? (
              <Button type="submit" name="intent" value="disable" variant="danger" disabled={Boolean(busyWith)}>
                {t('sso.admin.disable')}
              </Button>
            ) : null}
          </div>
        </Form>
      </Card>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t('common.titleSuffix', { title: data ? `${t('sso.admin.title')} · ${data.schoolName}` : t('sso.admin.title') }) },
]
