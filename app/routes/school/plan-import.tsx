import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Trans } from 'react-i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
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
import { addSections, t } from '#shared/i18n/i18n.ts'
import { planImportFormSchema } from '#shared/schemas/school.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { school } from '#shared/i18n/en/school.ts'

addSections({ school })

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
async function planText(request: Request): Promise<{ text: string; pasted: string } | PlanError[]> {
  // Refuse an oversized upload before reading it (a little room for the form's own fields).
  if (Number(request.headers.get('content-length') ?? 0) > PLAN_MAX_BYTES + 64 * 1024) {
    return [{ path: '', message: t('school.import.tooLarge', { mb: MAX_MB }) }]
  }
  const parsed = parseForm(await request.formData(), planImportFormSchema)
  if (!parsed.ok) {
    return Object.entries(parsed.fieldErrors).flatMap(([name, messages]) => messages.map((message) => ({ path: name === 'form' ? '' : name, message })))
  }
  const { file, json = '' } = parsed.value
  return { text: file ? await file.text() : json, pasted: json }
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData | ReturnType<typeof tooManyRequests<ActionData>>> {
  requireUser(context, request)
  // The same per-client allowance as imports.plan over /api/trpc.
  const limited = await context.limits.take('import')
  if (limited) return tooManyRequests<ActionData>({ ok: false, errors: [{ path: '', message: tryAgainMessage(limited, 'requests') }], pasted: '' }, limited)
  const schoolId = params.schoolId ?? ''
  const input = await planText(request)
  if (Array.isArray(input)) return { ok: false, errors: input, pasted: '' }
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
      if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') throw new Response(t('common.notFound'), { status: 404 })
      if (error.code === 'BAD_REQUEST') return { ok: false, errors: [{ path: '', message: error.message }], pasted: input.pasted }
    }
    throw error
  }
}

export default function ImportPlan() {
  const { school } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      <PageHeading title={t('school.import.title')}>
        <p className="text-slate-700">
          <Trans i18nKey="school.import.intro" values={{ school: school.name, format: PLAN_FORMAT }} components={{ code: <code /> }} />
        </p>
        <p className="text-slate-700">{t('school.import.team', { school: school.name })}</p>
      </PageHeading>

      {result?.ok ? <Imported result={result} /> : null}
      {result && !result.ok ? <Problems errors={result.errors} /> : null}

      {result?.ok ? (
        <p>
          <TextLink to={`/school/${school.id}/import`}>{t('school.import.another')}</TextLink>
        </p>
      ) : (
        <Card>
          <Form method="post" encType="multipart/form-data" className="space-y-4">
            <Field
              label={t('school.import.file')}
              name="file"
              type="file"
              accept="application/json,.json"
              hint={t('school.import.fileHint', { mb: MAX_MB, school: school.name })}
            />
            <TextareaField
              label={t('school.import.paste')}
              name="json"
              rows={10}
              spellCheck={false}
              defaultValue={result && !result.ok ? result.pasted : ''}
              hint={t('school.import.pasteHint')}
              className="block w-full min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-900"
            />
            <Button type="submit" disabled={busy}>
              {busy ? t('school.import.submitting') : t('school.import.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  )
}

function Problems({ errors }: { errors: PlanError[] }) {
  const { t } = useTranslation()
  return (
    <Alert tone="error">
      <h2 className="font-semibold">
        {t('school.import.problems', { count: errors.length })}
      </h2>
      <p className="mt-1 text-sm">{t('school.import.problemsHelp')}</p>
      <ul aria-label={t('school.import.problemsLabel')} className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {errors.map((e, i) => (
          <li key={i} className="break-words">
            <code className="font-semibold">{e.path || t('school.import.wholeFile')}</code>: {e.message}
          </li>
        ))}
      </ul>
    </Alert>
  )
}

function Imported({ result }: { result: Extract<ActionData, { ok: true }> }) {
  const { t } = useTranslation()
  return (
    <div className="space-y-4">
      <Alert tone="success">
        <p>
          <Trans i18nKey="school.import.imported" values={{ name: result.studentName }} components={{ strong: <strong /> }} />{' '}
          <Link to={`/students/${result.studentId}`} className="font-medium underline">
            {t('school.import.openStudent', { name: result.studentName })}
          </Link>
        </p>
      </Alert>
      {result.invites.length ? (
        <Card title={t('school.import.invitesTitle')} headingId="invite-links">
          <p className="mb-3 text-slate-700">{t('school.import.invitesIntro', { school: result.schoolName })}</p>
          <ul className="space-y-3">
            {result.invites.map((invite) => (
              <li key={invite.email}>
                <Field label={t('school.import.inviteLink', { email: invite.email, role: ROLE_LABELS[invite.role].toLowerCase() })} readOnly value={invite.link} />
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
  { title: t('common.titleSuffix', { title: data ? t('school.import.pageTitle', { school: data.school.name }) : t('common.notFound') }) },
]
