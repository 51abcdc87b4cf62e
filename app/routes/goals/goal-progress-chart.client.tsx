import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { useTranslation } from '#app/utils/use-translation.ts'
import { formatDay } from '#shared/i18n/format.ts'
import type { RegulationState } from '#shared/schemas/plan.ts'
import { formatGoalValue, REGULATION_LABELS } from '#shared/plan-labels.ts'
import { REGULATION_STYLE, regulationPath } from '#app/components/regulation-mark.tsx'
import { effects } from '#shared/i18n/en/effects.ts'
import { goals } from '#shared/i18n/en/goals.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ effects, goals })

export interface ChartPoint {
  id: string
  date: string
  value: number
  regulation: RegulationState
  /** What happened next at home beside this point (docs/effects.md), in words; drawn as an amber mark above it. */
  effects?: string | undefined
}

interface Row extends ChartPoint {
  label: string
}

// Half-sizes that give the three shapes about the same visual weight; the triangle a little more.
const DOT_SIZE: Record<RegulationState, number> = { calm: 5.5, uneasy: 7, dysregulated: 7.5 }

/** The amber of the effect mark (Tailwind amber-600), the same as the legend's. */
const EFFECT_COLOR = '#d97706'

const GOAL_LINE_LABEL = { position: 'insideTopLeft', fill: '#1e293b', fontSize: 12 } as const

/** A round top and 4–6 evenly spaced ticks (0, 5, 10… or 0, 20, 40…), so values read at a glance. */
function yScale(max: number): { top: number; ticks: number[] } {
  const raw = Math.max(max, 1) / 5
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude
  const top = Math.ceil(max / step) * step
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step * 100) / 100) }
}

/**
 * Browser-only (recharts measures its container): the goal page mounts it after hydration. Each point is
 * drawn in its regulation state's shape and colour; the page's HTML legend and table say the same in words.
 */
export default function GoalProgressChart({ points, threshold, unit }: { points: ChartPoint[]; threshold: number; unit: string }) {
  const { t } = useTranslation()
  const data: Row[] = points.map((p) => ({ ...p, label: formatDay(p.date) }))
  const { top, ticks } = yScale(unit === 'percent' ? 100 : Math.max(threshold * 1.15, ...points.map((p) => p.value)))
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={data} margin={{ top: 12, right: 8, bottom: 4, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} tickMargin={6} minTickGap={8} padding={{ left: 14, right: 14 }} />
        <YAxis domain={[0, top]} ticks={ticks} tick={{ fontSize: 12, fill: '#334155' }} width={36} />
        <ReferenceLine
          y={threshold}
          stroke="#1e293b"
          strokeDasharray="6 4"
          label={{ ...GOAL_LINE_LABEL, value: t('goals.chartGoal', { value: formatGoalValue(threshold, unit) }) }}
        />
        <Tooltip content={(props: TooltipContentProps) => <PointTooltip {...props} unit={unit} />} />
        <Line
          dataKey="value"
          type="linear"
          stroke="#64748b"
          strokeWidth={2}
          isAnimationActive={false}
          dot={({ cx, cy, payload, index }) =>
            typeof cx === 'number' && typeof cy === 'number' ? (
              <g key={`dot-${index}`}>
                <path
                  d={regulationPath((payload as Row).regulation, cx, cy, DOT_SIZE[(payload as Row).regulation])}
                  fill={REGULATION_STYLE[(payload as Row).regulation].color}
                  stroke="white"
                  strokeWidth={1.5}
                />
                {(payload as Row).effects ? (
                  <path d={`M ${cx} ${cy - 22} l 6 6 l -6 6 l -6 -6 Z`} fill={EFFECT_COLOR} stroke="white" strokeWidth={1} data-effect-mark="" />
                ) : null}
              </g>
            ) : null
          }
          activeDot={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  )
}

function PointTooltip({ active, payload, unit }: TooltipContentProps & { unit: string }) {
  const { t } = useTranslation()
  const row = payload?.[0]?.payload as Row | undefined
  if (!active || !row) return null
  return (
    <div className="rounded border border-slate-300 bg-white px-2 py-1 text-sm shadow">
      <p className="font-medium">{row.label}</p>
      <p>
        {formatGoalValue(row.value, unit)} · {REGULATION_LABELS[row.regulation]}
      </p>
      {row.effects ? <p className="text-amber-900">{t('effects.chartMark', { kinds: row.effects })}</p> : null}
    </div>
  )
}
