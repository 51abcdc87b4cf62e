import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '#db/schema.ts'
import { schoolDaysBefore } from './seed-plan.ts'

type Trx = Transaction<Database>

interface Args {
  schoolId: string
  caseManagerId: string
  paraId: string
  johnnyId: string
  johnnyAccommodationIds: string[]
  today: string
  at: string
  closures: ReadonlySet<string>
}

/**
 * The para's other two students (not the parent's children, and Maya stays off the para's list), and a few
 * weeks of accommodation records: mostly used, a run of "not provided" while a sub covered, and gaps.
 */
export async function seedToday(trx: Trx, a: Args): Promise<{ leoId: string; avaId: string }> {
  const leoId = randomUUID()
  const avaId = randomUUID()
  await trx
    .insertInto('students')
    .values([
      { id: leoId, school_id: a.schoolId, name: 'Leo Garcia', preferred_name: 'Leo', grade: 3, external_id: 'MAPLE-0312', created_at: a.at },
      { id: avaId, school_id: a.schoolId, name: 'Ava Brooks', preferred_name: 'Ava', grade: 4, external_id: 'MAPLE-0405', created_at: a.at },
    ])
    .execute()
  for (const studentId of [leoId, avaId]) {
    for (const [userId, role] of [
      [a.caseManagerId, 'case_manager'],
      [a.paraId, 'para'],
    ] as const) {
      await trx
        .insertInto('team_members')
        .values({ id: randomUUID(), student_id: studentId, user_id: userId, role, added_at: a.at, added_by: a.caseManagerId, removed_at: null, removed_by: null })
        .execute()
    }
  }
  const profiles = [
    [leoId, 'communication', { howTheyCommunicate: 'Leo uses an AAC tablet with core words and nods yes/no.', givingInstructions: 'Model on his tablet as you speak. Give him time to answer.', wordsThatMatter: 'HELP and ALL DONE on his tablet.' }],
    [leoId, 'regulation', { earlySigns: 'Covers his ears, rocks.', whatHelps: 'Headphones and a squeeze ball. A walk to the water fountain.', whatToAvoid: 'Touching him without warning.', calmPlace: 'The sensory room.' }],
    [avaId, 'communication', { howTheyCommunicate: 'Ava talks easily but may not ask for help.', givingInstructions: 'Check she understood by asking her to say the first step.', wordsThatMatter: '' }],
    [avaId, 'regulation', { earlySigns: 'Erases her work again and again.', whatHelps: 'A reminder that mistakes are fine; a timer for short work bursts.', whatToAvoid: 'Red pen corrections in front of others.', calmPlace: 'Her seat by the window with a drawing break.' }],
  ] as const
  for (const [studentId, kind, content] of profiles) {
    await trx
      .insertInto('profile_versions')
      .values({ id: randomUUID(), student_id: studentId, kind, version: 1, content: JSON.stringify(content), created_at: a.at, created_by: a.caseManagerId })
      .execute()
  }
  const start = schoolDaysBefore(a.today, 60, a.closures)
  const otherAccommodations = [
    [leoId, 'AAC tablet within reach', 'His tablet stays on his desk, charged, in every class.', 'communication', { kind: 'daily' }],
    [leoId, 'Headphones for loud activities', 'Offer headphones before assemblies, music and gym.', 'regulation', { kind: 'daily' }],
    [avaId, 'Chunked assignments', 'Give one section of the worksheet at a time.', 'presentation', { kind: 'daily' }],
    [avaId, 'Check for understanding', 'Ask her to tell you the first step before she starts.', 'response', { kind: 'weekdays', days: ['tue', 'thu'] }],
  ] as const
  for (const [studentId, title, description, category, applies] of otherAccommodations) {
    const id = randomUUID()
    await trx.insertInto('accommodations').values({ id, student_id: studentId, created_at: a.at, created_by: a.caseManagerId }).execute()
    await trx
      .insertInto('accommodation_versions')
      .values({ id: randomUUID(), accommodation_id: id, version: 1, title, description, category, applies: JSON.stringify(applies), start_date: start, created_at: a.at, created_by: a.caseManagerId })
      .execute()
  }

  // Johnny's daily supports (the first four seeded accommodations), over the 15 school days before today.
  const daily = a.johnnyAccommodationIds.slice(0, 4)
  for (let n = 15; n >= 1; n--) {
    const date = schoolDaysBefore(a.today, n, a.closures)
    if (n === 6 || n === 11) continue // nobody recorded these days: they show as gaps
    for (const [i, accommodationId] of daily.entries()) {
      const subCovered = n >= 8 && n <= 9
      const status = subCovered && i < 2 ? 'not_provided' : i === 3 && n % 4 === 0 ? 'not_needed' : 'used'
      await trx
        .insertInto('accommodation_checks')
        .values({
          id: randomUUID(),
          client_id: `seed-${randomUUID()}`,
          accommodation_id: accommodationId,
          student_id: a.johnnyId,
          date,
          status,
          reason: status === 'not_provided' ? 'Substitute para had no copy of the plan.' : null,
          recorded_by: a.paraId,
          recorded_at: `${date}T20:00:00.000Z`,
          late: 0,
        })
        .execute()
    }
  }
  return { leoId, avaId }
}
