import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { DateUpToTodayField, Field, SelectField, TextareaField } from '#app/components/field.tsx'
import { StatusBadge, type Tone } from '#app/components/status-badge.tsx'
import { AGREEMENT_KIND_LABELS, AGREEMENT_KINDS, type ConcernAgreement, ITEM_STATE_LABELS, type ItemState } from '#shared/agreements.ts'
import { formatDay } from '#shared/i18n/format.ts'
import { addDays } from '#shared/school-date.ts'
import { ITEM_DUE_MAX_DAYS, ITEM_WHAT_MAX } from '#shared/schemas/concerns.ts'
import { concerns } from '#shared/i18n/en/concerns.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ concerns })

const STATE_TONE: Record<ItemState, Tone> = { due: 'info', done: 'good', late: 'bad' }

type Errors = Record<string, string[] | undefined>

/**
 * The agreement a concern ended with (docs/domain.md#agreements): its day, the watch's last day, each promised item as
 * due, done or late, and (for the parent and the case manager) the forms that record them.
 */
export function AgreementCard({
  agreement,
  canAgree,
  people,
  today,
  busy,
  message,
  errors,
}: {
  agreement: ConcernAgreement | null
  canAgree: boolean
  people: { userId: string; name: string }[]
  today: string
  busy: boolean
  /** The answer to the last agreement form sent, shown beside the form it belongs to. */
  message: (intent: 'agree' | 'addItem' | 'itemDone') => ReactNode
  errors: (intent: 'agree' | 'addItem') => Errors
}) {
  const { t } = useTranslation()
  if (!agreement && !canAgree) return null
  const said = { agree: message('agree'), addItem: message('addItem'), itemDone: message('itemDone') }
  return (
    <Card title={t('concerns.agreement.title')} headingId="agreement-heading">
      {!agreement ? (
        <>
          <p className="text-slate-700">{t('concerns.agreement.none')}</p>
          <Form method="post" className="mt-3 space-y-3">
            <input type="hidden" name="intent" value="agree" />
            {said.agree}
            <DateUpToTodayField label={t('concerns.agreement.agreedOnLabel')} name="agreedOn" today={today} defaultValue={today} errors={errors('agree').agreedOn} />
            <Button type="submit" disabled={busy}>
              {t('concerns.agreement.record')}
            </Button>
          </Form>
        </>
      ) : (
        <>
          {/* The form that recorded it is gone once the agreement exists, so its answer is said here. */}
          {said.agree}
          <p className="text-slate-800">{t('concerns.agreement.agreedOn', { date: formatDay(agreement.agreedOn) })}</p>
          <p className="mt-1 font-medium text-slate-900">
            {agreement.watched || today <= agreement.watchEnds
              ? t('concerns.agreement.watched', { date: formatDay(agreement.watchEnds) })
              : t('concerns.agreement.watchOver', { date: formatDay(agreement.watchEnds) })}
          </p>
          {agreement.reopens.length > 0 ? (
            <ul className="mt-2 list-disc pl-5 text-amber-900">
              {agreement.reopens.map((r, i) => (
                <li key={i}>{t('concerns.agreement.reopened', { date: formatDay(r.date), service: r.serviceName })}</li>
              ))}
            </ul>
          ) : null}
          <h3 className="mt-4 font-semibold text-slate-900">{t('concerns.agreement.itemsLabel')}</h3>
          {said.itemDone}
          {agreement.items.length === 0 ? (
            <p className="text-slate-700">{t('concerns.agreement.noItems')}</p>
          ) : (
            <ul className="mt-2 space-y-3" aria-label={t('concerns.agreement.itemsLabel')}>
              {agreement.items.map((item) => (
                <li key={item.id} className="border-l-4 border-slate-300 pl-3">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    <span>{t('concerns.agreement.item', { kind: AGREEMENT_KIND_LABELS[item.kind], what: item.what })}</span>
                    <StatusBadge tone={STATE_TONE[item.state]}>{ITEM_STATE_LABELS[item.state]}</StatusBadge>
                  </p>
                  <p className="text-slate-800">
                    {t('concerns.agreement.itemWho', { who: item.who })} ·{' '}
                    <time dateTime={item.dueOn}>{t('concerns.agreement.itemDue', { date: formatDay(item.dueOn) })}</time>
                  </p>
                  {item.done ? (
                    <p className="text-sm text-slate-600">{t('concerns.agreement.itemDone', { date: formatDay(item.done.on), name: item.done.byName })}</p>
                  ) : canAgree ? (
                    <Form method="post" className="mt-1">
                      <input type="hidden" name="intent" value="itemDone" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <Button type="submit" variant="secondary" disabled={busy} aria-label={`${t('concerns.agreement.markDone')}: ${item.what}`}>
                        {t('concerns.agreement.markDone')}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {canAgree ? (
            // Keyed by the items: once one is saved the form mounts afresh, empty.
            <Form key={agreement.items.length} method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
              <h3 className="text-lg font-semibold text-slate-900">{t('concerns.agreement.addItem')}</h3>
              <input type="hidden" name="intent" value="addItem" />
              {said.addItem}
              <SelectField label={t('concerns.agreement.kindLabel')} name="kind" defaultValue="compensatory" errors={errors('addItem').kind}>
                {AGREEMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {AGREEMENT_KIND_LABELS[k]}
                  </option>
                ))}
              </SelectField>
              <TextareaField label={t('concerns.agreement.whatLabel')} name="what" rows={2} maxLength={ITEM_WHAT_MAX} errors={errors('addItem').what} />
              <SelectField label={t('concerns.agreement.whoMemberLabel')} name="whoUserId" defaultValue="" errors={errors('addItem').whoUserId}>
                <option value="">{t('concerns.agreement.whoNobody')}</option>
                {people.map((p) => (
                  <option key={p.userId} value={p.userId}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
              <Field label={t('concerns.agreement.whoTextLabel')} name="whoText" autoComplete="off" errors={errors('addItem').whoText} />
              <Field
                label={t('concerns.agreement.dueLabel')}
                name="dueOn"
                type="date"
                min={agreement.agreedOn}
                max={addDays(agreement.agreedOn, ITEM_DUE_MAX_DAYS)}
                errors={errors('addItem').dueOn}
              />
              <Button type="submit" disabled={busy}>
                {t('concerns.agreement.addItem')}
              </Button>
            </Form>
          ) : null}
        </>
      )}
    </Card>
  )
}

/**
 * Sharing a family-only concern with the team, one way: the button opens the question (a disclosure, so it works from
 * the keyboard and without scripts), and only "Yes" shares it.
 */
export function ShareCard({ busy, message }: { busy: boolean; message: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Card title={t('concerns.share.title')} headingId="share-heading">
      <p className="text-slate-700">{t('concerns.share.intro')}</p>
      {message}
      <details className="mt-3">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t('concerns.share.button')}</summary>
        <Form method="post" className="mt-2 space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4">
          <input type="hidden" name="intent" value="share" />
          <p className="font-semibold text-amber-950">{t('concerns.share.confirm')}</p>
          <Button type="submit" disabled={busy}>
            {t('concerns.share.yes')}
          </Button>
        </Form>
      </details>
    </Card>
  )
}
