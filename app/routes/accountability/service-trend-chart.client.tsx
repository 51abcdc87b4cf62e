import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import { useTranslation } from '#app/utils/use-translation.ts'
import { formatMonthDay } from './accountability-text.ts'
import { accountability } from '#shared/i18n/en/accountability.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ accountability })

export interface TrendWeek {
  weekOf: string
  mandated: number
  delivered: number
}

interface Row extends TrendWeek {
  label: string
}

/** The page's HTML legend draws the same: slate-300 outlined in slate-600 for mandated, brand-700 for delivered. */
const TREND_COLORS = { mandated: '#cbd5e1', mandatedStroke: '#475569', delivered: '#175a54' } as const

/**
 * Browser-only (recharts measures its container): the accountability page mounts it after hydration. Per
 * week, the minutes the plan mandated beside the minutes delivered; the page's table says the same in numbers.
 */
export default function ServiceTrendChart({ weeks }: { weeks: readonly TrendWeek[] }) {
  const data: Row[] = weeks.map((w) => ({ ...w, label: formatMonthDay(w.weekOf) }))
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 4, bottom: 4, left: 0 }} barGap={1} barCategoryGap="18%" accessibilityLayer={false}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} tickMargin={6} minTickGap={10} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#334155' }} width={36} />
        <Tooltip content={(props: TooltipContentProps) => <WeekTooltip {...props} />} cursor={{ fill: '#f1f5f9' }} />
        <Bar dataKey="mandated" fill={TREND_COLORS.mandated} stroke={TREND_COLORS.mandatedStroke} strokeWidth={1} isAnimationActive={false} />
        <Bar dataKey="delivered" fill={TREND_COLORS.delivered} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
}

function WeekTooltip({ active, payload }: TooltipContentProps) {
  const { t } = useTranslation()
  const row = payload?.[0]?.payload as Row | undefined
  if (!active || !row) return null
  return (
    <div className="rounded border border-slate-300 bg-white px-2 py-1 text-sm shadow">
      <p className="font-medium">{t('accountability.chart.weekOf', { date: row.label })}</p>
      <p>{t('accountability.chart.deliveredOf', { minutes: t('common.minutes', { count: row.delivered }), mandated: row.mandated })}</p>
    </div>
  )
}
