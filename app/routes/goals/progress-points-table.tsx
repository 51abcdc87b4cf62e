import { Form } from '@remix-run/react'
import type { GoalPoint } from '#app/utils/api-types.ts'
import { formatSchoolDate } from '#shared/school-date.ts'
import type { GoalUnit } from '#shared/schemas/plan.ts'
import { formatGoalValue, PROMPT_LEVEL_LABELS, REGULATION_LABELS } from '#app/utils/plan-labels.ts'
import { Button, buttonClasses } from '#app/components/button.tsx'
import { Field } from '#app/components/field.tsx'
import { RegulationMark } from '#app/components/regulation-mark.tsx'
import { Table } from '#app/components/table.tsx'

type Point = Pick<
  GoalPoint,
  'id' | 'date' | 'value' | 'trials' | 'promptLevel' | 'regulation' | 'note' | 'recordedBy' | 'voidedAt' | 'voidReason'
>

export interface VoidFailure {
  pointId: string
  message: string
  fieldErrors: Record<string, string[]>
  reason: string
}

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
}: {
  points: Point[]
  unit: GoalUnit
  canVoid: boolean
  voidFailure: VoidFailure | null
  busy: boolean
}) {
  const newestFirst = [...points].reverse()
  return (
    <Table
      caption="Data points, newest first"
      head={
        <tr>
          <th scope="col" className="px-2 py-2 font-semibold">Date</th>
          <th scope="col" className="px-2 py-2 font-semibold">Result</th>
          <th scope="col" className="px-2 py-2 font-semibold">Regulation</th>
          <th scope="col" className="px-2 py-2 font-semibold">Prompt level</th>
          <th scope="col" className="px-2 py-2 font-semibold">Note</th>
          <th scope="col" className="px-2 py-2 font-semibold">Recorded by</th>
          {canVoid ? (
            <th scope="col" className="px-2 py-2 font-semibold">
              <span className="sr-only">Corrections</span>
            </th>
          ) : null}
        </tr>
      }
    >
      {newestFirst.map((p) => {
        const voided = Boolean(p.voidedAt)
        const dysregulated = p.regulation === 'dysregulated'
        const struck = voided ? 'line-through decoration-2 text-slate-500' : ''
        return (
          <tr key={p.id} className={`align-top ${dysregulated && !voided ? 'bg-red-50' : ''}`} data-voided={voided || undefined}>
            <td className={`whitespace-nowrap px-2 py-2 ${struck}`}>{formatSchoolDate(p.date)}</td>
            <td className={`whitespace-nowrap px-2 py-2 font-medium ${struck}`}>
              {formatGoalValue(p.value, unit)}
              {p.trials?.length ? <span className="block text-sm font-normal text-slate-600">{p.trials.length} trials</span> : null}
            </td>
            <td className={`whitespace-nowrap px-2 py-2 ${struck} ${dysregulated ? 'font-semibold text-red-900' : ''}`}>
              <span className="inline-flex items-center gap-1.5">
                <RegulationMark state={p.regulation} />
                {REGULATION_LABELS[p.regulation]}
              </span>
            </td>
            <td className={`px-2 py-2 ${struck}`}>{PROMPT_LEVEL_LABELS[p.promptLevel]}</td>
            <td className="min-w-48 px-2 py-2">
              {p.note ? <span className={struck}>{p.note}</span> : <span className="sr-only">No note</span>}
              {voided ? (
                <span className="mt-1 block font-medium text-slate-800">
                  Voided{p.voidedAt ? ` ${new Date(p.voidedAt).toLocaleDateString('en-US', { dateStyle: 'medium' })}` : ''}: {p.voidReason}
                </span>
              ) : null}
            </td>
            <td className={`px-2 py-2 ${struck}`}>{p.recordedBy}</td>
            {canVoid ? (
              <td className="px-2 py-2">
                {voided ? null : <VoidControl point={p} failure={voidFailure?.pointId === p.id ? voidFailure : null} busy={busy} />}
              </td>
            ) : null}
          </tr>
        )
      })}
    </Table>
  )
}

function VoidControl({ point, failure, busy }: { point: Point; failure: VoidFailure | null; busy: boolean }) {
  const date = formatSchoolDate(point.date)
  return (
    <details open={failure ? true : undefined} className="min-w-56">
      <summary className={`${buttonClasses('secondary')} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        Void<span className="sr-only"> the {date} data point</span>
      </summary>
      <Form method="post" noValidate className="mt-2 space-y-2">
        <input type="hidden" name="intent" value="void" />
        <input type="hidden" name="pointId" value={point.id} />
        {failure && !failure.fieldErrors.reason ? <p className="text-sm font-medium text-red-800">{failure.message}</p> : null}
        <Field
          label={`Why is the ${date} point wrong?`}
          name="reason"
          required
          maxLength={500}
          defaultValue={failure?.reason ?? ''}
          errors={failure?.fieldErrors.reason}
        />
        <Button type="submit" variant="danger" disabled={busy}>
          Void this point
        </Button>
      </Form>
    </details>
  )
}
