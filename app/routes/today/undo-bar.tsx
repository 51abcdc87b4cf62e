import { useTranslation } from '#app/utils/use-translation.ts'
import { buttonClasses } from '#app/components/button.tsx'
import { today } from '#shared/i18n/en/today.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ today })

/**
 * Shown for a minute after a tap: what was just recorded, and "Undo". Fixed to the bottom of the screen so it
 * is under the thumb wherever the row was, and takes no room on the page.
 */
export function UndoBar({ what, onUndo }: { what: string; onUndo: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-300 bg-white p-3 shadow-lg">
      <div className="mx-auto flex max-w-3xl items-center justify-between gap-3">
        <p role="status" className="min-w-0 text-slate-900">
          {what}
        </p>
        <button type="button" className={`shrink-0 ${buttonClasses('primary')}`} aria-label={t('today.quick.undoLabel', { what })} onClick={onUndo}>
          {t('today.quick.undo')}
        </button>
      </div>
    </div>
  )
}
