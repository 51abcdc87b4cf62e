import { useTranslation } from '#app/utils/use-translation.ts'
import type { CheckChoice } from '#shared/accommodation-fidelity.ts'
import { today } from '#shared/i18n/en/today.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ today })

/**
 * Each choice's own look: only "Used" is the success green; "Not provided" is amber and "Declined" red, each
 * with its own symbol, and the word is always there so colour is never the only sign. Text colours are the
 * 900 shades on their 50 backgrounds (contrast well above AA).
 */
const LOOK: Record<CheckChoice, { classes: string; icon: string }> = {
  used: { classes: 'bg-emerald-50 text-emerald-900 ring-emerald-400', icon: '✓' },
  not_needed: { classes: 'bg-slate-100 text-slate-800 ring-slate-300', icon: '–' },
  not_provided: { classes: 'bg-amber-50 text-amber-900 ring-amber-500', icon: '!' },
  declined: { classes: 'bg-red-50 text-red-900 ring-red-400', icon: '✕' },
}

/** `label` replaces the choice's word when the reason goes with it ("Not provided: no copy today"). */
// A symbol, not a word: the button's name ("Change … (Used)") says what it does.
const CHANGE_MARK = '✎'

export function CheckChip({ status, label, changeable = false }: { status: CheckChoice; label?: string; changeable?: boolean }) {
  const { t } = useTranslation()
  const look = LOOK[status]
  return (
    <span data-status={status} className={`inline-flex items-center gap-1 rounded-md px-2 text-sm font-semibold ring-1 ring-inset ${changeable ? 'min-h-11 py-2' : 'py-0.5'} ${look.classes}`}>
      <span aria-hidden="true" data-icon={status}>
        {look.icon}
      </span>
      <span>{label ?? t(`today.check.${status}`)}</span>
      {changeable ? (
        <span aria-hidden="true" className="ml-1">
          {CHANGE_MARK}
        </span>
      ) : null}
    </span>
  )
}
