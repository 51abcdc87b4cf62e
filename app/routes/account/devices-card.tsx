import { Form } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'

/** One signed-in device as the account page shows it (dates already in words, made on the server). */
export interface DeviceRow {
  handle: string
  current: boolean
  name: string
  detail: string
}

/** The person's signed-in devices, each with a button that signs it out; and one for all but this one. */
export function DevicesCard({ devices, answer, busy }: { devices: DeviceRow[]; answer: React.ReactNode; busy: boolean }) {
  const { t } = useTranslation()
  const others = devices.filter((d) => !d.current).length
  return (
    <section aria-labelledby="devices-heading">
      <Card>
        <h2 id="devices-heading" className="mb-2 text-lg font-semibold">
          {t('session.devices.heading')}
        </h2>
        {answer}
        <p className="mb-3 text-sm text-slate-600">{t('session.devices.intro')}</p>
        <ul className="divide-y divide-slate-200" aria-label={t('session.devices.heading')}>
          {devices.map((d) => (
            <li key={d.handle} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <p className="font-medium">
                  {d.name}
                  {d.current ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-900">{t('session.devices.thisDevice')}</span> : null}
                </p>
                <p className="text-sm text-slate-600">{d.detail}</p>
              </div>
              {d.current ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="signOutDevice" />
                  <input type="hidden" name="device" value={d.handle} />
                  <Button type="submit" variant="secondary" disabled={busy}>
                    {t('session.devices.signOutShort')}
                    <span className="sr-only">{t('session.devices.signOutWhich', { device: d.name })}</span>
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {others > 1 ? (
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="signOutOthers" />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t('session.devices.signOutOthers')}
            </Button>
          </Form>
        ) : null}
      </Card>
    </section>
  )
}
