import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Card } from '#app/components/card.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { TitledStatus, type Tone } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { mail } from '#shared/i18n/en/mail.ts'

addSections({ mail })

// /school/:schoolId/outbox: every message sent (or, with no mail server, kept) for the school. The admin's only.

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const schoolId = params.schoolId ?? ''
  // The school gate answers 404 to anyone who is not the school's admin or case manager, 403 to a case manager.
  const outbox = await loadOr404(() => context.trpc.mail.outbox({ schoolId }))
  const school = (await context.trpc.schools.mine()).find((s) => s.id === schoolId)
  return { ...outbox, schoolName: school?.name ?? '' }
}

const STATUS_TONES = { queued: 'info', sending: 'info', sent: 'good', kept: 'neutral', failed: 'bad' } as const satisfies Record<string, Tone>

export default function Outbox() {
  const { messages, sending, schoolName, pageSize } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div className="space-y-6">
      <PageHeading title={t('mail.outbox.title')}>
        <p className="text-slate-700">{t('mail.outbox.intro', { school: schoolName })}</p>
      </PageHeading>
      <Alert tone={sending ? 'success' : 'info'}>{sending ? t('mail.outbox.modeSmtp') : t('mail.outbox.modeKept')}</Alert>
      <Card>
        {messages.length === 0 ? (
          <p>{t('mail.outbox.empty')}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label={t('mail.outbox.listLabel')}>
            {messages.map((m) => (
              <li key={m.id} className="space-y-1 py-3">
                <TitledStatus level={3} title={m.subject} badge={{ tone: STATUS_TONES[m.status], label: t(`mail.outbox.statuses.${m.status}`) }} />
                <p className="text-sm text-slate-700">
                  {t('mail.outbox.to')}: {m.toName ? `${m.toName} <${m.to}>` : m.to} · {t('mail.outbox.created')}: {formatMoment(m.createdAt)}
                </p>
                {m.lastError ? <p className="text-sm text-red-800">{t('mail.outbox.attempts', { count: m.attempts, error: m.lastError })}</p> : null}
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">{t('mail.outbox.showBody')}</summary>
                  <pre className="mt-2 whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-sans text-sm text-slate-800">{m.text}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
        {messages.length >= pageSize ? <p className="mt-3 text-sm text-slate-600">{t('mail.outbox.more', { count: pageSize })}</p> : null}
      </Card>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t('common.titleSuffix', { title: data ? `${t('mail.outbox.title')} · ${data.schoolName}` : t('mail.outbox.title') }) },
]
