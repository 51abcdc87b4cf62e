import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { LanguageOptions } from '#app/components/language-options.tsx'
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { AccommodationFidelityCard } from '#app/routes/accommodations/accommodation-fidelity-card.tsx'
import { AccommodationList } from '#app/routes/accommodations/accommodation-list.tsx'
import { Alert } from '#app/components/alert.tsx'
import { GoalSummaryList } from '#app/routes/goals/goal-summary-list.tsx'
import { ProfileCards } from './profile-cards.tsx'
import { IepDatesCard } from '#app/routes/iep/iep-dates-card.tsx'
import { ServicesCard } from '#app/routes/services/services-card.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field, SelectField } from '#app/components/field.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm, type FormParse } from '#app/utils/parse-form.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { describeHistoryEntry } from '#shared/history-text.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { activeLanguage, addSections, t } from '#shared/i18n/i18n.ts'
import { accommodationForReader, goalForReader, withReaderTitles } from '#shared/plain-translations.ts'
import { can } from '#shared/permissions.ts'
import { ROLE_LABELS, TEAM_ROLES } from '#shared/roles.ts'
import { GOAL_AREAS } from '#shared/schemas/plan.ts'
import {
  inviteFormSchema,
  providerAreasFormSchema,
  removeMemberFormSchema,
  revokeInviteFormSchema,
  studentPageIntentSchema,
} from '#shared/schemas/student-forms.ts'
import type { loader as studentLoader } from './student-layout.tsx'
import { advocates } from '#shared/i18n/en/advocates.ts'
import { planChanges } from '#shared/i18n/en/planChanges.ts'
import { records } from '#shared/i18n/en/records.ts'
import { student } from '#shared/i18n/en/student.ts'

addSections({ advocates, planChanges, records, student })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const studentId = params.studentId ?? ''
  // The notebooks moved to their own tab: a search bookmarked on the old one-page record still finds its notes.
  const query = new URL(request.url).searchParams.get('q')
  if (query !== null) throw redirect(`/students/${studentId}/notes?${new URLSearchParams({ q: query }).toString()}`)
  const student = await loadOr404(() => context.trpc.students.get({ studentId }))
  const [profiles, goals, accommodations, team, history, fidelity, services] = await Promise.all([
    loadOr404(() => context.trpc.profiles.get({ studentId })),
    loadOr404(() => context.trpc.goals.list({ studentId })),
    loadOr404(() => context.trpc.accommodations.list({ studentId })),
    loadOr404(() => context.trpc.team.list({ studentId })),
    loadOr404(() => context.trpc.team.history({ studentId })),
    loadOr404(() => context.trpc.checks.fidelity({ studentId })),
    loadOr404(() => context.trpc.services.list({ studentId })),
  ])
  // A reduction nobody in the family has acknowledged is flagged here, for the whole team (and the family) to see.
  const unacknowledged = await loadOr404(() => context.trpc.planChanges.unacknowledgedReductions({ studentId }))
  // The IEP's own dates and the goals that ended with an earlier plan (docs/iep-calendar.md).
  const calendar = await loadOr404(() => context.trpc.iepCalendar.get({ studentId }))
  const invites = can(student.role, 'team.manage') ? await loadOr404(() => context.trpc.team.pendingInvites({ studentId })) : []
  // Who reads the record as the family's advocate, and until when: the whole team sees it (docs/advocates.md).
  const advocates = await loadOr404(() => context.trpc.advocates.current({ studentId }))
  // Summaries in the reader's language where someone wrote them (docs/languages.md#plain-summaries).
  const reader = activeLanguage()
  return {
    profiles,
    goals: goals.map((g) => goalForReader(g, reader)),
    accommodations: accommodations.map((a) => accommodationForReader(a, reader)),
    team,
    invites,
    advocates,
    history: history.slice(0, 10),
    // The fidelity card names each support as the list above it does.
    fidelity: { ...fidelity, rows: withReaderTitles(fidelity.rows, accommodations, reader) },
    services,
    currentUserId: user.id,
    unacknowledgedReductions: unacknowledged.length,
    calendar,
  }
}

type ActionData =
  | { intent: 'invite'; ok: true; inviteLink: string; email: string; mailed: boolean }
  | { intent: string; ok: false; message: string; fieldErrors: Record<string, string[]>; values?: { email: string; role: string; language?: string } }
  | { intent: string; ok: true }

/** A form that only changes something: its refusal goes back to the form that sent it, named by its intent. */
async function submit<T>(intent: string, parsed: FormParse<T>, call: (value: T) => Promise<unknown>): Promise<ActionData> {
  if (!parsed.ok) return { intent, ...parsed }
  const result = await actionResult(() => call(parsed.value))
  return result.ok ? { intent, ok: true } : { intent, ...result }
}

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const form = await request.formData()
  const which = parseForm(form, studentPageIntentSchema)
  if (!which.ok) return { intent: 'unknown', ok: false, message: t('student.unknownAction'), fieldErrors: {} }
  const { intent } = which.value
  switch (intent) {
    case 'invite': {
      const parsed = parseForm(form, inviteFormSchema)
      if (!parsed.ok) return { intent, ...parsed }
      const result = await actionResult(() => context.trpc.team.invite({ studentId, ...parsed.value }))
      if (!result.ok) return { intent, ...result, values: parsed.value }
      const link = new URL(`/invite/${result.data.token}`, request.url).toString()
      return { intent, ok: true, inviteLink: link, email: parsed.value.email, mailed: result.data.mailed }
    }
    case 'remove':
      return submit(intent, parseForm(form, removeMemberFormSchema), (value) => context.trpc.team.remove({ studentId, ...value }))
    case 'setAreas':
      return submit(intent, parseForm(form, providerAreasFormSchema), (value) => context.trpc.team.setAreas({ studentId, ...value }))
    case 'revoke':
      return submit(intent, parseForm(form, revokeInviteFormSchema), (value) => context.trpc.team.revokeInvite({ studentId, ...value }))
  }
}

export default function StudentOverview() {
  const { t } = useTranslation()
  const { profiles, goals, accommodations, team, invites, advocates, history, fidelity, services, currentUserId, unacknowledgedReductions, calendar } = useLoaderData<typeof loader>()
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  const actionData = useActionData<ActionData>()
  const busy = useNavigation().state === 'submitting'
  const canManage = parent ? can(parent.student.role, 'team.manage') : false
  const canEditPlan = parent ? can(parent.student.role, 'plan.edit') : false
  const canViewAccess = parent ? can(parent.student.role, 'access.view') : false
  const canViewNotifications = parent ? can(parent.student.role, 'notifications.viewSent') : false
  const canGiveAccess = parent ? can(parent.student.role, 'advocates.manage') : false
  const canExportRecords = parent ? can(parent.student.role, 'records.export') : false
  const studentId = parent?.student.id ?? ''
  const firstName = parent ? (parent.student.preferredName ?? parent.student.name.split(' ')[0] ?? parent.student.name) : ''
  const base = `/students/${studentId}`
  const inviteFailure = actionData?.intent === 'invite' && !actionData.ok && 'message' in actionData ? actionData : null
  const invited = actionData?.intent === 'invite' && 'inviteLink' in actionData ? actionData : null
  const otherFailure = actionData && actionData.intent !== 'invite' && 'message' in actionData ? actionData : null

  return (
    <div className="space-y-6">
      <nav aria-label={t('student.pagesNav')} className="no-print flex flex-wrap gap-x-4 gap-y-2">
        <Link to={`${base}/goal-card`} className="font-medium text-brand-700 underline">
          {t('student.links.goalCard')}
        </Link>
        <Link to={`${base}/accountability`} className="font-medium text-brand-700 underline">
          {t('student.links.accountability')}
        </Link>
        <Link to={`${base}/brief`} className="font-medium text-brand-700 underline">
          {t('student.links.brief')}
        </Link>
        <Link to={`${base}/concerns`} className="font-medium text-brand-700 underline">
          {t('student.links.concerns')}
        </Link>
        <Link to={`${base}/effects`} className="font-medium text-brand-700 underline">
          {t('student.links.effects')}
        </Link>
        <Link to={`${base}/checks`} className="font-medium text-brand-700 underline">
          {t('student.links.checks')}
        </Link>
        {canViewAccess ? (
          <Link to={`${base}/access`} className="font-medium text-brand-700 underline">
            {t('student.links.access')}
          </Link>
        ) : null}
        {canViewNotifications ? (
          <Link to={`${base}/notifications`} className="font-medium text-brand-700 underline">
            {t('student.links.notifications')}
          </Link>
        ) : null}
        <Link to={`${base}/plan-changes`} className="font-medium text-brand-700 underline">
          {t('planChanges.page.title')}
        </Link>
        {canExportRecords ? (
          <Link to={`${base}/records`} className="font-medium text-brand-700 underline">
            {t('records.page.link')}
          </Link>
        ) : null}
      </nav>
      {unacknowledgedReductions > 0 ? (
        <Alert tone="warning">
          <p className="font-semibold">{t('planChanges.flag.title')}</p>
          <p>{t('planChanges.flag.body', { count: unacknowledgedReductions })}</p>
          <Link to={`${base}/plan-changes`} className="font-medium text-brand-700 underline">
            {t('planChanges.flag.link')}
          </Link>
        </Alert>
      ) : null}

      <IepDatesCard
        studentId={studentId}
        plan={calendar.plan}
        canEdit={parent ? can(parent.student.role, 'iep.editDates') : false}
        canStartNext={parent ? can(parent.student.role, 'plan.startNext') : false}
        endedGoals={calendar.endedGoals}
      />

      <ProfileCards
        firstName={firstName}
        communication={profiles.communication}
        regulation={profiles.regulation}
        editHref={canEditPlan ? `${base}/profiles/edit` : null}
      />

      <Card
        title={t('student.goals')}
        actions={
          canEditPlan ? (
            <Link to={`${base}/goals/new`} className="font-medium text-brand-700 underline">
              {t('student.addGoal')}
            </Link>
          ) : null
        }
      >
        <GoalSummaryList goals={goals} studentId={studentId} firstName={firstName} />
      </Card>

      <Card
        title={t('student.accommodations')}
        actions={
          canEditPlan ? (
            <Link to={`${base}/accommodations/new`} className="font-medium text-brand-700 underline">
              {t('student.addAccommodation')}
            </Link>
          ) : null
        }
      >
        <AccommodationList accommodations={accommodations} editBase={canEditPlan ? `${base}/accommodations` : null} />
      </Card>

      <ServicesCard services={services} studentId={studentId} canManage={parent ? can(parent.student.role, 'services.manage') : false} />

      {/* The whole team sees the same numbers (docs/domain.md#accountability); the case manager follows up the gaps. */}
      <AccommodationFidelityCard from={fidelity.from} to={fidelity.to} rows={fidelity.rows} />

      <Card title={t('student.team')}>
        {otherFailure ? <Alert>{otherFailure.message}</Alert> : null}
        <ul className="divide-y divide-slate-200" aria-label={t('student.teamMembers')}>
          {team.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <p className="font-medium">{m.name}</p>
                <p className="text-sm text-slate-600">
                  {ROLE_LABELS[m.role]} · {m.email}
                  {m.role === 'provider' ? t('student.goalAreas', { areas: m.areas.length ? m.areas.join(', ') : t('student.noAreasSet') }) : ''}
                </p>
                {canManage && m.role === 'provider' ? <ProviderAreasForm memberId={m.id} name={m.name} areas={m.areas} busy={busy} /> : null}
              </div>
              {canManage && m.userId !== currentUserId ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="memberId" value={m.id} />
                  <Button type="submit" variant="danger" disabled={busy} aria-label={t('student.removeNamed', { name: m.name })}>
                    {t('student.remove')}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {advocates.length ? (
          <div className="mt-4 border-t border-slate-200 pt-3">
            <h3 className="font-semibold">{t('advocates.team.title')}</h3>
            <ul className="mt-1 space-y-1" aria-label={t('advocates.team.title')}>
              {advocates.map((a) => (
                <li key={a.email} className="text-slate-800">
                  {t('advocates.team.line', { name: a.name, email: a.email, date: formatDay(a.lastDay, 'long') })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {canGiveAccess ? (
          <p className="mt-3 text-sm">
            <Link to={`${base}/advocates`} className="font-medium text-brand-700 underline">
              {t('advocates.link')}
            </Link>{' '}
            <span className="text-slate-700">{t('advocates.linkHint', { name: firstName })}</span>
          </p>
        ) : null}
      </Card>

      {canManage ? (
        <Card title={t('student.inviteTitle')}>
          <Form method="post" className="space-y-4" noValidate key={invited?.inviteLink ?? 'invite'}>
            <input type="hidden" name="intent" value="invite" />
            {inviteFailure ? <Alert>{inviteFailure.message}</Alert> : null}
            {invited ? <InviteLink email={invited.email} link={invited.inviteLink} mailed={invited.mailed} /> : null}
            <Field
              label={t('student.email')}
              name="email"
              type="email"
              autoComplete="off"
              defaultValue={inviteFailure?.values?.email ?? ''}
              errors={inviteFailure?.fieldErrors.email}
            />
            <SelectField
              label={t('student.role')}
              name="role"
              defaultValue={inviteFailure?.values?.role ?? 'para'}
              errors={inviteFailure?.fieldErrors.role}
            >
              {TEAM_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('languages.inviteField')} name="language" defaultValue={inviteFailure?.values?.language ?? 'en'} hint={t('languages.inviteHint')}>
              <LanguageOptions />
            </SelectField>
            <Button type="submit" disabled={busy}>
              {t('student.createInvite')}
            </Button>
          </Form>
          {invites.length ? (
            <div className="mt-6">
              <h3 className="font-semibold">{t('student.waitingForReply')}</h3>
              <ul className="divide-y divide-slate-200" aria-label={t('student.pendingInvites')}>
                {invites.map((i) => (
                  <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {t('student.inviteExpires', { email: i.email, role: ROLE_LABELS[i.role], date: formatMoment(i.expiresAt, 'date') })}
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="inviteId" value={i.id} />
                      <Button type="submit" variant="secondary" disabled={busy} aria-label={t('student.cancelInviteFor', { email: i.email })}>
                        {t('student.cancelInvite')}
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      ) : null}

      <Card title={t('student.recentChanges')}>
        {history.length === 0 ? (
          <p className="text-slate-700">{t('student.noChanges')}</p>
        ) : (
          <ol className="space-y-2" aria-label={t('student.recentChanges')}>
            {history.map((h) => (
              <li key={h.id} className="text-slate-800">
                <time dateTime={h.at} className="text-sm text-slate-600">
                  {formatMoment(h.at)}
                </time>{' '}
                — {describeHistoryEntry(h)}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  )
}

function ProviderAreasForm({ memberId, name, areas, busy }: { memberId: string; name: string; areas: string[]; busy: boolean }) {
  const { t } = useTranslation()
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">{t('student.setAreasFor', { name })}</summary>
      <Form method="post" className="mt-2 space-y-2">
        <input type="hidden" name="intent" value="setAreas" />
        <input type="hidden" name="memberId" value={memberId} />
        <fieldset>
          <legend className="text-sm text-slate-700">{t('student.areasLegend', { name })}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4">
            {GOAL_AREAS.map((area) => (
              <label key={area} className="inline-flex min-h-11 items-center gap-2">
                <input type="checkbox" name="areas" value={area} defaultChecked={areas.includes(area)} className="size-5" />
                {area}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('student.saveAreas')}
        </Button>
      </Form>
    </details>
  )
}

function InviteLink({ email, link, mailed }: { email: string; link: string; mailed: boolean }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  return (
    <Alert tone="success">
      <p>{t(mailed ? 'student.inviteCreatedMailed' : 'student.inviteCreated', { email })}</p>
      <label className="mt-2 block text-sm font-medium" htmlFor="invite-link">
        {t('student.inviteLink')}
      </label>
      <input id="invite-link" readOnly value={link} className="mt-1 block w-full min-h-11 rounded border border-slate-300 bg-white px-2 text-sm" />
      <Button
        variant="secondary"
        className="mt-2"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true))
        }}
      >
        {copied ? t('student.copied') : t('student.copyLink')}
      </Button>
    </Alert>
  )
}
