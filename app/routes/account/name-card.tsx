import { Form } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'

/** The name a person's teams see on every record they make. */
export function NameCard({ name, answer, errors, busy }: { name: string; answer: React.ReactNode; errors: string[] | undefined; busy: boolean }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="name-heading">
      <Card>
        <h2 id="name-heading" className="mb-2 text-lg font-semibold">
          {t('session.name.heading')}
        </h2>
        <Form method="post" className="space-y-4" noValidate>
          {answer}
          <input type="hidden" name="intent" value="name" />
          <Field label={t('session.name.field')} name="name" autoComplete="name" defaultValue={name} errors={errors} maxLength={80} required />
          <Button type="submit" disabled={busy}>
            {t('session.name.save')}
          </Button>
        </Form>
      </Card>
    </section>
  )
}
