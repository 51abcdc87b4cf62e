import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { isDomainError } from '#shared/domain-error.ts'
import { INVITE_STATUS_MESSAGES } from '#shared/invite-status.ts'
import { ROLE_LABELS } from '#shared/roles.ts'
import { acceptInviteNewAccountSchema } from '#shared/schemas/auth.ts'
import { signedInHeaders, tooManyRequests, withRetryAfter } from '#app/utils/rate-limit.server.ts'
import { tryAgainMessage } from '#shared/sign-in-throttle.ts'

export async function loader({ context, params }: LoaderFunctionArgs) {
  const invite = await context.invites.describe(params.token ?? '')
  if (!invite) return { state: 'invalid' as const, message: 'This invite link is not valid. Check that you copied all of it.' }
  if (invite.status !== 'valid') return { state: 'invalid' as const, message: INVITE_STATUS_MESSAGES[invite.status] }
  const user = context.auth.user
  const base = { studentName: invite.studentName, inviterName: invite.inviterName, role: ROLE_LABELS[invite.role], email: invite.email }
  if (user && user.email === invite.email) return { state: 'join' as const, ...base }
  if (user) return { state: 'wrong-account' as const, ...base, signedInAs: user.email }
  return { state: invite.accountExists ? ('sign-in' as const) : ('create' as const), ...base }
}

type ActionData = { message: string; fieldErrors: Record<string, string[] | undefined> }

export async function action({ context, params, request }: ActionFunctionArgs) {
  // Every way of accepting (joining, signing in, creating an account) counts against this client's allowance.
  const limited = await context.limits.take('invite')
  if (limited) return tooManyRequests<ActionData>({ message: tryAgainMessage(limited, 'requests'), fieldErrors: {} }, limited)
  const token = params.token ?? ''
  const form = await request.formData()
  const intent = form.get('intent')
  try {
    if (intent === 'join') {
      const user = context.auth.user
      if (!user) return { message: 'Sign in first.', fieldErrors: {} }
      const { studentId } = await context.invites.acceptAsUser(token, user.id)
      return redirect(`/students/${studentId}`)
    }
    if (intent === 'sign-in') {
      const invite = await context.invites.describe(token)
      if (!invite || invite.status !== 'valid') return { message: 'This invite link can no longer be used.', fieldErrors: {} }
      const password = String(form.get('password') ?? '')
      if (!password) return { message: 'Enter your password.', fieldErrors: { password: ['Enter your password.'] } }
      const signedIn = await context.auth.signIn(invite.email, password)
      if (!signedIn.ok) {
        const body: ActionData = { message: signedIn.message, fieldErrors: {} }
        return signedIn.retryAfter ? tooManyRequests(body, signedIn.retryAfter) : body
      }
      const { studentId } = await context.invites.acceptAsUser(token, signedIn.userId)
      return redirect(`/students/${studentId}`, { headers: signedInHeaders(signedIn) })
    }
    if (intent === 'create') {
      const parsed = acceptInviteNewAccountSchema.safeParse({ name: form.get('name'), password: form.get('password') })
      if (!parsed.success) return { message: 'Please correct the fields marked below.', fieldErrors: z.flattenError(parsed.error).fieldErrors }
      const { studentId, userId, email } = await context.invites.acceptWithNewAccount(token, parsed.data.name, parsed.data.password)
      const headers = new Headers()
      for (const cookie of await context.auth.startSession(userId, email)) headers.append('Set-Cookie', cookie)
      return redirect(`/students/${studentId}`, { headers })
    }
  } catch (error) {
    if (isDomainError(error)) return { message: error.message, fieldErrors: {} }
    throw error
  }
  return { message: 'That action is not known.', fieldErrors: {} }
}

export default function AcceptInvite() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  if (data.state === 'invalid') {
    return (
      <Card title="This invite can’t be used" headingLevel={1}>
        <p className="text-slate-700">{data.message}</p>
      </Card>
    )
  }
  const intro = `${data.inviterName} invited ${data.email} to join ${data.studentName}’s team as ${data.role.toLowerCase()}.`
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Join {data.studentName}’s team</h1>
      <p className="text-slate-700">{intro}</p>
      <Card>
        {actionData?.message ? <Alert>{actionData.message}</Alert> : null}
        {data.state === 'join' ? (
          <Form method="post">
            <input type="hidden" name="intent" value="join" />
            <Button type="submit" disabled={busy}>
              Join the team
            </Button>
          </Form>
        ) : null}
        {data.state === 'wrong-account' ? (
          <div className="space-y-3">
            <p>
              You are signed in as {data.signedInAs}. This invite is for {data.email}: sign out, then open the link again.
            </p>
            <Form method="post" action="/sign-out">
              <Button type="submit" variant="secondary">
                Sign out
              </Button>
            </Form>
          </div>
        ) : null}
        {data.state === 'sign-in' ? (
          <Form method="post" className="mt-2 space-y-4" noValidate>
            <input type="hidden" name="intent" value="sign-in" />
            <p>You already have an account. Sign in to accept.</p>
            <Field label="Email" name="email" type="email" value={data.email} readOnly />
            <Field label="Password" name="password" type="password" autoComplete="current-password" errors={actionData?.fieldErrors.password} />
            <Button type="submit" disabled={busy}>
              Sign in and join
            </Button>
          </Form>
        ) : null}
        {data.state === 'create' ? (
          <Form method="post" className="mt-2 space-y-4" noValidate>
            <input type="hidden" name="intent" value="create" />
            <Field label="Email" name="email" type="email" value={data.email} readOnly />
            <Field label="Your name" name="name" autoComplete="name" errors={actionData?.fieldErrors.name} />
            <Field
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="At least 10 characters."
              errors={actionData?.fieldErrors.password}
            />
            <Button type="submit" disabled={busy}>
              Create account and join
            </Button>
          </Form>
        ) : null}
      </Card>
    </div>
  )
}

export const headers: HeadersFunction = withRetryAfter

export const meta: MetaFunction = () => [{ title: 'Team invite · Same Page' }, { name: 'referrer', content: 'no-referrer' }]
