import type { RegulationState } from '#shared/plan-terms.ts'

/**
 * One shape and one colour per regulation state, the same in the chart, its legend and the points table,
 * so "dysregulated" never depends on colour alone (WCAG 1.4.1). Colours keep 3:1 against white (1.4.11).
 */
export const REGULATION_STYLE: Record<RegulationState, { color: string; shape: 'circle' | 'diamond' | 'triangle' }> = {
  calm: { color: '#175a54', shape: 'circle' },
  uneasy: { color: '#a16207', shape: 'diamond' },
  dysregulated: { color: '#b91c1c', shape: 'triangle' },
}

/** The shape as SVG path data centred on (cx, cy); `r` is the half-size. */
export function regulationPath(state: RegulationState, cx: number, cy: number, r: number): string {
  switch (REGULATION_STYLE[state].shape) {
    case 'circle':
      return `M ${cx - r} ${cy} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`
    case 'diamond':
      return `M ${cx} ${cy - r} L ${cx + r} ${cy} L ${cx} ${cy + r} L ${cx - r} ${cy} Z`
    case 'triangle': {
      const t = r * 1.25
      return `M ${cx} ${cy - t} L ${cx + t} ${cy + t * 0.8} L ${cx - t} ${cy + t * 0.8} Z`
    }
  }
}

/** A small inline mark beside text; decorative, since the text beside it names the state. */
export function RegulationMark({ state, size = 14 }: { state: RegulationState; size?: number }) {
  const half = size / 2
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false" className="inline-block shrink-0">
      <path d={regulationPath(state, half, half, half - 1.5)} fill={REGULATION_STYLE[state].color} stroke="white" strokeWidth={1} />
    </svg>
  )
}
