import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { TRPCError } from '@trpc/server'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field, TextareaField } from '#app/components/field.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { isPlanImportError, type PlanError } from '#shared/plan-import/errors.ts'
import { PLAN_FORMAT, PLAN_MAX_BYTES } from '#shared/plan-import/schema.ts'
import { ROLE_LABELS, type TeamRole } from '#shared/roles.ts'
import { PageHeading } from '#app/components/page-heading.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { tooManyRequests, withRetryAfter } from '#app/utils/rate-limit.server.ts'
import { tryAgainMessage } from '#shared/sign-in-throttle.ts'

// School admins and the school's case managers; anyone else gets the same 404 as a school that does not exist.
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const school = await loadOr404(() => context.trpc.imports.school({ schoolId: params.schoolId ?? '' }))
  return { school }
}

type ActionData =
  | { ok: false; errors: PlanError[]; pasted: string }
  | { ok: true; studentId: string; studentName: string; schoolName: string; invites: { email: string; role: TeamRole; link: string }[] }

const MAX_MB = PLAN_MAX_BYTES / 1024 / 1024

/** The plan's text: an uploaded file wins over the text box. */
async function planText(request: Request): Promise<{ text: string; pasted: string } | PlanError> {
  // Refuse an oversized upload before reading it (a little room for the form's own fields).
  if (Number(request.headers.get('content-length') ?? 0) > PLAN_MAX_BYTES + 64 * 1024) {
    return { path: '', message: `is larger than ${MAX_MB} MB: a smaller file expected` }
  }
  const form = await request.formData()
  const file = form.get('file')
  const pasted = form.get('json')
  const pastedText = typeof pasted === 'string' ? pasted : ''
  if (file && typeof file === 'object' && file.size > 0) return { text: await file.text(), pasted: pastedText }
  if (pastedText.trim()) return { text: pastedText, pasted: pastedText }
  return { path: '', message: 'is missing: choose a plan file or paste the plan' }
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData | ReturnType<typeof tooManyRequests<ActionData>>> {
  requireUser(context, request)
  // The same per-client allowance as imports.plan over /api/trpc.
  const limited = await context.limits.take('import')
  if (limited) return tooManyRequests<ActionData>({ ok: false, errors: [{ path: '', message: tryAgainMessage(limited, 'requests') }], pasted: '' }, limited)
  const schoolId = params.schoolId ?? ''
  const input = await planText(request)
  if ('path' in input) return { ok: false, errors: [input], pasted: '' }
  try {
    const result = await context.trpc.imports.plan({ schoolId, json: input.text })
    const student = await context.trpc.students.get({ studentId: result.studentId })
    const origin = new URL(request.url).origin
    return {
      ok: true,
      studentId: result.studentId,
      studentName: student.name,
      schoolName: student.schoolName,
      invites: result.invites.map((i) => ({ email: i.email, role: i.role, link: `${origin}/invite/${i.token}` })),
    }
  } catch (error) {
    if (error instanceof TRPCError) {
      if (isPlanImportError(error.cause)) return { ok: false, errors: error.cause.errors, pasted: input.pasted }
      if (error.code === 'UNAUTHORIZED') throw redirect('/sign-in')
      if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') throw new Response('Not found', { status: 404 })
      if (error.code === 'BAD_REQUEST') return { ok: false, errors: [{ path: '', message: error.message }], pasted: input.pasted }
    }
    throw error
  }
}

export default function ImportPlan() {
  const { school } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  return (
    <div className="space-y-6">
      <PageHeading title="Import a plan">
        <p className="text-slate-700">
          Bring one student’s plan and records into {school.name} from another system: a <code>{PLAN_FORMAT}</code> JSON file with the
          student, the team, goals, accommodations, services, sessions and accommodation checks. The whole file is checked first. If anything is
          wrong, every problem is listed and nothing is saved.
        </p>
        <p className="text-slate-700">
          The team: {school.name}’s own staff join at once as provider or para, and as case manager if they already are one here. Everyone else,
          and every parent, gets an invite link to accept. An import never makes anyone a school admin.
        </p>
      </PageHeading>

      {result?.ok ? <Imported result={result} /> : null}
      {result && !result.ok ? <Problems errors={result.errors} /> : null}

      {result?.ok ? (
        <p>
          <TextLink to={`/school/${school.id}/import`}>
            Import another plan
          </TextLink>
        </p>
      ) : (
        <Card>
          <Form method="post" encType="multipart/form-data" className="space-y-4">
            <Field
              label="Plan file (JSON)"
              name="file"
              type="file"
              accept="application/json,.json"
              hint={`A file of at most ${MAX_MB} MB. Its school must be “${school.name}”.`}
            />
            <TextareaField
              label="Or paste the plan (JSON)"
              name="json"
              rows={10}
              spellCheck={false}
              defaultValue={result && !result.ok ? result.pasted : ''}
              hint="Used when no file is chosen."
              className="block w-full min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-900"
            />
            <Button type="submit" disabled={busy}>
              {busy ? 'Checking and importing…' : 'Import plan'}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  )
}

function Problems({ errors }: { errors: PlanError[] }) {
  return (
    <Alert tone="error">
      <h2 className="font-semibold">
        Nothing was imported: the file has {errors.length === 1 ? '1 problem' : `${errors.length} problems`}.
      </h2>
      <p className="mt-1 text-sm">Each line names where the problem is in the file, then what is wrong. Fix them all, then import the file again.</p>
      <ul aria-label="Problems in the file" className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {errors.map((e, i) => (
          <li key={i} className="break-words">
            <code className="font-semibold">{e.path || '(file)'}</code>: {e.message}
          </li>
        ))}
      </ul>
    </Alert>
  )
}

function Imported({ result }: { result: Extract<ActionData, { ok: true }> }) {
  return (
    <div className="space-y-4">
      <Alert tone="success">
        <p>
          Imported <strong>{result.studentName}</strong>.{' '}
          <Link to={`/students/${result.studentId}`} className="font-medium underline">
            Open {result.studentName}’s page
          </Link>
        </p>
      </Alert>
      {result.invites.length ? (
        <Card title="Invite links" headingId="invite-links">
          <p className="mb-3 text-slate-700">
            These people are invited rather than added: only {result.schoolName}’s own staff join a team at once, and parents always confirm
            their own child. Send each one their own link: it works once, for that email, and expires in 7 days. The links are shown only now.
          </p>
          <ul className="space-y-3">
            {result.invites.map((invite) => (
              <li key={invite.email}>
                <Field label={`Invite link for ${invite.email} (${ROLE_LABELS[invite.role].toLowerCase()})`} readOnly value={invite.link} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  )
}

export const headers: HeadersFunction = withRetryAfter

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Import a plan · ${data.school.name} · Same Page` : 'Not found · Same Page' },
]
