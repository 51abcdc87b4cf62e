import { Form, useNavigation } from '@remix-run/react'
import { MISSED_REASONS, REASON_LABELS, REASON_RESPONSIBILITY, type MissReason } from '#shared/services.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { CheckboxField } from '#app/components/form-parts.tsx'
import type { SchoolFormResult } from './school-calendar-card.tsx'

// School-responsible reasons first, then the unrecorded session, then the student's.
const ORDER: MissReason[] = [
  ...MISSED_REASONS.filter((r) => REASON_RESPONSIBILITY[r] === 'school'),
  'unrecorded',
  ...MISSED_REASONS.filter((r) => REASON_RESPONSIBILITY[r] === 'student'),
]

/** Which misses owe a make-up session at this school: the school admin decides; every number follows. */
export function MakeUpPolicyCard({
  reasons,
  isDefault,
  editable,
  result,
}: {
  reasons: MissReason[]
  isDefault: boolean
  editable: boolean
  result: SchoolFormResult | undefined
}) {
  const mine = result && (result.intent === 'setPolicy' || result.intent === 'defaultPolicy') ? result : null
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && String(navigation.formData?.get('intent') ?? '').endsWith('Policy')
  return (
    <Card title="Make-up policy" headingId="policy">
      <p className="mb-4 text-slate-700">
        By default a make-up is owed when the school is responsible for a miss (provider absent or pulled to other duty, a scheduling
        conflict, a staff vacancy, or a session nobody recorded), and not when the student was absent, unavailable or declined.
      </p>
      <p className="mb-4 text-slate-700">This school {isDefault ? 'uses the default.' : 'has changed the default.'}</p>
      {mine ? (
        <div className="mb-4">
          <Alert tone={mine.ok ? 'success' : 'error'}>{mine.message}</Alert>
        </div>
      ) : null}
      <Form method="post" preventScrollReset className="space-y-4" key={reasons.join(',')}>
        <fieldset className="min-w-0 space-y-1" disabled={!editable}>
          <legend className="font-medium text-slate-800">A make-up is owed when a session is…</legend>
          {ORDER.map((r) => (
            <CheckboxField
              key={r}
              id={`policy-${r}`}
              name="reasons"
              value={r}
              label={r === 'unrecorded' ? 'Not recorded within 5 school days' : `Missed: ${REASON_LABELS[r]}`}
              hint={REASON_RESPONSIBILITY[r] === 'school' ? 'The school is responsible.' : 'The student’s side.'}
              defaultChecked={reasons.includes(r)}
            />
          ))}
        </fieldset>
        {editable ? (
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button type="submit" name="intent" value="setPolicy" disabled={busy}>
              Save policy
            </Button>
            <Button type="submit" name="intent" value="defaultPolicy" variant="secondary" disabled={busy || isDefault}>
              Use the default
            </Button>
          </div>
        ) : null}
      </Form>
    </Card>
  )
}
