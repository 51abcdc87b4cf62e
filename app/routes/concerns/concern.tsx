import { Term } from '#app/components/term.tsx'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { Trans } from 'react-i18next'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { z } from 'zod'
import { Alert } from '#app/components/alert.tsx'
import { AttachmentsCard } from '#app/components/attachments-card.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { AgreementCard, ShareCard } from './concern-agreement.tsx'
import { ConcernLinksPicker } from './concern-links-picker.tsx'
import { DateUpToTodayField, Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { LadderExplainer } from './ladder-explainer.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { CONCERN_STATUSES, filedOnRefusal, LADDER, ladderStep, STATUS_LABELS, stepNeedsConfirmation, UPDATE_KIND_LABELS, UPDATE_KINDS, VISIBILITY_LABELS } from '#shared/concerns.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { concernIntentSchema, concernPageFormSchemas, type ConcernIntent } from '#shared/schemas/concerns.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { concerns } from '#shared/i18n/en/concerns.ts'
import { letters } from '#shared/i18n/en/letters.ts'

addSections({ concerns, letters })

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  // A family-only concern is "not found" for staff: the same 404 as a concern that does not exist.
  const concern = await loadOr404(() => context.trpc.concerns.get({ studentId, concernId: params.concernId ?? '' }))
  const linkable = concern.canEdit ? await loadOr404(() => context.trpc.concerns.linkable({ studentId })) : null
  // A letter past its answer date is the next thing to act on: said here, not only on the letter page.
  const { suggestion: unansweredLetter } = await loadOr404(() => context.trpc.concerns.letters({ studentId, concernId: concern.id }))
  // Who may be named as doing a promised item: the team as it stands (the agreement form lists them).
  const team = concern.agreement ? await loadOr404(() => context.trpc.team.list({ studentId })) : []
  const people = team.map((m) => ({ userId: m.userId, name: m.name }))
  // The day it was shared, as the school counts days (worked out here, so the page and its hydration agree).
  const sharedOn = concern.shared ? localIsoDate(new Date(concern.shared.at)) : null
  const files = await loadOr404(() => context.trpc.attachments.list({ studentId, ownerKind: 'concern', ownerId: concern.id }))
  return { concern, linkable, unansweredLetter, people, sharedOn, files, today: localIsoDate(context.now()) }
}

/** Reads one form through its schema and, when it is sound, makes the call; either way the answer is a form result. */
async function readThen<Schema extends z.ZodType, T>(form: FormData, schema: Schema, call: (value: z.output<Schema>) => Promise<T>) {
  const parsed = parseForm(form, schema)
  return parsed.ok ? actionResult(() => call(parsed.value)) : parsed
}

const DONE = {
  update: 'concerns.entryAdded',
  escalate: 'concerns.movedUp',
  edit: 'concerns.savedVersion',
  link: 'concerns.recordsLinked',
  takeBack: 'concerns.ladderConfirm.takenBack',
  agree: 'concerns.agreement.recorded',
  addItem: 'concerns.agreement.itemAdded',
  itemDone: 'concerns.agreement.markedDone',
  share: 'concerns.share.done',
} as const satisfies Record<ConcernIntent, string>

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const ref = { studentId: params.studentId ?? '', concernId: params.concernId ?? '' }
  const form = await request.formData()
  const chosen = parseForm(form, concernIntentSchema)
  if (!chosen.ok) return { intent: null, ...chosen }
  const { intent } = chosen.value
  if (intent === 'escalate') {
    // From step 3 up the first submit records nothing: the page explains the step, and "Yes" sends the same values again.
    // A missing or misplaced filing date is said first, on its field, rather than after "Yes".
    const asked = parseForm(form, concernPageFormSchemas.escalate)
    const answer = form.get('confirmed')
    // "No, go back" records nothing and hands the typed values back to the form, so nothing typed is lost.
    if (asked.ok && answer === 'no') return { intent, ok: false, confirm: null, back: asked.value, message: '', fieldErrors: {} as Record<string, string[] | undefined> }
    if (asked.ok && stepNeedsConfirmation(asked.value.step) && !filedOnRefusal(asked.value.step, asked.value.filedOn) && answer !== 'yes') {
      return { intent, ok: false, confirm: asked.value, back: null, message: '', fieldErrors: {} as Record<string, string[] | undefined> }
    }
  }
  const { concerns } = context.trpc
  const result =
    intent === 'update'
      ? await readThen(form, concernPageFormSchemas.update, (v) => concerns.addUpdate({ ...ref, ...v }))
      : intent === 'escalate'
        ? await readThen(form, concernPageFormSchemas.escalate, (v) => concerns.escalate({ ...ref, ...v }))
        : intent === 'edit'
          ? await readThen(form, concernPageFormSchemas.edit, (v) => concerns.edit({ ...ref, ...v }))
          : intent === 'takeBack'
            ? await readThen(form, concernPageFormSchemas.takeBack, (v) => concerns.takeBackStep({ ...ref, ...v }))
            : intent === 'agree'
              ? await readThen(form, concernPageFormSchemas.agree, (v) => concerns.recordAgreement({ ...ref, ...v }))
              : intent === 'addItem'
                ? await readThen(form, concernPageFormSchemas.addItem, (v) => concerns.addAgreementItem({ ...ref, ...v }))
                : intent === 'itemDone'
                  ? await readThen(form, concernPageFormSchemas.itemDone, (v) => concerns.markItemDone({ ...ref, ...v }))
                  : intent === 'share'
                    ? await readThen(form, concernPageFormSchemas.share, () => concerns.share(ref))
                    : await readThen(form, concernPageFormSchemas.link, (v) => concerns.link({ ...ref, ...v }))
  return { intent, ok: result.ok, confirm: null, back: null, message: result.ok ? translate(DONE[intent]) : result.message, fieldErrors: result.ok ? {} : result.fieldErrors }
}

const LINK = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline'

function FormMessage({ data, intent }: { data: ReturnType<typeof useActionData<typeof action>>; intent: ConcernIntent }) {
  if (!data || data.intent !== intent) return null
  return <Alert tone={data.ok ? 'success' : 'error'}>{data.message}</Alert>
}

function FieldErrors({ errors }: { errors: string[] | undefined }) {
  return errors?.length ? <p className="text-sm font-medium text-red-800">{errors.join(' ')}</p> : null
}

type StepValues = z.output<typeof concernPageFormSchemas.escalate>

/**
 * The second half of moving to step 3 or above: what the step is and what it starts, then "Yes" sends the same values
 * with `confirmed`. A real step in the page (no window.confirm), so it works from the keyboard and without scripts.
 */
function ConfirmStep({ values, busy }: { values: StepValues; busy: boolean }) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  // Keyboard and screen-reader users land on the question that replaced the form they just sent.
  useEffect(() => heading.current?.focus(), [])
  const step = ladderStep(values.step)
  return (
    <Form method="post" className="mb-4 space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4" aria-labelledby="confirm-step-heading">
      <h3 id="confirm-step-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold text-amber-950">
        {t('concerns.ladderConfirm.title', { step: step.step, title: step.title })}
      </h3>
      <h4 className="font-semibold text-amber-950">{t('concerns.ladderConfirm.meansTitle')}</h4>
      <p className="text-amber-950">{step.what}</p>
      <h4 className="font-semibold text-amber-950">{t('concerns.ladderConfirm.startsTitle')}</h4>
      <p className="text-amber-950">{t(`concerns.ladderConfirm.starts.s${step.step as 3 | 4 | 5 | 6}`)}</p>
      <p className="text-sm text-amber-950">{t('concerns.ladderConfirm.undoHint')}</p>
      <input type="hidden" name="intent" value="escalate" />
      <input type="hidden" name="step" value={values.step} />
      <input type="hidden" name="date" value={values.date} />
      {values.filedOn ? <input type="hidden" name="filedOn" value={values.filedOn} /> : null}
      <input type="hidden" name="note" value={values.note} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="confirmed" value="yes" disabled={busy}>
          {t('concerns.ladderConfirm.yes', { step: step.step })}
        </Button>
        <Button type="submit" name="confirmed" value="no" variant="secondary" disabled={busy}>
          {t('concerns.ladderConfirm.no')}
        </Button>
      </div>
    </Form>
  )
}

export default function ConcernPage() {
  const { t } = useTranslation()
  const { concern: c, linkable, unansweredLetter, people, sharedOn, files, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const base = `/students/${parent.student.id}`
  const errors = (intent: ConcernIntent): Record<string, string[] | undefined> => (actionData?.intent === intent ? actionData.fieldErrors : {})
  const mayRespond = can(parent.student.role, 'concerns.respond')
  const message = (intent: ConcernIntent) => <FormMessage data={actionData} intent={intent} />
  const mayShare = c.visibility === 'family' && can(parent.student.role, 'concerns.share')
  const shareMessage = message('share')
  const higherSteps = LADDER.filter((s) => s.step > c.step)
  const confirming = actionData?.intent === 'escalate' && actionData.confirm && actionData.confirm.step > c.step ? actionData.confirm : null
  const back = actionData?.intent === 'escalate' && 'back' in actionData && actionData.back ? actionData.back : null
  const showMoveUp = c.canEdit && !confirming && higherSteps.length > 0 && c.status !== 'resolved'
  const movedUpMessage = message('escalate')
  const takenBackMessage = message('takeBack')
  return (
    <div className="space-y-6">
      <Link to={`${base}/concerns`} className={LINK}>
        {t('concerns.backToLog')}
      </Link>
      <Card title={c.issue} headingId="concern-heading">
        <p className="flex flex-wrap items-center gap-2 text-slate-700">
          <span>
            <Trans i18nKey="concerns.raised" values={{ date: formatDay(c.date) }} components={{ time: <time dateTime={c.date} /> }} />
          </span>
          <StatusBadge tone={c.status === 'resolved' ? 'good' : c.status === 'waiting' ? 'warn' : 'info'}>{STATUS_LABELS[c.status]}</StatusBadge>
          <StatusBadge>{t('concerns.stepBadge', { step: c.step, title: LADDER[c.step - 1]!.title })}</StatusBadge>
          <StatusBadge tone={c.visibility === 'family' ? 'warn' : 'neutral'}>{VISIBILITY_LABELS[c.visibility]}</StatusBadge>
        </p>
        <dl className="mt-3 space-y-1 text-slate-800">
          <Term term={t('concerns.personContacted')}>{c.personContacted || '—'}</Term>
          <Term term={t('concerns.theirResponse')}>{c.response || '—'}</Term>
          <Term term={t('concerns.followUp')}>{c.followUp || '—'}</Term>
          <Term term={t('concerns.efforts')}>{c.efforts}</Term>
        </dl>
        {c.shared && sharedOn ? (
          <p className="mt-3 text-slate-700">
            {t('concerns.share.sharedOn', { date: formatDay(sharedOn), name: c.shared.byName })}
          </p>
        ) : null}
        <p className="mt-3">
          <Link to={`${base}/concerns/${c.id}/letter`} className={LINK}>
            {t('concerns.draftLetter')}
          </Link>
        </p>
      </Card>

      {unansweredLetter ? (
        <section aria-labelledby="unanswered-heading" className="rounded-lg border-2 border-red-600 bg-red-50 p-4">
          <h2 id="unanswered-heading" className="flex flex-wrap items-center gap-2 text-lg font-semibold text-red-950">
            <StatusBadge tone="bad">{t('letters.flagged')}</StatusBadge>
          </h2>
          <p className="mt-1 text-red-950">{unansweredLetter}</p>
          <p className="mt-2">
            <Link to={`${base}/concerns/${c.id}/letter#letters-sent-heading`} className={LINK}>
              {t('letters.seeLetters')}
            </Link>
          </p>
        </section>
      ) : null}

      {c.suggestion ? (
        <section aria-labelledby="suggestion-heading" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
          <h2 id="suggestion-heading" className="text-lg font-semibold text-amber-950">
            {t('concerns.suggestedStep', { step: c.suggestion.step.step, title: c.suggestion.step.title })}
          </h2>
          <ul className="mt-1 list-disc pl-5 text-amber-950">
            {c.suggestion.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <p className="mt-2 text-amber-950">{c.suggestion.step.what}</p>
          <p className="mt-1 text-sm text-amber-950">{t('concerns.suggestionOnly')}</p>
        </section>
      ) : null}

      {c.complaint ? (
        <Card title={t('concerns.complaintTitle')} headingId="complaint-heading">
          <p className="text-slate-800">
            <Trans
              i18nKey="concerns.complaintDue"
              values={{ filed: formatDay(c.complaint.filedOn), due: formatDay(c.complaint.decisionDue) }}
              components={{ filed: <time dateTime={c.complaint.filedOn} />, due: <time dateTime={c.complaint.decisionDue} /> }}
            />
          </p>
          <p className={`mt-1 font-semibold ${c.complaint.overdue ? 'text-red-800' : 'text-slate-900'}`}>{c.complaint.text}</p>
        </Card>
      ) : null}

      {/* Once shared the card is gone; the answer stays on the page. */}
      {mayShare ? <ShareCard busy={busy} message={shareMessage} /> : shareMessage}

      <AgreementCard
        agreement={c.agreement}
        canAgree={can(parent.student.role, 'concerns.agree')}
        people={people}
        today={today}
        busy={busy}
        message={message}
        errors={errors}
      />

      <Card title={t('concerns.linksTitle')} headingId="links-heading">
        {c.links.length === 0 ? (
          <p className="text-slate-700">{t('concerns.noLinks')}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-slate-800">
            {c.links.map((l) => (
              <li key={`${l.kind}:${l.recordId}`}>{l.label}</li>
            ))}
          </ul>
        )}
        {c.canEdit && linkable ? (
          <details className="mt-3">
            <summary className="min-h-11 cursor-pointer font-medium text-brand-700">{t('concerns.linkMore')}</summary>
            <Form method="post" className="mt-2 space-y-3">
              <input type="hidden" name="intent" value="link" />
              <FormMessage data={actionData} intent="link" />
              <ConcernLinksPicker linkable={linkable} selected={c.links.map((l) => `${l.kind}:${l.recordId}`)} idPrefix="more" />
              <FieldErrors errors={errors('link').links} />
              <Button type="submit" disabled={busy}>
                {t('concerns.linkChosen')}
              </Button>
            </Form>
          </details>
        ) : null}
      </Card>

      <Card title={t('concerns.updatesTitle')} headingId="updates-heading">
        {c.updates.length === 0 ? (
          <p className="text-slate-700">{t('concerns.noUpdates')}</p>
        ) : (
          <ol className="space-y-3">
            {c.updates.map((u) => (
              <li key={u.id} className="border-l-4 border-slate-300 pl-3">
                <p className="font-medium text-slate-900">
                  <time dateTime={u.date}>{formatDay(u.date)}</time> · {UPDATE_KIND_LABELS[u.kind]}
                  {u.person ? ` · ${u.person}` : ''}
                </p>
                <p className="text-slate-800">{u.text}</p>
                <p className="text-sm text-slate-600">{t('concerns.writtenBy', { name: u.authorName })}</p>
              </li>
            ))}
          </ol>
        )}
        {mayRespond ? (
          // Keyed by the entries: once one is saved the form mounts afresh, empty.
          <Form key={c.updates.length} method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
            <h3 className="text-lg font-semibold text-slate-900">{t('concerns.addEntryTitle')}</h3>
            <input type="hidden" name="intent" value="update" />
            <FormMessage data={actionData} intent="update" />
            <SelectField
              label={t('concerns.entryKindField')}
              name="kind"
              defaultValue={parent.student.role === 'parent' ? 'contact' : 'response'}
              errors={errors('update').kind}
            >
              {UPDATE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {UPDATE_KIND_LABELS[k]}
                </option>
              ))}
            </SelectField>
            <DateUpToTodayField label={t('concerns.entryDateField')} name="date" today={today} defaultValue={today} errors={errors('update').date} />
            <Field label={t('concerns.personField')} name="person" hint={t('concerns.personHint')} errors={errors('update').person} autoComplete="off" />
            <TextareaField label={t('concerns.entryTextField')} name="text" rows={3} errors={errors('update').text} />
            <Button type="submit" disabled={busy}>
              {t('concerns.addEntry')}
            </Button>
          </Form>
        ) : null}
      </Card>

      <AttachmentsCard studentId={parent.student.id} ownerKind="concern" ownerId={c.id} list={files} familyOnly={c.visibility === 'family'} />

      <Card title={t('concerns.ladderTitle')} headingId="steps-heading">
        <h3 className="font-semibold text-slate-900">{t('concerns.stepsTaken')}</h3>
        <ol className="mb-4 list-disc space-y-1 pl-5 text-slate-800">
          {c.steps.map((s, i) => (
            <li key={i}>
              {s.kind === 'take_back'
                ? t('concerns.ladderConfirm.takenBackEntry', { from: s.takenBack ?? '?', step: s.step, title: s.title })
                : t('concerns.ladderStep', { step: s.step, title: s.title })}
              , <time dateTime={s.date}>{formatDay(s.date)}</time>
              {s.filedOn ? t('concerns.stepFiled', { date: formatDay(s.filedOn) }) : ''}
              {s.note ? ` — ${s.note}` : ''} <span className="text-sm text-slate-600">{t('concerns.stepBy', { name: s.byName })}</span>
            </li>
          ))}
        </ol>
        {c.canEdit && confirming ? <ConfirmStep values={confirming} busy={busy} /> : null}
        {showMoveUp ? (
          // Keyed by the ladder's log: once a step is saved the form mounts afresh, empty. While the question is asked
          // the form is not shown, so after "No, go back" it mounts again holding what was typed before the question.
          <Form key={c.steps.length} method="post" className="mb-4 space-y-3 border-t border-slate-200 pt-4">
            <h3 className="text-lg font-semibold text-slate-900">{t('concerns.moveUpTitle')}</h3>
            <input type="hidden" name="intent" value="escalate" />
            <FormMessage data={actionData} intent="escalate" />
            <SelectField label={t('concerns.nextStepField')} name="step" defaultValue={String(back?.step ?? c.suggestion?.step.step ?? c.step + 1)} errors={errors('escalate').step}>
              {higherSteps.map((s) => (
                <option key={s.step} value={s.step}>
                  {t('concerns.ladderStep', { step: s.step, title: s.title })}
                </option>
              ))}
            </SelectField>
            <DateUpToTodayField label={t('concerns.stepDateField')} name="date" today={today} defaultValue={back?.date ?? today} errors={errors('escalate').date} />
            <DateUpToTodayField
              label={t('concerns.filedOnField')}
              name="filedOn"
              today={today}
              hint={t('concerns.filedOnHint')}
              defaultValue={back?.filedOn ?? ''}
              errors={errors('escalate').filedOn}
            />
            <TextareaField label={t('concerns.stepNoteField')} name="note" rows={2} defaultValue={back?.note ?? ''} errors={errors('escalate').note} />
            <Button type="submit" disabled={busy}>
              {t('concerns.recordStep')}
            </Button>
          </Form>
        ) : null}
        {/* Reaching the top step, or taking back to the first, removes the form that was sent: its answer stays here. */}
        {c.canEdit && !confirming && !showMoveUp ? movedUpMessage : null}
        {c.canEdit && !c.takeBack ? takenBackMessage : null}
        {c.canEdit && c.takeBack ? (
          <Form key={`back-${c.steps.length}`} method="post" className="mb-4 space-y-3 border-t border-slate-200 pt-4">
            <h3 className="text-lg font-semibold text-slate-900">{t('concerns.ladderConfirm.takeBackTitle')}</h3>
            <p className="text-slate-800">{t('concerns.ladderConfirm.takeBackIntro', { from: c.takeBack.from, to: c.takeBack.to, title: ladderStep(c.takeBack.to).title })}</p>
            <input type="hidden" name="intent" value="takeBack" />
            <input type="hidden" name="step" value={c.takeBack.from} />
            <FormMessage data={actionData} intent="takeBack" />
            <FieldErrors errors={errors('takeBack').step} />
            <TextareaField label={t('concerns.ladderConfirm.takeBackNote')} name="note" rows={2} errors={errors('takeBack').note} />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t('concerns.ladderConfirm.takeBack', { step: c.takeBack.from })}
            </Button>
          </Form>
        ) : null}
        <LadderExplainer current={c.step} />
      </Card>

      {c.canEdit ? (
        <Card title={t('concerns.editTitle')} headingId="edit-heading">
          <p className="mb-3 text-slate-700">{t('concerns.editIntro')}</p>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="edit" />
            <FormMessage data={actionData} intent="edit" />
            <DateUpToTodayField label={t('concerns.dateRaisedField')} name="date" today={today} defaultValue={c.date} errors={errors('edit').date} />
            <TextareaField label={t('concerns.issueField')} name="issue" rows={3} defaultValue={c.issue} errors={errors('edit').issue} />
            <Field label={t('concerns.personContacted')} name="personContacted" defaultValue={c.personContacted} errors={errors('edit').personContacted} autoComplete="off" />
            <TextareaField label={t('concerns.theirResponse')} name="response" rows={2} defaultValue={c.response} errors={errors('edit').response} />
            <TextareaField label={t('concerns.followUp')} name="followUp" rows={2} defaultValue={c.followUp} errors={errors('edit').followUp} />
            <SelectField label={t('concerns.statusField')} name="status" defaultValue={c.status} errors={errors('edit').status}>
              {CONCERN_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={busy}>
              {t('concerns.saveChanges')}
            </Button>
          </Form>
        </Card>
      ) : null}

      <Card title={t('concerns.versionsTitle')} headingId="versions-heading">
        <ol className="space-y-2 text-sm text-slate-800">
          {c.versions.map((v) => (
            <li key={v.version}>
              {/* The issue is the family's own text, so it stays out of <Trans>, where it would be read as markup. */}
              <span className="font-medium">{t('concerns.versionNumber', { version: v.version })}</span>{' '}
              {t('concerns.versionDetail', { name: v.byName, date: formatDay(v.date), issue: v.issue, status: STATUS_LABELS[v.status] })}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('concerns.concernTitle')) }]
