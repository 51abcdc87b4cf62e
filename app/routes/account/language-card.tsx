import { Form } from '@remix-run/react'
import { LanguageOptions } from '#app/components/language-options.tsx'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { SelectField } from '#app/components/field.tsx'
import { type Language } from '#shared/i18n/i18n.ts'

/** Where the saved language comes back to: the account page, saying it is saved (in the new language). */
export const LANGUAGE_SAVED_PATH = '/account?saved=language'

/**
 * The language of a person's pages and mail. Posts to the same place as the switch at the foot of every page
 * (app/routes/account/language.ts), which sends the page back whole in the new language.
 */
export function LanguageCard({ language, saved }: { language: Language; saved: boolean }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="language-heading">
      <Card>
        <h2 id="language-heading" className="mb-2 text-lg font-semibold">
          {t('languages.card.heading')}
        </h2>
        <Form method="post" action="/language" className="space-y-4">
          {saved ? (
            <p role="status" className="rounded bg-green-50 p-3 text-green-900">
              {t('languages.card.saved')}
            </p>
          ) : null}
          <p className="text-sm text-slate-600">{t('languages.card.intro')}</p>
          <input type="hidden" name="back" value={LANGUAGE_SAVED_PATH} />
          <SelectField label={t('languages.card.field')} name="language" defaultValue={language}>
            <LanguageOptions />
          </SelectField>
          <Button type="submit">{t('languages.card.save')}</Button>
        </Form>
      </Card>
    </section>
  )
}
