import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { twoStepFormSchema, type TwoStepForm } from '#shared/schemas/two-step.ts'
import { twoStep } from '#shared/i18n/en/twoStep.ts'

addSections({ twoStep })

// /account/two-step (docs/two-step.md): turn two-step sign-in on (a QR code and the key as text, then a first
// code), see the recovery codes once, turn it off, or make new recovery codes. Open to an account whose school
// requires it before anything else.

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request)
  const status = await context.trpc.twoStep.status()
  return {
    on: status.on,
    required: status.required,
    recoveryCodesLeft: status.recoveryCodesLeft,
    // The QR code as an image (the page's CSP allows data: images); the otpauth link itself stays on the server.
    pending: status.pending && { qr: `data:image/svg+xml;base64,${Buffer.from(status.pending.qrSvg).toString('base64')}`, keyText: status.pending.keyText },
  }
}

type Intent = TwoStepForm['intent']
type ActionData = { intent: Intent | null; ok: boolean; message: string; fieldErrors: Record<string, string[] | undefined>; recoveryCodes?: string[] }

export async function action({ context, request }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const form = await request.formData()
  const parsed = parseForm(form, twoStepFormSchema)
  const typed = String(form.get('intent') ?? '')
  const intent = (['begin', 'confirm', 'off', 'renew'] as const).find((i) => i === typed) ?? null
  if (!parsed.ok) return { intent, ...parsed }
  const input = parsed.value
  if (input.intent === 'begin') {
    const result = await actionResult(() => context.trpc.twoStep.beginSetUp())
    return result.ok ? { intent: 'begin', ok: true, message: '', fieldErrors: {} } : { intent: 'begin', ...result }
  }
  if (input.intent === 'confirm') {
    const result = await actionResult(() => context.trpc.twoStep.confirmSetUp({ code: input.code }))
    if (!result.ok) return { intent: 'confirm', ...result }
    return { intent: 'confirm', ok: true, message: translate('twoStep.turnedOn'), fieldErrors: {}, recoveryCodes: result.data.recoveryCodes }
  }
  if (input.intent === 'off') {
    const result = await actionResult(() => context.trpc.twoStep.turnOff({ password: input.password, code: input.code }))
    if (!result.ok) return { intent: 'off', ...result }
    return { intent: 'off', ok: true, message: translate('twoStep.turnedOff'), fieldErrors: {} }
  }
  const result = await actionResult(() => context.trpc.twoStep.renewRecoveryCodes({ code: input.code }))
  if (!result.ok) return { intent: 'renew', ...result }
  return { intent: 'renew', ok: true, message: '', fieldErrors: {}, recoveryCodes: result.data.recoveryCodes }
}

export default function TwoStep() {
  const { t } = useTranslation()
  const { on, required, recoveryCodesLeft, pending } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const answer = (intent: Intent) =>
    actionData?.intent === intent && actionData.message ? <Alert tone={actionData.ok ? 'success' : 'error'}>{actionData.message}</Alert> : null
  const errors = (intent: Intent, field: string) => (actionData?.intent === intent ? actionData.fieldErrors[field] : undefined)

  const offAnswer = answer('off')
  const renewAnswer = answer('renew')
  const confirmAnswer = answer('confirm')
  const beginAnswer = answer('begin')
  const turnedOff = actionData?.intent === 'off' && actionData.ok

  if (actionData?.recoveryCodes) return <RecoveryCodes codes={actionData.recoveryCodes} turnedOn={actionData.intent === 'confirm' ? actionData.message : null} />

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('twoStep.pageHeading')}</h1>
      {required && !on ? <Alert tone="warning">{t('twoStep.owedNotice')}</Alert> : null}
      {turnedOff ? offAnswer : null}
      <p className="text-slate-700">{t('twoStep.cardIntro')}</p>
      {on ? (
        <>
          <p className="font-medium">
            {t('twoStep.isOn')} {t('twoStep.recoveryLeft', { count: recoveryCodesLeft })}
          </p>
          <section aria-labelledby="renew-heading">
            <Card>
              <h2 id="renew-heading" className="mb-2 text-lg font-semibold">
                {t('twoStep.regenerateHeading')}
              </h2>
              <Form method="post" className="space-y-4" noValidate>
                {renewAnswer}
                <p className="text-sm text-slate-600">{t('twoStep.regenerateIntro')}</p>
                <input type="hidden" name="intent" value="renew" />
                <Field label={t('twoStep.codeField')} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={20} errors={errors('renew', 'code')} required />
                <Button type="submit" variant="secondary" disabled={busy}>
                  {t('twoStep.regenerate')}
                </Button>
              </Form>
            </Card>
          </section>
          {required ? (
            <p className="text-slate-700">{t('twoStep.requiredBySchool')}</p>
          ) : (
            <section aria-labelledby="off-heading">
              <Card>
                <h2 id="off-heading" className="mb-2 text-lg font-semibold">
                  {t('twoStep.offHeading')}
                </h2>
                <Form method="post" className="space-y-4" noValidate>
                  {turnedOff ? null : offAnswer}
                  <p className="text-sm text-slate-600">{t('twoStep.offIntro')}</p>
                  <input type="hidden" name="intent" value="off" />
                  <Field label={t('twoStep.currentPassword')} name="password" type="password" autoComplete="current-password" errors={errors('off', 'password')} required />
                  <Field label={t('twoStep.codeOrRecoveryField')} name="code" autoComplete="one-time-code" maxLength={40} errors={errors('off', 'code')} required />
                  <Button type="submit" variant="secondary" disabled={busy}>
                    {t('twoStep.turnOff')}
                  </Button>
                </Form>
              </Card>
            </section>
          )}
        </>
      ) : pending ? (
        <>
          <section aria-labelledby="scan-heading">
            <Card>
              <h2 id="scan-heading" className="mb-2 text-lg font-semibold">
                {t('twoStep.step1')}
              </h2>
              <p className="text-sm text-slate-700">{t('twoStep.scanIntro')}</p>
              <img src={pending.qr} alt={t('twoStep.qrLabel')} width={220} height={220} className="mx-auto my-4 h-56 w-56 bg-white" />
              <h3 className="font-medium text-slate-800">{t('twoStep.keyLabel')}</h3>
              <p className="text-sm text-slate-600">{t('twoStep.keyHint')}</p>
              <p className="mt-1 break-words rounded bg-slate-100 p-2 font-mono text-lg" data-testid="two-step-key">
                {pending.keyText}
              </p>
            </Card>
          </section>
          <section aria-labelledby="confirm-heading">
            <Card>
              <h2 id="confirm-heading" className="mb-2 text-lg font-semibold">
                {t('twoStep.step2')}
              </h2>
              <Form method="post" className="space-y-4" noValidate>
                {confirmAnswer}
                <input type="hidden" name="intent" value="confirm" />
                <Field
                  label={t('twoStep.codeField')}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={20}
                  hint={t('twoStep.codeHint')}
                  errors={errors('confirm', 'code')}
                  required
                />
                <Button type="submit" disabled={busy}>
                  {t('twoStep.confirm')}
                </Button>
              </Form>
              <Form method="post" className="mt-4">
                <input type="hidden" name="intent" value="begin" />
                <Button type="submit" variant="secondary" disabled={busy}>
                  {t('twoStep.restart')}
                </Button>
              </Form>
            </Card>
          </section>
        </>
      ) : (
        <Card>
          <Form method="post" className="space-y-4">
            {beginAnswer}
            <p className="text-sm text-slate-700">{t('twoStep.beginIntro')}</p>
            <input type="hidden" name="intent" value="begin" />
            <Button type="submit" disabled={busy}>
              {t('twoStep.begin')}
            </Button>
          </Form>
        </Card>
      )}
      <p>
        <TextLink to="/account">{t('twoStep.backToAccount')}</TextLink>
      </p>
    </div>
  )
}

/** The ten codes, shown this once: the page after turning it on, or after making new ones. */
function RecoveryCodes({ codes, turnedOn }: { codes: string[]; turnedOn: string | null }) {
  const { t } = useTranslation()
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t('twoStep.pageHeading')}</h1>
      {turnedOn ? <Alert tone="success">{turnedOn}</Alert> : null}
      <Card title={t('twoStep.codesHeading')} headingId="codes-heading">
        <Alert tone="warning">{t('twoStep.codesSaveNow')}</Alert>
        <ul aria-label={t('twoStep.codesListLabel')} className="mt-4 grid grid-cols-1 gap-2 font-mono text-lg sm:grid-cols-2">
          {codes.map((code) => (
            <li key={code} className="rounded bg-slate-100 px-2 py-1">
              {code}
            </li>
          ))}
        </ul>
        <p className="mt-4">
          <TextLink to="/account">{t('twoStep.codesDone')}</TextLink>
        </p>
      </Card>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('twoStep.pageTitle') }) }]
