import { Term } from '#app/components/term.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { ConcernLinksPicker } from './concern-links-picker.tsx'
import { Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { LadderExplainer } from './ladder-explainer.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { concernValuesFromForm, parseLinks } from './concern-form.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { CONCERN_STATUSES, LADDER, STATUS_LABELS, UPDATE_KIND_LABELS, UPDATE_KINDS, VISIBILITY_LABELS, type UpdateKind } from '#shared/concerns.ts'
import { can } from '#shared/permissions.ts'
import { formatSchoolDate, localIsoDate } from '#shared/school-date.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  // A family-only concern is "not found" for staff: the same 404 as a concern that does not exist.
  const concern = await loadOr404(() => context.trpc.concerns.get({ studentId, concernId: params.concernId ?? '' }))
  const linkable = concern.canEdit ? await loadOr404(() => context.trpc.concerns.linkable({ studentId })) : null
  return { concern, linkable, today: localIsoDate(context.now()) }
}

function field(form: FormData, name: string): string {
  const v = form.get(name)
  return typeof v === 'string' ? v : ''
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const ref = { studentId: params.studentId ?? '', concernId: params.concernId ?? '' }
  const form = await request.formData()
  const intent = field(form, 'intent')
  if (intent === 'update') {
    const kind = field(form, 'kind') as UpdateKind
    const result = await actionResult(() =>
      context.trpc.concerns.addUpdate({ ...ref, kind, date: field(form, 'date'), person: field(form, 'person'), text: field(form, 'text') }),
    )
    return { intent, ...result, message: result.ok ? 'Entry added.' : result.message }
  }
  if (intent === 'escalate') {
    const filedOn = field(form, 'filedOn')
    const result = await actionResult(() =>
      context.trpc.concerns.escalate({ ...ref, step: Number(field(form, 'step')), date: field(form, 'date'), note: field(form, 'note'), ...(filedOn ? { filedOn } : {}) }),
    )
    return { intent, ...result, message: result.ok ? 'Moved up the ladder.' : result.message }
  }
  if (intent === 'edit') {
    const values = concernValuesFromForm(form)
    const result = await actionResult(() =>
      context.trpc.concerns.edit({
        ...ref,
        date: values.date,
        issue: values.issue,
        personContacted: values.personContacted,
        response: values.response,
        followUp: values.followUp,
        status: values.status,
      }),
    )
    return { intent, ...result, message: result.ok ? 'Saved as a new version.' : result.message }
  }
  if (intent === 'link') {
    const links = parseLinks(form.getAll('link').filter((v): v is string => typeof v === 'string'))
    const result = await actionResult(() => context.trpc.concerns.link({ ...ref, links }))
    return { intent, ...result, message: result.ok ? 'Records linked.' : result.message }
  }
  return { intent, ok: false as const, message: 'Unknown action.', fieldErrors: {} as Record<string, string[]> }
}

const LINK = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline'

function FormMessage({ data, intent }: { data: ReturnType<typeof useActionData<typeof action>>; intent: string }) {
  if (!data || data.intent !== intent) return null
  return <Alert tone={data.ok ? 'success' : 'error'}>{data.message}</Alert>
}

export default function ConcernPage() {
  const { concern: c, linkable, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const base = `/students/${parent.student.id}`
  const errors = (intent: string) => (actionData && actionData.intent === intent && !actionData.ok ? actionData.fieldErrors : {}) as Record<string, string[] | undefined>
  const mayRespond = can(parent.student.role, 'concerns.respond')
  const higherSteps = LADDER.filter((s) => s.step > c.step)
  return (
    <div className="space-y-6">
      <Link to={`${base}/concerns`} className={LINK}>
        Back to the concern log
      </Link>
      <Card title={c.issue} headingId="concern-heading">
        <p className="flex flex-wrap items-center gap-2 text-slate-700">
          <span>
            Raised <time dateTime={c.date}>{formatSchoolDate(c.date)}</time>
          </span>
          <StatusBadge tone={c.status === 'resolved' ? 'good' : c.status === 'waiting' ? 'warn' : 'info'}>{STATUS_LABELS[c.status]}</StatusBadge>
          <StatusBadge>
            Step {c.step}: {LADDER[c.step - 1]!.title}
          </StatusBadge>
          <StatusBadge tone={c.visibility === 'family' ? 'warn' : 'neutral'}>{VISIBILITY_LABELS[c.visibility]}</StatusBadge>
        </p>
        <dl className="mt-3 space-y-1 text-slate-800">
          <Term term="Person contacted">{c.personContacted || '—'}</Term>
          <Term term="Their response">{c.response || '—'}</Term>
          <Term term="Follow-up needed">{c.followUp || '—'}</Term>
          <Term term="Documented efforts at this step">{c.efforts}</Term>
        </dl>
        <p className="mt-3">
          <Link to={`${base}/concerns/${c.id}/letter`} className={LINK}>
            Draft a letter
          </Link>
        </p>
      </Card>

      {c.suggestion ? (
        <section aria-labelledby="suggestion-heading" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
          <h2 id="suggestion-heading" className="text-lg font-semibold text-amber-950">
            Suggested next step: {c.suggestion.step.step}. {c.suggestion.step.title}
          </h2>
          <ul className="mt-1 list-disc pl-5 text-amber-950">
            {c.suggestion.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p className="mt-2 text-amber-950">{c.suggestion.step.what}</p>
          <p className="mt-1 text-sm text-amber-950">A suggestion only: the concern stays where it is until you move it.</p>
        </section>
      ) : null}

      {c.complaint ? (
        <Card title="State complaint timeline" headingId="complaint-heading">
          <p className="text-slate-800">
            Filed <time dateTime={c.complaint.filedOn}>{formatSchoolDate(c.complaint.filedOn)}</time>; the decision is due{' '}
            <time dateTime={c.complaint.decisionDue}>{formatSchoolDate(c.complaint.decisionDue)}</time> (60 days).
          </p>
          <p className={`mt-1 font-semibold ${c.complaint.overdue ? 'text-red-800' : 'text-slate-900'}`}>{c.complaint.text}</p>
        </Card>
      ) : null}

      <Card title="Records it is about" headingId="links-heading">
        {c.links.length === 0 ? (
          <p className="text-slate-700">No records linked.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-slate-800">
            {c.links.map((l) => (
              <li key={`${l.kind}:${l.recordId}`}>{l.label}</li>
            ))}
          </ul>
        )}
        {c.canEdit && linkable ? (
          <details className="mt-3">
            <summary className="min-h-11 cursor-pointer font-medium text-brand-700">Link more records</summary>
            <Form method="post" className="mt-2 space-y-3">
              <input type="hidden" name="intent" value="link" />
              <FormMessage data={actionData} intent="link" />
              <ConcernLinksPicker linkable={linkable} selected={c.links.map((l) => `${l.kind}:${l.recordId}`)} idPrefix="more" />
              <Button type="submit" disabled={busy}>
                Link the chosen records
              </Button>
            </Form>
          </details>
        ) : null}
      </Card>

      <Card title="Contacts and responses" headingId="updates-heading">
        {c.updates.length === 0 ? (
          <p className="text-slate-700">No entries yet.</p>
        ) : (
          <ol className="space-y-3">
            {c.updates.map((u) => (
              <li key={u.id} className="border-l-4 border-slate-300 pl-3">
                <p className="font-medium text-slate-900">
                  <time dateTime={u.date}>{formatSchoolDate(u.date)}</time> · {UPDATE_KIND_LABELS[u.kind]}
                  {u.person ? ` · ${u.person}` : ''}
                </p>
                <p className="text-slate-800">{u.text}</p>
                <p className="text-sm text-slate-600">Written by {u.authorName}</p>
              </li>
            ))}
          </ol>
        )}
        {mayRespond ? (
          <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
            <h3 className="text-lg font-semibold text-slate-900">Add an entry</h3>
            <input type="hidden" name="intent" value="update" />
            <FormMessage data={actionData} intent="update" />
            <SelectField label="Kind of entry" name="kind" defaultValue={parent.student.role === 'parent' ? 'contact' : 'response'}>
              {UPDATE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {UPDATE_KIND_LABELS[k]}
                </option>
              ))}
            </SelectField>
            <Field label="Date of the contact or response" name="date" type="date" max={today} defaultValue={today} errors={errors('update').date} />
            <Field label="Person" name="person" hint="Who was contacted, or who answered." errors={errors('update').person} autoComplete="off" />
            <TextareaField label="What was said" name="text" rows={3} errors={errors('update').text} />
            <Button type="submit" disabled={busy}>
              Add entry
            </Button>
          </Form>
        ) : null}
      </Card>

      <Card title="Escalation ladder" headingId="steps-heading">
        <h3 className="font-semibold text-slate-900">Steps taken</h3>
        <ol className="mb-4 list-disc space-y-1 pl-5 text-slate-800">
          {c.steps.map((s) => (
            <li key={`${s.step}-${s.createdAt}`}>
              {s.step}. {s.title}, <time dateTime={s.date}>{formatSchoolDate(s.date)}</time>
              {s.filedOn ? `, filed ${formatSchoolDate(s.filedOn)}` : ''}
              {s.note ? ` — ${s.note}` : ''} <span className="text-sm text-slate-600">({s.byName})</span>
            </li>
          ))}
        </ol>
        {c.canEdit && higherSteps.length > 0 && c.status !== 'resolved' ? (
          <Form method="post" className="mb-4 space-y-3 border-t border-slate-200 pt-4">
            <h3 className="text-lg font-semibold text-slate-900">Move up the ladder</h3>
            <input type="hidden" name="intent" value="escalate" />
            <FormMessage data={actionData} intent="escalate" />
            <SelectField label="Next step" name="step" defaultValue={String(c.suggestion?.step.step ?? c.step + 1)} errors={errors('escalate').step}>
              {higherSteps.map((s) => (
                <option key={s.step} value={s.step}>
                  {s.step}. {s.title}
                </option>
              ))}
            </SelectField>
            <Field label="Date of this step" name="date" type="date" max={today} defaultValue={today} errors={errors('escalate').date} />
            <Field
              label="State complaint filing date (step 5 only)"
              name="filedOn"
              type="date"
              max={today}
              hint="The 60-day decision date counts from it."
              errors={errors('escalate').filedOn}
            />
            <TextareaField label="Note about this step" name="note" rows={2} errors={errors('escalate').note} />
            <Button type="submit" disabled={busy}>
              Record the step
            </Button>
          </Form>
        ) : null}
        <LadderExplainer current={c.step} />
      </Card>

      {c.canEdit ? (
        <Card title="Edit this concern" headingId="edit-heading">
          <p className="mb-3 text-slate-700">Saving keeps the earlier wording as a version below.</p>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="edit" />
            <FormMessage data={actionData} intent="edit" />
            <Field label="Date raised" name="date" type="date" max={today} defaultValue={c.date} errors={errors('edit').date} />
            <TextareaField label="Issue" name="issue" rows={3} defaultValue={c.issue} errors={errors('edit').issue} />
            <Field label="Person contacted" name="personContacted" defaultValue={c.personContacted} errors={errors('edit').personContacted} autoComplete="off" />
            <TextareaField label="Their response" name="response" rows={2} defaultValue={c.response} errors={errors('edit').response} />
            <TextareaField label="Follow-up needed" name="followUp" rows={2} defaultValue={c.followUp} errors={errors('edit').followUp} />
            <SelectField label="Status" name="status" defaultValue={c.status} errors={errors('edit').status}>
              {CONCERN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={busy}>
              Save changes
            </Button>
          </Form>
        </Card>
      ) : null}

      <Card title="Versions" headingId="versions-heading">
        <ol className="space-y-2 text-sm text-slate-800">
          {c.versions.map((v) => (
            <li key={v.version}>
              <span className="font-medium">Version {v.version}</span> by {v.byName}: {formatSchoolDate(v.date)} — {v.issue} ({STATUS_LABELS[v.status]})
            </li>
          ))}
        </ol>
      </Card>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, 'Concern') }]
