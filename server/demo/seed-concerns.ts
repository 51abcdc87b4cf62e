import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '#db/schema.ts'

type Trx = Transaction<Database>

interface Args {
  johnnyId: string
  parentId: string
  caseManagerId: string
  speechServiceId: string
  at: string
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export const DEMO_CONCERN_ISSUES = {
  shared: 'Speech sessions missed with no substitute',
  familyOnly: 'Two more speech sessions missed in a row',
} as const

/**
 * Laura's concern log (docs/domain.md#demo): two concerns about Johnny's missed speech sessions, linked to the seeded
 * provider-absent misses. The first is shared with the team, has two documented contacts and a response, and was
 * moved up to step 2 (IEP meeting requested); the second is family-only, still at step 1.
 */
export async function seedConcerns(trx: Trx, a: Args): Promise<{ sharedConcernId: string | null; familyConcernId: string | null }> {
  const misses = await trx
    .selectFrom('session_records')
    .select(['record_id', 'date'])
    .where('service_id', '=', a.speechServiceId)
    .where('kind', '=', 'missed')
    .orderBy('date')
    .execute()
  if (misses.length < 4) return { sharedConcernId: null, familyConcernId: null }
  const [m1, m2, m3, m4] = misses as [(typeof misses)[number], (typeof misses)[number], (typeof misses)[number], (typeof misses)[number]]

  const concern = async (c: {
    visibility: 'team' | 'family'
    date: string
    issue: string
    person: string
    response: string
    followUp: string
    status: 'open' | 'waiting'
    links: string[]
  }) => {
    const id = randomUUID()
    await trx.insertInto('concerns').values({ id, student_id: a.johnnyId, visibility: c.visibility, created_by: a.parentId, created_by_role: 'parent', created_at: a.at }).execute()
    await trx
      .insertInto('concern_versions')
      .values({
        id: randomUUID(),
        concern_id: id,
        version: 1,
        date: c.date,
        issue: c.issue,
        person_contacted: c.person,
        response: c.response,
        follow_up: c.followUp,
        status: c.status,
        created_by: a.parentId,
        created_at: a.at,
      })
      .execute()
    await trx.insertInto('concern_steps').values({ id: randomUUID(), concern_id: id, step: 1, date: c.date, filed_on: null, note: '', created_by: a.parentId, created_at: a.at }).execute()
    for (const recordId of c.links) {
      await trx.insertInto('concern_links').values({ id: randomUUID(), concern_id: id, kind: 'session', record_id: recordId, added_by: a.parentId, added_at: a.at }).execute()
    }
    return id
  }

  const sharedConcernId = await concern({
    visibility: 'team',
    date: addDays(m2.date, 1),
    issue: DEMO_CONCERN_ISSUES.shared,
    person: 'Dana Rivera (case manager)',
    response: 'The speech provider is out; a substitute is being looked for.',
    followUp: 'Ask for a make-up schedule.',
    status: 'waiting',
    links: [m1.record_id, m2.record_id],
  })
  const update = async (kind: 'contact' | 'response', date: string, person: string, text: string, author: string) => {
    await trx
      .insertInto('concern_updates')
      .values({ id: randomUUID(), concern_id: sharedConcernId, kind, date, person, text, author_id: author, created_at: a.at })
      .execute()
  }
  await update('contact', addDays(m3.date, 0), 'Dana Rivera (case manager)', 'Emailed again: a third session was missed.', a.parentId)
  await update('response', addDays(m3.date, 1), 'Dana Rivera', 'No substitute yet; make-ups will be scheduled when the provider is back.', a.caseManagerId)
  await trx
    .insertInto('concern_steps')
    .values({ id: randomUUID(), concern_id: sharedConcernId, step: 2, date: addDays(m3.date, 1), filed_on: null, note: 'Asked for an IEP meeting by email.', created_by: a.parentId, created_at: a.at })
    .execute()

  const familyConcernId = await concern({
    visibility: 'family',
    date: addDays(m4.date, 1),
    issue: DEMO_CONCERN_ISSUES.familyOnly,
    person: 'Priya Shah (speech provider)',
    response: 'No answer yet.',
    followUp: 'Call the school office on Friday.',
    status: 'open',
    links: [m3.record_id, m4.record_id],
  })
  return { sharedConcernId, familyConcernId }
}
