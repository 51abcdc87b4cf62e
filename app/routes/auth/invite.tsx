import { redirect, redirectDocument, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { LanguageOptions } from '#app/components/language-options.tsx'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field, SelectField } from '#app/components/field.tsx'
import { typedFields, typedValue } from '#app/utils/typed-fields.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { isDomainError } from '#shared/domain-error.ts'
import { activeLanguage, addSections, t as translate } from '#shared/i18n/i18n.ts'
import { hasLanguageCookie } from '#shared/i18n/language-cookie.ts'
import { INVITE_STATUS_MESSAGES } from '#shared/invite-status.ts'
import { ROLE_LABELS } from '#shared/roles.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { acceptInviteNewAccountSchema, inviteIntentSchema, inviteSignInFormSchema, MIN_PASSWORD_LENGTH } from '#shared/schemas/auth.ts'
import { signedInHeaders, tooManyRequests, withRetryAfter } from '#app/utils/rate-limit.server.ts'
import { tryAgainMessage } from '#shared/sign-in-throttle.ts'
import { SECOND_STEP_PATH } from '#shared/two-step.ts'
import { advocates } from '#shared/i18n/en/advocates.ts'
import { auth } from '#shared/i18n/en/auth.ts'
import { people } from '#shared/i18n/en/people.ts'

addSections({ advocates, auth, people })

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  const invite = await context.invites.describe(params.token ?? '')
  if (!invite) return { state: 'invalid' as const, message: translate('auth.inviteInvalid') }
  if (invite.status !== 'valid') return { state: 'invalid' as const, message: INVITE_STATUS_MESSAGES[invite.status] }
  const user = context.auth.user
  // A team invite names the student and role; a staff invite (docs/people.md) names the school; a parent's grant of
  // read-only access (docs/advocates.md) names the student and the last day.
  const base =
    invite.kind === 'team'
      ? {
          heading: translate('auth.joinHeading', { student: invite.studentName }),
          intro: translate('auth.inviteIntro', { inviter: invite.inviterName, email: invite.email, student: invite.studentName, role: ROLE_LABELS[invite.role].toLowerCase() }),
          email: invite.email,
          readOnly: false,
        }
      : invite.kind === 'staff'
        ? {
            heading: translate('people.acceptPage.heading', { school: invite.schoolName }),
            intro: translate('people.acceptPage.intro', { inviter: invite.inviterName, email: invite.email, school: invite.schoolName }),
            email: invite.email,
            readOnly: false,
          }
        : {
            heading: translate('advocates.accept.heading', { student: invite.studentName }),
            intro: translate('advocates.accept.intro', { inviter: invite.inviterName, email: invite.email, student: invite.studentName, date: formatDay(invite.lastDay, 'long') }),
            email: invite.email,
            readOnly: true,
          }
  // A family invited in their language reads the sign-up page in it, unless this device already chose one. Once only
  // (the mark in the address): a browser that keeps no cookie gets the page in its own language, not a loop.
  const url = new URL(request.url)
  if (!user && invite.kind === 'team' && invite.language !== context.language && !hasLanguageCookie(request) && !url.searchParams.has('language')) {
    throw redirect(`${url.pathname}?language=${invite.language}`, { headers: { 'Set-Cookie': await context.chooseLanguage(invite.language) } })
  }
  if (user && user.email === invite.email) return { state: 'join' as const, ...base }
  if (user) return { state: 'wrong-account' as const, ...base, signedInAs: user.email }
  return { state: invite.accountExists ? ('sign-in' as const) : ('create' as const), ...base, language: context.language ?? activeLanguage() }
}

/** `name`: what was typed, sent back with a refusal so the page drawn anew (without scripts) keeps it; never the password. */
type ActionData = { message: string; fieldErrors: Record<string, string[] | undefined>; name?: string }

export async function action({ context, params, request }: ActionFunctionArgs) {
  // Every way of accepting (joining, signing in, creating an account) counts against this client's allowance.
  const limited = await context.limits.take('invite')
  if (limited) return tooManyRequests<ActionData>({ message: tryAgainMessage(limited, 'requests'), fieldErrors: {} }, limited)
  const token = params.token ?? ''
  const form = await request.formData()
  const chosen = parseForm(form, inviteIntentSchema)
  if (!chosen.ok) return { message: translate('auth.unknownAction'), fieldErrors: {} }
  const { intent } = chosen.value
  try {
    if (intent === 'join') {
      const user = context.auth.user
      if (!user) return { message: translate('auth.signInFirst'), fieldErrors: {} }
      const { studentId } = await context.invites.acceptAsUser(token, user.id)
      return redirect(joinedPage(studentId))
    }
    if (intent === 'sign-in') {
      const invite = await context.invites.describe(token)
      if (!invite || invite.status !== 'valid') return { message: translate('auth.inviteNoLongerUsable'), fieldErrors: {} }
      const parsed = parseForm(form, inviteSignInFormSchema)
      if (!parsed.ok) return parsed
      const signedIn = await context.auth.signIn(invite.email, parsed.value.password, `/invite/${token}`)
      // Two-step sign-in on: the code first, then back here, signed in, to join.
      if (signedIn.ok === 'second_step') return redirect(SECOND_STEP_PATH, { headers: { 'Set-Cookie': signedIn.setCookie } })
      if (!signedIn.ok) {
        const body: ActionData = { message: signedIn.message, fieldErrors: {} }
        return signedIn.retryAfter ? tooManyRequests(body, signedIn.retryAfter) : body
      }
      const { studentId } = await context.invites.acceptAsUser(token, signedIn.userId)
      return redirect(joinedPage(studentId), { headers: signedInHeaders(signedIn) })
    }
    const parsed = parseForm(form, acceptInviteNewAccountSchema)
    if (!parsed.ok) return { ...parsed, name: typedValue(typedFields(form), 'name') }
    const { studentId, userId, email } = await context.invites.acceptWithNewAccount(token, parsed.value.name, parsed.value.password, parsed.value.language)
    const headers = new Headers()
    for (const cookie of await context.auth.startSession(userId, email)) headers.append('Set-Cookie', cookie)
    // Loaded whole: the new account may have chosen another language than this page's, and the browser holds only its words.
    return redirectDocument(joinedPage(studentId), { headers })
  } catch (error) {
    if (isDomainError(error)) return { message: error.message, fieldErrors: {} }
    throw error
  }
}

/** The student's page after joining a team; My students after joining a school's staff (no student yet). */
function joinedPage(studentId: string | null): string {
  return studentId ? `/students/${studentId}` : '/'
}

export default function AcceptInvite() {
  const { t } = useTranslation()
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  if (data.state === 'invalid') {
    return (
      <Card title={t('auth.inviteUnusable')} headingLevel={1}>
        <p className="text-slate-700">{data.message}</p>
      </Card>
    )
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">{data.heading}</h1>
      <p className="text-slate-700">{data.intro}</p>
      <Card>
        {actionData?.message ? <Alert>{actionData.message}</Alert> : null}
        {data.state === 'join' ? (
          <Form method="post">
            <input type="hidden" name="intent" value="join" />
            <Button type="submit" disabled={busy}>
              {data.readOnly ? t('advocates.accept.button') : t('auth.joinTeam')}
            </Button>
          </Form>
        ) : null}
        {data.state === 'wrong-account' ? (
          <div className="space-y-3">
            <p>{t('auth.wrongAccount', { signedInAs: data.signedInAs, email: data.email })}</p>
            <Form method="post" action="/sign-out">
              <Button type="submit" variant="secondary">
                {t('auth.signOut')}
              </Button>
            </Form>
          </div>
        ) : null}
        {data.state === 'sign-in' ? (
          <AcceptForm intent="sign-in" submitLabel={data.readOnly ? t('advocates.accept.signIn') : t('auth.signInAndJoin')} busy={busy}>
            <p>{t('auth.haveAccount')}</p>
            <Field label={t('auth.emailField')} name="email" type="email" value={data.email} readOnly />
            <Field label={t('auth.passwordField')} name="password" type="password" autoComplete="current-password" errors={actionData?.fieldErrors.password} />
          </AcceptForm>
        ) : null}
        {data.state === 'create' ? (
          <AcceptForm intent="create" submitLabel={data.readOnly ? t('advocates.accept.create') : t('auth.createAndJoin')} busy={busy}>
            <Field label={t('auth.emailField')} name="email" type="email" value={data.email} readOnly />
            <Field label={t('auth.nameField')} name="name" autoComplete="name" defaultValue={actionData?.name} errors={actionData?.fieldErrors.name} />
            <Field
              label={t('auth.passwordField')}
              name="password"
              type="password"
              autoComplete="new-password"
              hint={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
              errors={actionData?.fieldErrors.password}
            />
            <SelectField
              label={t('languages.signUpField')}
              name="language"
              defaultValue={data.language}
              hint={t('languages.signUpHint')}
              errors={actionData?.fieldErrors.language}
            >
              <LanguageOptions />
            </SelectField>
          </AcceptForm>
        ) : null}
      </Card>
    </div>
  )
}

/** Accepting with an account: the intent the action reads, the fields, and the one button. */
function AcceptForm({ intent, submitLabel, busy, children }: { intent: 'sign-in' | 'create'; submitLabel: string; busy: boolean; children: ReactNode }) {
  return (
    <Form method="post" className="mt-2 space-y-4" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  )
}

export const headers: HeadersFunction = withRetryAfter

export const meta: MetaFunction = () => [{ title: translate('common.titleSuffix', { title: translate('auth.inviteTitle') }) }, { name: 'referrer', content: 'no-referrer' }]
