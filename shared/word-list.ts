import { addSections, t } from './i18n/i18n.ts'
import { domain } from './i18n/en/domain.ts'

addSections({ domain })

/** "A", "A and B", "A, B and C": items joined the way the reader's language lists them. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return t('domain.listLast', { items: items.slice(0, -1).join(t('domain.listSeparator')), last: items.at(-1)! })
}
