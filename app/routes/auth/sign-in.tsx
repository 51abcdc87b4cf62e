import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { safeRedirect } from '#app/utils/auth.server.ts'
import { signedInHeaders, tooManyRequests, withRetryAfter } from '#app/utils/rate-limit.server.ts'
import { signInSchema } from '#shared/schemas/auth.ts'
import { z } from 'zod'

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.auth.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')))
  return null
}

type ActionData = { message: string | null; fieldErrors: Record<string, string[] | undefined>; email: string }

export async function action({ context, request }: ActionFunctionArgs) {
  const form = await request.formData()
  const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') })
  if (!parsed.success) {
    return { message: null, fieldErrors: z.flattenError(parsed.error).fieldErrors, email: String(form.get('email') ?? '') } satisfies ActionData
  }
  const result = await context.auth.signIn(parsed.data.email, parsed.data.password)
  if (!result.ok) {
    const body: ActionData = { message: result.message, fieldErrors: {}, email: parsed.data.email }
    // Too many tries from here: 429 with Retry-After, and the page says how long to wait.
    return result.retryAfter ? tooManyRequests(body, result.retryAfter) : body
  }
  throw redirect(safeRedirect(form.get('redirectTo')), { headers: signedInHeaders(result) })
}

export default function SignIn() {
  const actionData = useActionData<ActionData>()
  const [params] = useSearchParams()
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Sign in to Same Page</h1>
      <Card>
        <Form method="post" className="space-y-4" noValidate>
          {actionData?.message ? <Alert>{actionData.message}</Alert> : null}
          <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={actionData?.email}
            errors={actionData?.fieldErrors.email}
            required
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            errors={actionData?.fieldErrors.password}
            required
          />
          <Button type="submit" disabled={busy} className="w-full">
            Sign in
          </Button>
        </Form>
      </Card>
      <p className="text-sm text-slate-600">
        New to a student’s team? Open the invite link your case manager sent you to set up your account.
      </p>
    </div>
  )
}

export const headers: HeadersFunction = withRetryAfter

export const meta: MetaFunction = () => [{ title: 'Sign in · Same Page' }]
