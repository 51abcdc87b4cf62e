import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { ColumnHeads, Table } from '#app/components/table.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { firstName } from '#shared/plan-labels.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import type { AdvocateGrant } from '#app/utils/api-types.ts'
import { ADVOCATE_MAX_DAYS, isOpen, lastDayForDays, latestLastDay } from '#shared/advocates.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { recordKindLabel } from '#shared/record-access.ts'
import { advocateFormSchema } from '#shared/schemas/advocates.ts'
import { localIsoDate } from '#shared/school-date.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { advocates } from '#shared/i18n/en/advocates.ts'
import { student } from '#shared/i18n/en/student.ts'

addSections({ advocates, student })

// /students/:studentId/advocates: a parent gives an advocate read-only access, revokes it, and sees what they opened
// (docs/advocates.md). The family's page only: the gate answers 404 to everyone else.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const grants = await loadOr404(() => context.trpc.advocates.list({ studentId: params.studentId ?? '' }))
  const today = localIsoDate(context.now())
  return { grants, today, latest: latestLastDay(today) }
}

interface GrantValues {
  email: string
  name: string
  days: string
  lastDay: string
}

type ActionData =
  | { intent: 'grant'; ok: true; email: string; link: string; mailed: boolean; linkExpiresAt: string }
  | { intent: 'revoke'; ok: true; email: string }
  // Revoking asks first (it works without scripts): the page shows the question under that grant.
  | { intent: 'revoke'; ok: 'confirm'; grantId: string }
  | { intent: string; ok: false; message: string; fieldErrors: Record<string, string[] | undefined>; values?: GrantValues }

export async function action({ context, request, params }: ActionFunctionArgs): Promise<ActionData> {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const form = await request.formData()
  const text = (key: string, max: number) => String(form.get(key) ?? '').slice(0, max)
  const values = { email: text('email', 254), name: text('name', 100), days: text('days', 3), lastDay: text('lastDay', 10) }
  const parsed = parseForm(form, advocateFormSchema)
  const intent = String(form.get('intent') ?? '')
  if (!parsed.ok) return { intent, ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, values }
  const input = parsed.value
  if (input.intent === 'grant') {
    // "For 1 day" is today; the service checks the last day against the same bounds whichever way it was given.
    const lastDay = input.lastDay ?? lastDayForDays(localIsoDate(context.now()), input.days ?? 1)
    const result = await actionResult(() => context.trpc.advocates.grant({ studentId, email: input.email, name: input.name, lastDay }))
    if (!result.ok) return { intent: 'grant', ...result, values }
    const link = new URL(`/invite/${result.data.token}`, request.url).toString()
    return { intent: 'grant', ok: true, email: input.email, link, mailed: result.data.mailed, linkExpiresAt: result.data.linkExpiresAt }
  }
  if (input.confirmed !== 'yes') return { intent: 'revoke', ok: 'confirm', grantId: input.grantId }
  const grants = await loadOr404(() => context.trpc.advocates.list({ studentId }))
  const result = await actionResult(() => context.trpc.advocates.revoke({ studentId, grantId: input.grantId }))
  if (!result.ok) return { intent: 'revoke', ...result }
  return { intent: 'revoke', ok: true, email: grants.find((g) => g.id === input.grantId)?.email ?? '' }
}

export default function Advocates() {
  const { t } = useTranslation()
  const { grants, latest, today } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const { student } = parent
  const first = firstName(student)
  const grantFailure = result && !result.ok && result.intent === 'grant' ? result : null
  const revokeFailure = result && !result.ok && result.intent !== 'grant' ? result : null
  const granted = result?.ok === true && result.intent === 'grant' && 'link' in result ? result : null
  const revoked = result?.ok === true && result.intent === 'revoke' && 'email' in result ? result : null
  const asking = result?.ok === 'confirm' && 'grantId' in result ? result.grantId : null

  return (
    <div className="space-y-4">
      <TextLink to={`/students/${student.id}`}>{t('student.backToPlan', { name: first })}</TextLink>
      <Card title={t('advocates.title')} headingLevel={2}>
        <div className="space-y-2 text-slate-700">
          <p>{t('advocates.intro', { name: first })}</p>
          <p>{t('advocates.staffNote')}</p>
        </div>
      </Card>

      <Card title={t('advocates.form.title')}>
        <Form method="post" className="space-y-4" noValidate key={granted?.link ?? 'grant'}>
          <input type="hidden" name="intent" value="grant" />
          {grantFailure ? <Alert>{grantFailure.message}</Alert> : null}
          {granted ? (
            <Alert tone="success">
              <p>{t(granted.mailed ? 'advocates.form.sent' : 'advocates.form.kept', { email: granted.email })}</p>
              <label className="mt-2 block text-sm font-medium" htmlFor="advocate-link">
                {t('advocates.form.linkLabel', { date: formatMoment(granted.linkExpiresAt) })}
              </label>
              <input id="advocate-link" readOnly value={granted.link} className="mt-1 block w-full min-h-11 rounded border border-slate-300 bg-white px-2 text-sm" />
            </Alert>
          ) : null}
          <Field
            label={t('advocates.form.name')}
            name="name"
            autoComplete="off"
            maxLength={100}
            hint={t('advocates.form.nameHint')}
            defaultValue={grantFailure?.values?.name ?? ''}
            errors={grantFailure?.fieldErrors.name}
          />
          <Field label={t('advocates.form.email')} name="email" type="email" autoComplete="off" defaultValue={grantFailure?.values?.email ?? ''} errors={grantFailure?.fieldErrors.email} required />
          <fieldset className="space-y-3" aria-describedby="advocate-how-long-hint">
            <legend className="font-medium">{t('advocates.form.howLong')}</legend>
            <p id="advocate-how-long-hint" className="text-sm text-slate-700">
              {t('advocates.form.howLongHint', { max: ADVOCATE_MAX_DAYS, latest: formatDay(latest, 'long') })}
            </p>
            <Field
              label={t('advocates.form.days')}
              name="days"
              type="number"
              inputMode="numeric"
              min={1}
              max={ADVOCATE_MAX_DAYS}
              defaultValue={grantFailure?.values?.days ?? ''}
              errors={grantFailure?.fieldErrors.days}
            />
            <Field
              label={t('advocates.form.lastDay')}
              name="lastDay"
              type="date"
              min={today}
              max={latest}
              defaultValue={grantFailure?.values?.lastDay ?? ''}
              errors={grantFailure?.fieldErrors.lastDay}
            />
          </fieldset>
          <Button type="submit" disabled={busy}>
            {t('advocates.form.submit')}
          </Button>
        </Form>
      </Card>

      <Card title={t('advocates.list.title')}>
        {revokeFailure ? <Alert>{revokeFailure.message}</Alert> : null}
        {revoked ? <Alert tone="success">{t('advocates.list.revoked', { email: revoked.email })}</Alert> : null}
        {grants.length === 0 ? (
          <p className="text-slate-700">{t('advocates.list.none')}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t('advocates.list.caption', { name: first })}>
            {grants.map((g) => (
              <GrantItem key={g.id} grant={g} busy={busy} asking={asking === g.id} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}

function GrantItem({ grant: g, busy, asking }: { grant: AdvocateGrant; busy: boolean; asking: boolean }) {
  const { t } = useTranslation()
  const name = g.givenName ?? g.name
  const who = g.acceptedAt || !name ? (name ? t('advocates.list.who', { name, email: g.email }) : g.email) : t('advocates.list.invitedOnly', { email: `${name} (${g.email})` })
  const short = name ?? g.email
  const status = {
    invited: t('advocates.list.statuses.invited', { date: formatMoment(g.inviteExpiresAt) }),
    active: t('advocates.list.statuses.active', { date: formatDay(g.lastDay, 'long') }),
    revoked: t('advocates.list.statuses.revoked', { date: g.revokedAt ? formatMoment(g.revokedAt) : '' }),
    expired: t('advocates.list.statuses.expired', { date: formatDay(g.lastDay, 'long') }),
    unused: t('advocates.list.statuses.unused'),
  }[g.status]
  return (
    <li className="space-y-2 py-3" aria-label={who}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium">{who}</p>
          <p className="text-sm text-slate-700">
            <StatusBadge tone={g.status === 'active' ? 'good' : isOpen(g.status) ? 'info' : 'neutral'}>{status}</StatusBadge>{' '}
            {t('advocates.list.granted', { date: formatMoment(g.createdAt, 'date') })}
          </p>
        </div>
        {isOpen(g.status) && !asking ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="grantId" value={g.id} />
            <Button type="submit" variant="danger" disabled={busy} aria-label={t('advocates.list.revokeNamed', { who: short })}>
              {g.status === 'active' ? t('advocates.list.revoke') : t('advocates.list.revokeInvite')}
            </Button>
          </Form>
        ) : null}
      </div>
      {isOpen(g.status) && asking ? (
        <div role="group" aria-label={t('advocates.list.revokeNamed', { who: short })} className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3">
          <p>{t('advocates.list.confirmRevoke', { who: short })}</p>
          <div className="flex flex-wrap gap-2">
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="grantId" value={g.id} />
              <input type="hidden" name="confirmed" value="yes" />
              <Button type="submit" variant="danger" disabled={busy} aria-label={t('advocates.list.confirmRevokeLabel', { who: short })} autoFocus>
                {t('advocates.list.confirmRevokeButton')}
              </Button>
            </Form>
            <Form method="get">
              <Button type="submit" variant="secondary">
                {t('advocates.list.keep')}
              </Button>
            </Form>
          </div>
        </div>
      ) : null}
      {g.acceptedAt ? (
        g.opened.length ? (
          <Table caption={t('advocates.list.openedCaption', { who: short })} head={<ColumnHeads columns={[t('advocates.list.columns.when'), t('advocates.list.columns.what')]} />}>
            {g.opened.map((o) => (
              <tr key={`${o.at}-${o.what}`}>
                <td className="py-1 pr-3">
                  <time dateTime={o.at}>{formatMoment(o.at)}</time>
                </td>
                <td className="py-1">{recordKindLabel(o.what)}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p className="text-sm text-slate-700">{t('advocates.list.openedNone')}</p>
        )
      ) : null}
    </li>
  )
}

export const meta: MetaFunction = ({ matches }) => {
  const data = matches.find((m) => m.id === 'student')?.data as { student?: { name: string } } | undefined
  return [{ title: data?.student ? t('advocates.pageTitle', { name: data.student.name }) : t('student.notFoundTitle') }]
}
