import { Form, Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import type { GoalPoint } from '#app/utils/api-types.ts'
import { formatDay, formatMoment } from '#shared/i18n/format.ts'
import type { GoalUnit } from '#shared/schemas/plan.ts'
import { typedValue, type FormFailure, type TypedFields } from '#app/utils/plan-form.ts'
import { formatGoalValue, PROMPT_LEVEL_LABELS, REGULATION_LABELS } from '#shared/plan-labels.ts'
import { Button, buttonClasses } from '#app/components/button.tsx'
import { Field } from '#app/components/field.tsx'
import { RegulationMark } from '#app/components/regulation-mark.tsx'
import { Table } from '#app/components/table.tsx'
import { attachments } from '#shared/i18n/en/attachments.ts'
import { goals } from '#shared/i18n/en/goals.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ attachments, goals })

type Point = Pick<
  GoalPoint,
  'id' | 'date' | 'value' | 'trials' | 'promptLevel' | 'regulation' | 'note' | 'recordedBy' | 'voidedAt' | 'voidReason'
>

/** A refused void, with what was typed (which point, and the reason). */
export type VoidFailure = FormFailure & { values: TypedFields }

// A voided point stays readable, struck through.
const STRUCK = 'line-through decoration-2 text-slate-500'

// The points table's columns, left to right: each header read from the catalogue.
const COLUMNS = ['goals.date', 'goals.resultColumn', 'goals.regulationColumn', 'goals.promptLevelColumn', 'goals.noteColumn', 'goals.recordedBy'] as const

/**
 * Every data point, newest first. A voided point stays, struck through, with why (docs/domain.md#records-are-evidence); points
 * recorded while the student was dysregulated carry the chart's triangle and the word, not a colour alone.
 */
export function ProgressPointsTable({
  points,
  unit,
  canVoid,
  voidFailure,
  busy,
  files,
}: {
  points: Point[]
  unit: GoalUnit
  canVoid: boolean
  voidFailure: VoidFailure | null
  busy: boolean
  /** How many files each point has, and whether the reader may attach one (docs/attachments.md). */
  files?: { counts: Record<string, number>; mayAdd: boolean }
}) {
  const { t } = useTranslation()
  const newestFirst = [...points].reverse()
  const failedPoint = typedValue(voidFailure?.values, 'pointId')
  return (
    <Table
      caption={t('goals.pointsCaption')}
      head={
        <tr>
          {COLUMNS.map((key) => (
            <th key={key} scope="col" className="px-2 py-2 font-semibold">
              {t(key)}
            </th>
          ))}
          {canVoid ? (
            <th scope="col" className="px-2 py-2 font-semibold">
              <span className="sr-only">{t('goals.corrections')}</span>
            </th>
          ) : null}
        </tr>
      }
    >
      {newestFirst.map((p) => {
        const voided = Boolean(p.voidedAt)
        const dysregulated = p.regulation === 'dysregulated'
        const struck = voided ? STRUCK : ''
        return (
          <tr key={p.id} className={`align-top ${dysregulated && !voided ? 'bg-red-50' : ''}`} data-voided={voided || undefined}>
            <td className={`whitespace-nowrap px-2 py-2 ${struck}`}>{formatDay(p.date)}</td>
            <td className={`whitespace-nowrap px-2 py-2 font-medium ${struck}`}>
              {formatGoalValue(p.value, unit)}
              {p.trials?.length ? (
                <span className="block text-sm font-normal text-slate-600">{t('goals.trials', { count: p.trials.length })}</span>
              ) : null}
            </td>
            <td className={`whitespace-nowrap px-2 py-2 ${struck} ${dysregulated ? 'font-semibold text-red-900' : ''}`}>
              <span className="inline-flex items-center gap-1.5">
                <RegulationMark state={p.regulation} />
                {REGULATION_LABELS[p.regulation]}
              </span>
            </td>
            <td className={`px-2 py-2 ${struck}`}>{PROMPT_LEVEL_LABELS[p.promptLevel]}</td>
            <td className="min-w-48 px-2 py-2">
              {p.note ? <span className={struck}>{p.note}</span> : <span className="sr-only">{t('goals.noNote')}</span>}
              {files ? <PointFilesLink pointId={p.id} date={p.date} count={files.counts[p.id] ?? 0} mayAdd={files.mayAdd && !voided} /> : null}
              {voided ? (
                <span className="mt-1 block font-medium text-slate-800">
                  {p.voidedAt
                    ? t('goals.voidedOn', { date: formatMoment(p.voidedAt, 'date'), reason: p.voidReason ?? '' })
                    : t('goals.voidedNoDate', { reason: p.voidReason ?? '' })}
                </span>
              ) : null}
            </td>
            <td className={`px-2 py-2 ${struck}`}>{p.recordedBy}</td>
            {canVoid ? (
              <td className="px-2 py-2">
                {voided ? null : <VoidControl point={p} failure={failedPoint === p.id ? voidFailure : null} busy={busy} />}
              </td>
            ) : null}
          </tr>
        )
      })}
    </Table>
  )
}

/** Opens one point's files below the table: "Attached files (2)", or "Attach a file" where there are none yet. */
function PointFilesLink({ pointId, date, count, mayAdd }: { pointId: string; date: string; count: number; mayAdd: boolean }) {
  const { t } = useTranslation()
  if (count === 0 && !mayAdd) return null
  return (
    <Link to={`?files=${encodeURIComponent(pointId)}#attachments-${pointId}`} preventScrollReset className="mt-1 flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
      {count ? t('attachments.filesCount', { count }) : t('attachments.attachAFile')}
      <span className="sr-only">{t('attachments.forRecord', { name: t('attachments.pointName', { date: formatDay(date) }) })}</span>
    </Link>
  )
}

function VoidControl({ point, failure, busy }: { point: Point; failure: VoidFailure | null; busy: boolean }) {
  const { t } = useTranslation()
  const date = formatDay(point.date)
  return (
    <details open={failure ? true : undefined} className="min-w-56">
      <summary className={`${buttonClasses('secondary')} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        {t('goals.void')}
        <span className="sr-only">{t('goals.voidWhich', { date })}</span>
      </summary>
      <Form method="post" noValidate className="mt-2 space-y-2">
        <input type="hidden" name="intent" value="void" />
        <input type="hidden" name="pointId" value={point.id} />
        {failure && !failure.fieldErrors.reason ? <p className="text-sm font-medium text-red-800">{failure.message}</p> : null}
        <Field
          label={t('goals.voidReason', { date })}
          name="reason"
          required
          maxLength={500}
          defaultValue={typedValue(failure?.values, 'reason')}
          errors={failure?.fieldErrors.reason}
        />
        <Button type="submit" variant="danger" disabled={busy}>
          {t('goals.voidButton')}
        </Button>
      </Form>
    </details>
  )
}
