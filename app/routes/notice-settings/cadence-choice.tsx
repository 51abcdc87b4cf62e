import { useTranslation } from '#app/utils/use-translation.ts'
import { NOTICE_CADENCES, type NoticeCadence } from '#shared/notice-cadence.ts'
import { digests } from '#shared/i18n/en/digests.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ digests })

/** The four ways to hear about one student, as radio buttons named `cadence` (the settings page and the emailed link). */
export function CadenceChoice({ studentName, cadence }: { studentName: string; cadence: NoticeCadence }) {
  const { t } = useTranslation()
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">{t('digests.settings.legend', { student: studentName })}</legend>
      {NOTICE_CADENCES.map((option) => (
        <label key={option} className="flex min-h-11 items-center gap-2">
          <input type="radio" name="cadence" value={option} defaultChecked={cadence === option} className="h-5 w-5" />
          {t(`digests.cadences.${option}`)}
        </label>
      ))}
    </fieldset>
  )
}
