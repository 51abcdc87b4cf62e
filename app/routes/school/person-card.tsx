import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import type { ActionFailure } from '#app/utils/trpc-errors.server.ts'
import type { FormFailure } from '#app/utils/parse-form.ts'
import { SCHOOL_PERSON_ROLE_LABELS, type SchoolPersonRole } from '#shared/people.ts'
import { ROLE_LABELS, type TeamRole } from '#shared/roles.ts'
import { people } from '#shared/i18n/en/people.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ people })

/** What the People page's action answers: done, a question (the deactivate confirm step), or a refusal. */
export type PeopleResult =
  | { intent: string; ok: true; message: string; inviteLink?: string }
  | { intent: string; ok: 'confirm'; userId: string }
  | ((ActionFailure | FormFailure) & { intent: string; userId?: string })

export interface PersonView {
  userId: string
  name: string
  email: string
  role: SchoolPersonRole
  admin: boolean
  family: boolean
  teams: { studentId: string; studentName: string; role: TeamRole }[]
  status: 'active' | 'deactivated'
  lastSignInText: string | null
  deactivatedText: string | null
}

/** One small form per action: the intent, the person, and one button that names what it does to whom. */
function PersonAction({ intent, userId, label, children, variant = 'secondary', busy, extra }: { intent: string; userId: string; label: string; children: ReactNode; variant?: 'secondary' | 'danger'; busy: boolean; extra?: ReactNode }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="userId" value={userId} />
      {extra}
      <Button type="submit" variant={variant} disabled={busy} aria-label={label}>
        {children}
      </Button>
    </Form>
  )
}

/** One person of the school: who they are, their students, and what the admin may do (a card that fits 360 px). */
export function PersonCard({ person, me, result, busy }: { person: PersonView; me: string; result: PeopleResult | undefined; busy: boolean }) {
  const { t } = useTranslation()
  const mine = result && 'userId' in result && result.userId === person.userId ? result : null
  const asking = mine?.ok === 'confirm' && mine.intent === 'deactivate'
  const refused = mine && mine.ok === false ? mine : null
  const isMe = person.userId === me
  const name = person.name
  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-3" aria-label={name}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">
          {name} {isMe ? <span className="font-normal text-slate-600">{t('people.you')}</span> : null}
        </h3>
        <div className="flex flex-wrap gap-1">
          <StatusBadge tone="info">{SCHOOL_PERSON_ROLE_LABELS[person.role]}</StatusBadge>
          <StatusBadge tone={person.status === 'active' ? 'good' : 'bad'}>{t(`people.statuses.${person.status}`)}</StatusBadge>
        </div>
      </div>
      <p className="break-all text-sm text-slate-700">{person.email}</p>
      <p className="text-sm text-slate-700">
        {person.deactivatedText
          ? t('people.deactivatedOn', { when: person.deactivatedText })
          : person.lastSignInText
            ? t('people.lastSignIn', { when: person.lastSignInText })
            : t('people.neverSignedIn')}
      </p>
      {person.teams.length ? (
        <ul className="space-y-1 text-sm" aria-label={t('people.teams')}>
          {person.teams.map((team) => (
            <li key={`${team.studentId}-${team.role}`} className="flex flex-wrap items-center justify-between gap-2">
              <span>{t('people.teamLine', { student: team.studentName, role: ROLE_LABELS[team.role] })}</span>
              {team.role === 'parent' ? (
                <PersonAction
                  intent="unlink"
                  userId={person.userId}
                  busy={busy}
                  label={t('people.actions.unlinkLabel', { name, student: team.studentName })}
                  extra={<input type="hidden" name="studentId" value={team.studentId} />}
                >
                  {t('people.actions.unlink')}
                </PersonAction>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t('people.noTeams')}</p>
      )}
      {refused ? <Alert>{refused.message}</Alert> : null}
      {asking ? (
        <div className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3">
          <p>{t('people.confirmDeactivate', { name })}</p>
          <div className="flex flex-wrap gap-2">
            <PersonAction
              intent="deactivate"
              userId={person.userId}
              busy={busy}
              variant="danger"
              label={t('people.actions.confirmDeactivateLabel', { name })}
              extra={<input type="hidden" name="confirmed" value="yes" />}
            >
              {t('people.actions.confirmDeactivate')}
            </PersonAction>
            <Form method="get">
              <Button type="submit" variant="secondary">
                {t('people.actions.cancel')}
              </Button>
            </Form>
          </div>
        </div>
      ) : null}
      {isMe || asking ? null : (
        <div className="flex flex-wrap gap-2">
          {person.admin ? (
            <PersonAction intent="removeAdmin" userId={person.userId} busy={busy} label={t('people.actions.removeAdminLabel', { name })}>
              {t('people.actions.removeAdmin')}
            </PersonAction>
          ) : !person.family && person.status === 'active' ? (
            <PersonAction intent="makeAdmin" userId={person.userId} busy={busy} label={t('people.actions.makeAdminLabel', { name })}>
              {t('people.actions.makeAdmin')}
            </PersonAction>
          ) : null}
          {person.status === 'active' ? (
            <PersonAction intent="deactivate" userId={person.userId} busy={busy} variant="danger" label={t('people.actions.deactivateLabel', { name })}>
              {t('people.actions.deactivate')}
            </PersonAction>
          ) : (
            <PersonAction intent="reactivate" userId={person.userId} busy={busy} label={t('people.actions.reactivateLabel', { name })}>
              {t('people.actions.reactivate')}
            </PersonAction>
          )}
        </div>
      )}
    </li>
  )
}
