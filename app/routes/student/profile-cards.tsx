import { Link } from '@remix-run/react'
import type { CommunicationProfile, RegulationProfile } from '#shared/schemas/plan.ts'
import { Card } from '#app/components/card.tsx'

const COMMUNICATION_ROWS = [
  ['howTheyCommunicate', 'How they communicate'],
  ['givingInstructions', 'How to give an instruction'],
  ['wordsThatMatter', 'Words or symbols that matter'],
] as const satisfies readonly (readonly [keyof CommunicationProfile, string])[]

const REGULATION_ROWS = [
  ['earlySigns', 'Early signs of stress'],
  ['whatHelps', 'What helps'],
  ['whatToAvoid', 'What to avoid'],
  ['calmPlace', 'Where to calm down'],
] as const satisfies readonly (readonly [keyof RegulationProfile, string])[]

function Rows<T extends Record<string, string>>({ rows, profile }: { rows: readonly (readonly [keyof T & string, string])[]; profile: T }) {
  const filled = rows.filter(([key]) => profile[key]?.trim())
  if (filled.length === 0) return <p className="text-slate-700">Not written yet.</p>
  return (
    <dl className="space-y-3">
      {filled.map(([key, label]) => (
        <div key={key}>
          <dt className="text-sm font-semibold uppercase tracking-wide text-slate-600">{label}</dt>
          <dd className="text-slate-900">{profile[key]}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * The two profiles every adult sees first (docs/domain.md#profiles): "before we push for performance, we create safety".
 */
export function ProfileCards({
  firstName,
  communication,
  regulation,
  editHref,
}: {
  firstName: string
  communication: CommunicationProfile
  regulation: RegulationProfile
  editHref: string | null
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title={`How ${firstName} communicates`}>
        <Rows rows={COMMUNICATION_ROWS} profile={communication} />
      </Card>
      <Card title={`When ${firstName} is stressed`}>
        <Rows rows={REGULATION_ROWS} profile={regulation} />
      </Card>
      {editHref ? (
        <p className="md:col-span-2">
          <Link to={editHref} className="font-medium text-brand-700 underline">
            Edit profiles
          </Link>
        </p>
      ) : null}
    </div>
  )
}
