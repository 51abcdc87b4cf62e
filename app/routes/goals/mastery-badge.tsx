import { StatusBadge } from '#app/components/status-badge.tsx'
import { MASTERY_LABELS, type MasteryStatus } from '#shared/mastery.ts'

const TONES: Record<MasteryStatus, 'good' | 'info' | 'warn' | 'neutral'> = {
  met: 'good',
  on_track: 'info',
  needs_attention: 'warn',
  no_data: 'neutral',
}

/** A goal's mastery status as a badge, the same on the student's page and the goal's own page. */
export function MasteryBadge({ status }: { status: MasteryStatus }) {
  return <StatusBadge tone={TONES[status]}>{MASTERY_LABELS[status]}</StatusBadge>
}
