import type { Fidelity } from './accommodation-fidelity.ts'
import { formatNumber } from './i18n/format.ts'
import { addSections, t } from './i18n/i18n.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

export type FidelityCounts = Pick<Fidelity, 'applicableDays' | 'usedDays' | 'notNeededDays'>

/**
 * What a fidelity figure can honestly show. With no applicable day there is nothing yet; when every applicable day
 * was recorded "Not needed" the share is 0 ÷ 0 — docs/formats.md keeps it 1 for the JSON, but on screen a
 * "100 % fidelity, used on 0 of 1 day" reads as a support given that never was, so it is "not needed" instead.
 */
export type FidelityReading = 'no_days' | 'not_needed' | 'share'

export function fidelityReading(f: FidelityCounts): FidelityReading {
  if (f.applicableDays === 0) return 'no_days'
  return f.notNeededDays >= f.applicableDays ? 'not_needed' : 'share'
}

/**
 * The days behind the share, in a sentence: used out of the days it was needed (applicable minus "Not needed",
 * the same divisor as the share), then the days it was not needed. Undefined when there were no applicable days.
 */
export function fidelityDaysSentence(f: FidelityCounts): string | undefined {
  const reading = fidelityReading(f)
  if (reading === 'no_days') return undefined
  if (reading === 'not_needed') return t('domain.numbers.notNeededOnAll', { count: f.applicableDays, days: formatNumber(f.applicableDays) })
  const needed = f.applicableDays - f.notNeededDays
  const used = t('domain.numbers.usedOnNeeded', { count: needed, used: formatNumber(f.usedDays), days: formatNumber(needed) })
  return f.notNeededDays > 0 ? `${used} ${t('domain.numbers.notNeededOnMore', { count: f.notNeededDays, days: formatNumber(f.notNeededDays) })}` : used
}
