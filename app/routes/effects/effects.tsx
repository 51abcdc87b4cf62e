import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { z } from 'zod'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DateUpToTodayField, SelectField, TextareaField } from '#app/components/field.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { studentPageTitle } from '#app/utils/student-meta.ts'
import { actionResult, loadOr404 } from '#app/utils/trpc-errors.server.ts'
import { EFFECT_KIND_LABELS, EFFECT_KINDS, EFFECT_NOTE_MAX } from '#shared/effects.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addSections, t as translate } from '#shared/i18n/i18n.ts'
import { can } from '#shared/permissions.ts'
import { areaLabel } from '#shared/plan-labels.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { effectCorrectFormSchema, effectFormSchema, effectIntentSchema, effectRemoveFormSchema } from '#shared/schemas/effects.ts'
import type { loader as studentLoader } from '#app/routes/student/student-layout.tsx'
import { effects } from '#shared/i18n/en/effects.ts'

addSections({ effects })

/** What happened next (docs/effects.md): effects at home after school or the next day, against a day and, where known, a goal. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const [effects, goals] = await Promise.all([loadOr404(() => context.trpc.effects.list({ studentId })), loadOr404(() => context.trpc.goals.list({ studentId }))])
  // A goal page's "Record what happened next" link names its goal, so the form starts with it chosen.
  const chosenGoal = new URL(request.url).searchParams.get('goal') ?? ''
  return {
    effects,
    goals: goals.map((g) => ({ id: g.id, area: g.area })),
    chosenGoal: goals.some((g) => g.id === chosenGoal) ? chosenGoal : '',
    today: localIsoDate(context.now()),
  }
}

async function readThen<Schema extends z.ZodType, T>(form: FormData, schema: Schema, call: (value: z.output<Schema>) => Promise<T>) {
  const parsed = parseForm(form, schema)
  return parsed.ok ? actionResult(() => call(parsed.value)) : parsed
}

const DONE = { record: 'effects.saved', correct: 'effects.corrected', remove: 'effects.removed' } as const

export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const form = await request.formData()
  const chosen = parseForm(form, effectIntentSchema)
  if (!chosen.ok) return { intent: null, effectId: null, ...chosen }
  const { intent } = chosen.value
  const { effects } = context.trpc
  const sent = typeof form.get('effectId') === 'string' ? String(form.get('effectId')) : null
  if (intent === 'correct') {
    const result = await readThen(form, effectCorrectFormSchema, (v) => effects.correct({ studentId, ...v }))
    // A correction is a new entry that takes the old one's place in the list: its answer goes beside the new one.
    if (result.ok) return { intent, effectId: result.data.effectId, ok: true, message: translate(DONE[intent]), fieldErrors: {} }
    return { intent, effectId: sent, ok: false, message: result.message, fieldErrors: result.fieldErrors }
  }
  const result =
    intent === 'record'
      ? await readThen(form, effectFormSchema, (v) => effects.record({ studentId, ...v }))
      : await readThen(form, effectRemoveFormSchema, (v) => effects.remove({ studentId, ...v }))
  return { intent, effectId: sent, ok: result.ok, message: result.ok ? translate(DONE[intent]) : result.message, fieldErrors: result.ok ? {} : result.fieldErrors }
}

type Goal = { id: string; area: string }

/** The fields of a new entry and of a correction: what happened, the day, the goal it followed, a short note. */
function EffectFields({
  goals,
  today,
  idPrefix,
  values,
  errors,
}: {
  goals: Goal[]
  today: string
  idPrefix: string
  values: { kind?: string; date: string; goalId: string; note: string }
  errors: Record<string, string[] | undefined>
}) {
  const { t } = useTranslation()
  return (
    <>
      <SelectField id={`${idPrefix}-kind`} label={t('effects.kindLabel')} name="kind" defaultValue={values.kind ?? ''} errors={errors.kind} required>
        {values.kind ? null : <option value="">{t('effects.kindRequired')}</option>}
        {EFFECT_KINDS.map((k) => (
          <option key={k} value={k}>
            {EFFECT_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <DateUpToTodayField id={`${idPrefix}-date`} label={t('effects.dateLabel')} name="date" today={today} defaultValue={values.date} errors={errors.date} />
      <SelectField id={`${idPrefix}-goal`} label={t('effects.goalLabel')} name="goalId" defaultValue={values.goalId} errors={errors.goalId}>
        <option value="">{t('effects.noGoal')}</option>
        {goals.map((g) => (
          <option key={g.id} value={g.id}>
            {t('effects.forGoalSelect', { area: areaLabel(g.area) })}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={`${idPrefix}-note`}
        label={t('effects.noteLabel')}
        name="note"
        rows={2}
        maxLength={EFFECT_NOTE_MAX}
        hint={t('effects.noteHint', { max: EFFECT_NOTE_MAX })}
        defaultValue={values.note}
        errors={errors.note}
      />
    </>
  )
}

/** The answer to a correction or a refused removal of one entry, shown beside it. */
function EntrySaid({ data, effectId }: { data: ReturnType<typeof useActionData<typeof action>>; effectId: string }) {
  if (!data || data.effectId !== effectId || (data.intent !== 'correct' && !(data.intent === 'remove' && !data.ok))) return null
  return <Alert tone={data.ok ? 'success' : 'error'}>{data.message}</Alert>
}

export default function EffectsPage() {
  const { t } = useTranslation()
  const { effects, goals, chosenGoal, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const parent = useRouteLoaderData<typeof studentLoader>('student')
  if (!parent) return null
  const canRecord = can(parent.student.role, 'effects.record')
  const areaOf = new Map(goals.map((g) => [g.id, areaLabel(g.area)]))
  const said = (intent: 'record' | 'correct' | 'remove', effectId: string | null = null) =>
    actionData && actionData.intent === intent && (intent === 'record' || actionData.effectId === effectId) ? (
      <Alert tone={actionData.ok ? 'success' : 'error'}>{actionData.message}</Alert>
    ) : null
  const errorsOf = (intent: 'record' | 'correct', effectId: string | null = null) =>
    actionData && actionData.intent === intent && !actionData.ok && (intent === 'record' || actionData.effectId === effectId) ? actionData.fieldErrors : {}
  const recordSaid = said('record')
  const removedSaid = actionData?.intent === 'remove' && actionData.ok ? said('remove', actionData.effectId) : null
  return (
    <div className="space-y-6">
      <Card title={t('effects.cardTitle')} headingId="effects-heading">
        <p className="text-slate-700">{t('effects.cardIntro')}</p>
        {canRecord ? (
          // Keyed by the list: once an entry is saved the form mounts afresh, empty.
          <Form key={effects.length} method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4" aria-labelledby="effect-form-heading">
            <h3 id="effect-form-heading" className="text-lg font-semibold text-slate-900">
              {t('effects.formTitle')}
            </h3>
            <input type="hidden" name="intent" value="record" />
            {recordSaid}
            <EffectFields goals={goals} today={today} idPrefix="new" values={{ date: today, goalId: chosenGoal, note: '' }} errors={errorsOf('record')} />
            <Button type="submit" disabled={busy}>
              {t('effects.save')}
            </Button>
          </Form>
        ) : null}
      </Card>

      <Card title={t('effects.listLabel')} headingId="effects-list-heading">
        {removedSaid}
        {effects.length === 0 ? (
          <p className="text-slate-700">{t('effects.none')}</p>
        ) : (
          <ol className="space-y-4" aria-labelledby="effects-list-heading">
            {effects.map((e) => (
              <li key={e.id} className="border-l-4 border-amber-400 pl-3">
                <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  <span>
                    <time dateTime={e.date}>{formatDay(e.date)}</time>: {EFFECT_KIND_LABELS[e.kind]}
                  </span>
                  {e.goalId && areaOf.has(e.goalId) ? <StatusBadge>{t('effects.forGoal', { area: areaOf.get(e.goalId) ?? '' })}</StatusBadge> : null}
                  {e.corrected ? <StatusBadge tone="info">{t('effects.correctedMark')}</StatusBadge> : null}
                </p>
                {e.note ? <p className="text-slate-800">{e.note}</p> : null}
                <p className="text-sm text-slate-600">{t('effects.by', { name: e.recordedByName })}</p>
                {e.mine && canRecord ? (
                  <div className="mt-2 space-y-2">
                    <EntrySaid data={actionData} effectId={e.id} />
                    <details open={actionData?.intent === 'correct' && !actionData.ok && actionData.effectId === e.id}>
                      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t('effects.correct')}</summary>
                      <Form method="post" className="mt-2 space-y-3">
                        <input type="hidden" name="intent" value="correct" />
                        <input type="hidden" name="effectId" value={e.id} />
                        <EffectFields
                          goals={goals}
                          today={today}
                          idPrefix={`fix-${e.id}`}
                          values={{ kind: e.kind, date: e.date, goalId: e.goalId ?? '', note: e.note }}
                          errors={errorsOf('correct', e.id)}
                        />
                        <Button type="submit" disabled={busy}>
                          {t('effects.correctSave')}
                        </Button>
                      </Form>
                    </details>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="effectId" value={e.id} />
                      <Button type="submit" variant="secondary" disabled={busy} aria-label={`${t('effects.removeLabel')}: ${formatDay(e.date)}, ${EFFECT_KIND_LABELS[e.kind]}`}>
                        {t('effects.remove')}
                      </Button>
                    </Form>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  )
}

export const meta: MetaFunction = ({ matches }) => [{ title: studentPageTitle(matches, translate('effects.pageTitle')) }]
