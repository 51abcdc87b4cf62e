import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field, SelectField } from '#app/components/field.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { filterPeople, SCHOOL_PERSON_ROLE_LABELS, SCHOOL_PERSON_ROLES } from '#shared/people.ts'
import { peopleFormSchema, peopleIntentSchema, peopleSearchSchema } from '#shared/schemas/people.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { describeHistoryEntry } from '#shared/history-text.ts'
import { PersonCard, type PeopleResult } from './person-card.tsx'
import { people } from '#shared/i18n/en/people.ts'

addSections({ people })

// /school/:schoolId/people: every staff and family account of the school, for its admin only (docs/people.md).

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  // The school gate answers 404 to anyone but the school's admin (a case manager's 403 reads the same).
  const data = await loadOr404(() => context.trpc.people.list({ schoolId }))
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  const url = new URL(request.url)
  const search = peopleSearchSchema.parse({ q: url.searchParams.get('q') ?? '', role: url.searchParams.get('role') || null })
  return {
    schoolName: school?.name ?? '',
    me: data.me,
    search,
    total: data.people.length,
    // Moments are worded here, once, so the page reads the same on the server and in the browser.
    people: filterPeople(data.people, search.q, search.role).map((p) => ({
      ...p,
      lastSignInText: p.lastSignIn ? formatMoment(p.lastSignIn) : null,
      deactivatedText: p.deactivatedAt ? formatMoment(p.deactivatedAt) : null,
    })),
    invites: data.invites.map((i) => ({ ...i, expires: formatDay(i.expiresAt.slice(0, 10) as IsoDate, 'long') })),
    // Case managers with students, and the staff who can take them on (on, and not a family account).
    movers: data.people.filter((p) => p.caseload > 0).map((p) => ({ userId: p.userId, name: p.name, caseload: p.caseload })),
    takers: data.people.filter((p) => p.status === 'active' && !p.family && p.userId !== data.me).map((p) => ({ userId: p.userId, name: p.name })),
    changes: data.changes.map((c) => ({ id: c.id, when: formatMoment(c.at), sentence: describeHistoryEntry(c) })),
  }
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<PeopleResult> {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  const form = await request.formData()
  const which = parseForm(form, peopleIntentSchema)
  const intent = which.ok ? which.value.intent : 'unknown'
  const parsed = parseForm(form, peopleFormSchema)
  if (!parsed.ok) return { intent, ...parsed }
  const input = parsed.value
  const people = context.trpc.people
  switch (input.intent) {
    case 'invite': {
      const result = await actionResult(() => people.inviteStaff({ schoolId, email: input.email, name: input.name }))
      if (!result.ok) return { intent, ...result }
      const link = new URL(`/invite/${result.data.token}`, request.url).toString()
      return { intent, ok: true, message: t('people.done.invite', { email: input.email }), inviteLink: link }
    }
    case 'makeAdmin':
    case 'removeAdmin': {
      const result = await actionResult(() => people.setSchoolAdmin({ schoolId, userId: input.userId, admin: input.intent === 'makeAdmin' }))
      return result.ok ? { intent, ok: true, message: t(`people.done.${input.intent}`, { name: result.data.name }) } : { intent, ...result, userId: input.userId }
    }
    case 'deactivate': {
      if (!input.confirmed) return { intent, ok: 'confirm', userId: input.userId }
      const result = await actionResult(() => people.deactivate({ schoolId, userId: input.userId }))
      return result.ok ? { intent, ok: true, message: t('people.done.deactivate', { name: result.data.name }) } : { intent, ...result, userId: input.userId }
    }
    case 'reactivate': {
      const result = await actionResult(() => people.reactivate({ schoolId, userId: input.userId }))
      return result.ok ? { intent, ok: true, message: t('people.done.reactivate', { name: result.data.name }) } : { intent, ...result, userId: input.userId }
    }
    case 'moveCaseload': {
      const result = await actionResult(() => people.moveCaseload({ schoolId, fromUserId: input.fromUserId, toUserId: input.toUserId }))
      if (!result.ok) return { intent, ...result }
      return { intent, ok: true, message: t('people.done.moveCaseload', { count: result.data.moved, from: result.data.from, to: result.data.to }) }
    }
    case 'unlink': {
      const result = await actionResult(() => people.unlinkParent({ schoolId, userId: input.userId, studentId: input.studentId }))
      return result.ok ? { intent, ok: true, message: t('people.done.unlink', { name: result.data.name, student: result.data.student }) } : { intent, ...result, userId: input.userId }
    }
    case 'revokeInvite': {
      const result = await actionResult(() => people.revokeStaffInvite({ schoolId, inviteId: input.inviteId }))
      return result.ok ? { intent, ok: true, message: t('people.done.revokeInvite') } : { intent, ...result }
    }
  }
}

export default function People() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const { t } = useTranslation()
  const failure = result && result.ok === false ? result : null
  const done = result && result.ok === true ? result : null
  const filtered = Boolean(data.search.q || data.search.role)
  return (
    <div className="space-y-6">
      <PageHeading title={t('people.title')}>
        <p className="text-slate-700">{t('people.intro', { school: data.schoolName })}</p>
      </PageHeading>
      {done && !done.inviteLink ? <Alert tone="success">{done.message}</Alert> : null}
      {failure && !('userId' in failure && failure.userId) && failure.intent !== 'invite' && failure.intent !== 'moveCaseload' ? <Alert>{failure.message}</Alert> : null}

      <Card title={t('people.listLabel')} headingId="people-heading">
        <Form method="get" className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" role="search" aria-label={t('people.search.legend')}>
          <Field label={t('people.search.query')} name="q" type="search" defaultValue={data.search.q} maxLength={100} />
          <SelectField label={t('people.search.role')} name="role" defaultValue={data.search.role ?? ''}>
            <option value="">{t('people.search.allRoles')}</option>
            {SCHOOL_PERSON_ROLES.map((role) => (
              <option key={role} value={role}>
                {SCHOOL_PERSON_ROLE_LABELS[role]}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t('people.search.submit')}
          </Button>
        </Form>
        <p className="mt-3 text-sm text-slate-700" aria-live="polite">
          <span>{t('people.count', { count: data.people.length })}</span>
          {filtered ? (
            <>
              {' · '}
              <TextLink to=".">{t('people.search.clear')}</TextLink>
            </>
          ) : null}
        </p>
        {data.people.length === 0 ? (
          <p className="mt-3">{t('people.empty')}</p>
        ) : (
          <ul className="mt-3 grid gap-3 lg:grid-cols-2" aria-label={t('people.listLabel')}>
            {data.people.map((person) => (
              <PersonCard key={person.userId} person={person} me={data.me} result={result} busy={busy} />
            ))}
          </ul>
        )}
      </Card>

      <Card title={t('people.move.title')} headingId="move-heading">
        <p className="text-sm text-slate-700">{t('people.move.intro')}</p>
        {result?.intent === 'moveCaseload' && failure ? <Alert>{failure.message}</Alert> : null}
        {data.movers.length === 0 ? (
          <p className="mt-3">{t('people.move.none')}</p>
        ) : (
          <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <input type="hidden" name="intent" value="moveCaseload" />
            <SelectField label={t('people.move.from')} name="fromUserId" defaultValue="" required errors={failure?.intent === 'moveCaseload' ? failure.fieldErrors.fromUserId : undefined}>
              <option value="">{t('people.move.choose')}</option>
              {data.movers.map((p) => (
                <option key={p.userId} value={p.userId}>
                  {t('people.move.fromLine', { name: p.name, count: p.caseload })}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('people.move.to')} name="toUserId" defaultValue="" required errors={failure?.intent === 'moveCaseload' ? failure.fieldErrors.toUserId : undefined}>
              <option value="">{t('people.move.choose')}</option>
              {data.takers.map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={busy}>
              {t('people.move.submit')}
            </Button>
          </Form>
        )}
      </Card>

      <Card title={t('people.invite.title')} headingId="invite-heading">
        <p className="text-sm text-slate-700">{t('people.invite.intro')}</p>
        {result?.intent === 'invite' && failure ? <Alert>{failure.message}</Alert> : null}
        {done?.inviteLink ? (
          <Alert tone="success">
            <p>{done.message}</p>
            <label className="mt-2 block text-sm font-medium" htmlFor="staff-invite-link">
              {t('people.invite.link')}
            </label>
            <input id="staff-invite-link" readOnly value={done.inviteLink} className="mt-1 block min-h-11 w-full rounded border border-slate-300 bg-white px-2 text-sm" />
            <p className="mt-1 text-sm">{t('people.invite.linkHint')}</p>
          </Alert>
        ) : null}
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate key={done?.inviteLink ?? 'invite'}>
          <input type="hidden" name="intent" value="invite" />
          <Field label={t('people.invite.name')} name="name" autoComplete="off" maxLength={100} errors={failure?.intent === 'invite' ? failure.fieldErrors.name : undefined} />
          <Field label={t('people.invite.email')} name="email" type="email" autoComplete="off" maxLength={254} errors={failure?.intent === 'invite' ? failure.fieldErrors.email : undefined} />
          <Button type="submit" disabled={busy}>
            {t('people.invite.submit')}
          </Button>
        </Form>
        {data.invites.length ? (
          <>
            <h3 className="mt-4 font-semibold">{t('people.invite.pending')}</h3>
            <ul className="mt-2 divide-y divide-slate-200" aria-label={t('people.invite.pending')}>
              {data.invites.map((invite) => (
                <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="break-all">{t('people.invite.pendingLine', { name: invite.name, email: invite.email, expires: invite.expires })}</span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revokeInvite" />
                    <input type="hidden" name="inviteId" value={invite.id} />
                    <Button type="submit" variant="secondary" disabled={busy} aria-label={t('people.invite.revokeLabel', { email: invite.email })}>
                      {t('people.invite.revoke')}
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>

      <Card title={t('people.changes.title')} headingId="changes-heading">
        {data.changes.length === 0 ? (
          <p>{t('people.changes.empty')}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t('people.changes.listLabel')}>
            {data.changes.map((c) => (
              <li key={c.id} className="py-2 text-sm">
                {t('people.changes.line', { when: c.when, sentence: c.sentence })}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t('common.titleSuffix', { title: data ? `${t('people.title')} · ${data.schoolName}` : t('people.title') }) },
]
