import { redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { NewPasswordFields } from './new-password-fields.tsx'
import { TwoStepCard } from './two-step-card.tsx'
import { Button } from '#app/components/button.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { parseForm } from '#app/utils/parse-form.ts'
import { twoStepSetUpRedirect } from '#app/utils/two-step-gate.server.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { type ACCOUNT_INTENTS, accountIntentSchema, changeEmailSchema, changePasswordSchema } from '#shared/schemas/account.ts'
import { changeNameSchema, deviceHandleSchema } from '#shared/schemas/session-limits.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { DevicesCard, type DeviceRow } from './devices-card.tsx'
import { NameCard } from './name-card.tsx'
import { LanguageCard } from './language-card.tsx'
import { auth } from '#shared/i18n/en/auth.ts'
import { digests } from '#shared/i18n/en/digests.ts'

addSections({ auth, digests })

export async function loader({ context, request }: LoaderFunctionArgs) {
  const user = context.auth.user
  if (!user) throw redirect('/sign-in?redirectTo=/account')
  const devices = (await context.account.devices()).map(describeDevice)
  const { on, recoveryCodesLeft, required } = await context.trpc.twoStep.status()
  const languageSaved = new URL(request.url).searchParams.get('saved') === 'language'
  return { name: user.name, email: user.email, language: user.language, languageSaved, devices, twoStep: { on, recoveryCodesLeft, required } }
}

/** Dates in words here, on the server, so the page reads the same before and after its scripts load. */
type Device = Awaited<ReturnType<AppLoadContext['account']['devices']>>[number]

function describeDevice(d: Device): DeviceRow {
  const { browser, system } = d.name
  const name = translate('session.devices.deviceName', {
    browser: browser ?? translate('session.devices.unknownBrowser'),
    system: system ?? translate('session.devices.unknownSystem'),
  })
  const method = isSessionMethod(d.method) ? translate(`session.devices.method.${d.method}`) : ''
  const parts = [
    translate('session.devices.signedIn', { when: formatMoment(new Date(d.createdAt), 'dateTime') }),
    method,
    translate('session.devices.lastUsed', { when: formatMoment(new Date(d.lastSeenAt), 'dateTime') }),
    d.ip ? translate('session.devices.from', { address: d.ip }) : '',
  ]
  return { handle: d.handle, current: d.current, name, detail: parts.filter(Boolean).join(' · ') }
}

const SESSION_METHODS = ['password', 'invite', 'password_reset', 'two_step', 'sso'] as const

function isSessionMethod(method: string | null): method is (typeof SESSION_METHODS)[number] {
  return (SESSION_METHODS as readonly (string | null)[]).includes(method)
}

type Intent = (typeof ACCOUNT_INTENTS)[number]
type ActionData = { intent: Intent | null; message: string; done?: boolean; fieldErrors: Record<string, string[] | undefined>; email?: string }

const REASONS = {
  wrong_password: () => translate('account.currentPasswordWrong'),
  same_email: () => translate('account.emailSameAsNow'),
  email_taken: () => translate('account.emailTaken'),
} as const

export async function action({ context, request }: ActionFunctionArgs) {
  if (!context.auth.user) throw redirect('/sign-in?redirectTo=/account')
  // Loaders redirect an account that owes its two-step set-up; an action runs before them, so it asks here too.
  const setUpFirst = await twoStepSetUpRedirect(context, '/account')
  if (setUpFirst) throw setUpFirst
  const form = await request.formData()
  const chosen = parseForm(form, accountIntentSchema)
  if (!chosen.ok) return { intent: null, message: translate('auth.unknownAction'), fieldErrors: {} } satisfies ActionData
  const { intent } = chosen.value
  if (intent === 'name') {
    const parsed = parseForm(form, changeNameSchema)
    if (!parsed.ok) return { intent, ...parsed } satisfies ActionData
    await context.account.changeName(parsed.value.name)
    return { intent, message: translate('session.name.saved'), done: true, fieldErrors: {} } satisfies ActionData
  }
  if (intent === 'signOutDevice') {
    const parsed = parseForm(form, deviceHandleSchema)
    const done = parsed.ok && (await context.account.signOutDevice(parsed.value.device))
    return { intent, message: translate(done ? 'session.devices.signedOut' : 'session.devices.unknown'), done, fieldErrors: {} } satisfies ActionData
  }
  if (intent === 'signOutOthers') {
    const count = await context.account.signOutOtherDevices()
    return { intent, message: translate('session.devices.othersSignedOut', { count }), done: true, fieldErrors: {} } satisfies ActionData
  }
  if (intent === 'password') {
    const parsed = parseForm(form, changePasswordSchema)
    if (!parsed.ok) return { intent, ...parsed } satisfies ActionData
    const result = await context.account.changePassword(parsed.value.current, parsed.value.password)
    if (!result.ok) return { intent, message: REASONS[result.reason](), fieldErrors: {} } satisfies ActionData
    return { intent, message: translate('account.passwordChanged'), done: true, fieldErrors: {} } satisfies ActionData
  }
  const parsed = parseForm(form, changeEmailSchema)
  if (!parsed.ok) return { intent, ...parsed, email: String(form.get('email') ?? '').slice(0, 254) } satisfies ActionData
  const result = await context.account.requestEmailChange(parsed.value.email, parsed.value.current)
  if (!result.ok) return { intent, message: REASONS[result.reason](), fieldErrors: {}, email: parsed.value.email } satisfies ActionData
  return { intent, message: translate('account.emailLinkSent', { email: parsed.value.email }), done: true, fieldErrors: {} } satisfies ActionData
}

export default function Account() {
  const { t } = useTranslation()
  const { name, email, language, languageSaved, devices, twoStep } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const answer = (intent: Intent) =>
    actionData?.intent === intent && actionData.message ? (
      actionData.done ? (
        <p role="status" className="rounded bg-green-50 p-3 text-green-900">
          {actionData.message}
        </p>
      ) : (
        <Alert>{actionData.message}</Alert>
      )
    ) : null
  const passwordAnswer = answer('password')
  const devicesAnswer = answer('signOutDevice') ?? answer('signOutOthers')
  const emailAnswer = answer('email')
  const errors = (intent: Intent, field: string) => (actionData?.intent === intent ? actionData.fieldErrors[field] : undefined)
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('account.heading')}</h1>
      <p>{t('account.signedInAs', { name, email })}</p>
      <p>
        <TextLink to="/account/notices">{t('digests.settings.title')}</TextLink>
      </p>
      <LanguageCard language={language} saved={languageSaved} />
      <NameCard name={name} answer={answer('name')} errors={errors('name', 'name')} busy={busy} />
      <section aria-labelledby="password-heading">
        <Card>
          <h2 id="password-heading" className="mb-2 text-lg font-semibold">
            {t('account.passwordHeading')}
          </h2>
          <Form method="post" className="space-y-4" noValidate>
            {passwordAnswer}
            <p className="text-sm text-slate-600">{t('account.passwordIntro')}</p>
            <input type="hidden" name="intent" value="password" />
            <Field label={t('account.currentPassword')} name="current" type="password" autoComplete="current-password" errors={errors('password', 'current')} required />
            <NewPasswordFields errors={{ password: errors('password', 'password'), confirm: errors('password', 'confirm') }} />
            <Button type="submit" disabled={busy}>
              {t('account.passwordSave')}
            </Button>
          </Form>
        </Card>
      </section>
      <section aria-labelledby="email-heading">
        <Card>
          <h2 id="email-heading" className="mb-2 text-lg font-semibold">
            {t('account.emailHeading')}
          </h2>
          <Form method="post" className="space-y-4" noValidate>
            {emailAnswer}
            <p className="text-sm text-slate-600">{t('account.emailIntro')}</p>
            <input type="hidden" name="intent" value="email" />
            <Field
              label={t('account.newEmail')}
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={actionData?.intent === 'email' && !actionData.done ? actionData.email : undefined}
              errors={errors('email', 'email')}
              required
            />
            <Field label={t('account.currentPassword')} name="current" type="password" autoComplete="current-password" errors={errors('email', 'current')} required />
            <Button type="submit" disabled={busy}>
              {t('account.emailSave')}
            </Button>
          </Form>
        </Card>
      </section>
      <TwoStepCard {...twoStep} />
      <DevicesCard devices={devices} answer={devicesAnswer} busy={busy} />
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('account.title') }) }]
