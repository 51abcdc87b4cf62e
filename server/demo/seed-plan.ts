import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '#db/schema.ts'

/**
 * Johnny's plan for the demo (docs/domain.md#demo): his "sit for 20 minutes" goal is met on paper — the last
 * sessions reach 20 minutes — while he was dysregulated each time, shut down afterwards and refused class
 * the next day. Dates are relative to the seed day so the demo always looks current.
 */

type Trx = Transaction<Database>

/**
 * The demo school's year for a seed day: 31 August to 18 June. From 19 June to 30 August (the summer break)
 * it is the year that has just ended, so a demo seeded in July still shows a whole year of records.
 */
export function schoolYearAround(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4))
  const startYear = today >= `${year}-08-31` ? year : year - 1
  return { start: `${startYear}-08-31`, end: `${startYear + 1}-06-18` }
}

/** The last day the demo's records reach: the seed day, or in the summer break the year's last day. */
export function demoRecordsDay(today: string): string {
  const { end } = schoolYearAround(today)
  return today > end ? end : today
}

/** The n-th school day before `today` (0 = the latest school day up to today), skipping weekends and closures. */
export function schoolDaysBefore(today: string, n: number, closures: ReadonlySet<string> = new Set()): string {
  const d = new Date(`${today}T00:00:00Z`)
  const open = () => d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !closures.has(d.toISOString().slice(0, 10))
  let left = n
  while (!open()) d.setUTCDate(d.getUTCDate() - 1)
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1)
    if (open()) left--
  }
  return d.toISOString().slice(0, 10)
}

interface PlanSeedArgs {
  johnnyId: string
  mayaId: string
  caseManagerId: string
  paraId: string
  speechId: string
  today: string
  at: string
  closures: ReadonlySet<string>
}

export async function seedPlan(trx: Trx, a: PlanSeedArgs): Promise<{ sitGoalId: string; accommodationIds: string[] }> {
  const by = a.caseManagerId
  const profile = (studentId: string, kind: 'communication' | 'regulation', content: object) => ({
    id: randomUUID(),
    student_id: studentId,
    kind,
    version: 1,
    content: JSON.stringify(content),
    created_at: a.at,
    created_by: by,
  })
  await trx
    .insertInto('profile_versions')
    .values([
      profile(a.johnnyId, 'communication', {
        howTheyCommunicate:
          'Johnny talks in short phrases. When he is upset he stops talking and points to his picture cards instead.',
        givingInstructions:
          'Say his name first, then one step at a time in few words ("Math book out."). Show the picture schedule. Wait 5 seconds before you repeat.',
        wordsThatMatter: '"Break" and his break card mean he needs to leave now. "Later" worries him: say when ("after math").',
      }),
      profile(a.johnnyId, 'regulation', {
        earlySigns: 'Pulls his hood up, goes quiet, taps the desk, says "I’m fine" when he is not.',
        whatHelps: 'A quiet "Want a break?" and the break card. Five minutes in the reading corner with headphones. A heads-up before changes.',
        whatToAvoid: 'Raising your voice, standing over him, taking recess away, praising him loudly in front of the class.',
        calmPlace: 'The beanbag in the reading corner, or Ms. Rivera’s room if the class is loud.',
      }),
      profile(a.mayaId, 'communication', {
        howTheyCommunicate: 'Maya speaks in full sentences and likes to explain her thinking.',
        givingInstructions: 'Written steps on her desk help her start.',
        wordsThatMatter: '',
      }),
    ])
    .execute()

  const goals = [
    {
      area: 'behavior',
      official_text:
        'Given visual supports and no more than one verbal prompt, Johnny will remain seated and engaged in a teacher-directed activity for 20 consecutive minutes in 4 out of 5 observed opportunities, as measured by teacher data collection.',
      plain_means: 'Johnny stays in his seat and works with the class for 20 minutes.',
      plain_looks_like: 'He sits through the math lesson and keeps working, with his visual timer on the desk.',
      plain_adults_help: 'Set the timer. Remind him once, quietly. Offer the break card before he gets upset.',
      plain_measure: 'Write down how many minutes he stayed seated, and how he seemed after.',
      baseline: '8 minutes',
      target: '20 minutes',
      unit: 'minutes' as const,
      mastery: { threshold: 20, consecutive: 3, independentOnly: false },
    },
    {
      area: 'communication',
      official_text:
        'Given a visual choice board, Johnny will request a break using his break card or a verbal request in 4 of 5 opportunities across 3 consecutive sessions.',
      plain_means: 'Johnny asks for a break instead of leaving or shutting down.',
      plain_looks_like: 'He hands you the break card or says "break" when work gets hard.',
      plain_adults_help: 'Point to the break card once. Wait 5 seconds. Say yes when he asks.',
      plain_measure: 'Count how many times he asks, out of the times he needed a break.',
      baseline: '1 of 5',
      target: '4 of 5 (80%)',
      unit: 'percent' as const,
      mastery: { threshold: 80, consecutive: 3, independentOnly: true },
    },
    {
      area: 'reading',
      official_text:
        'Johnny will decode consonant-vowel-consonant (CVC) words with 80% accuracy in 4 of 5 trials, as measured by curriculum-based assessment.',
      plain_means: 'Johnny sounds out short words like "cat" and "map".',
      plain_looks_like: 'He reads a list of short words out loud during reading group.',
      plain_adults_help: 'Point under each letter. Let him try before you help.',
      plain_measure: 'Out of 10 words, how many he reads right.',
      baseline: '40%',
      target: '80%',
      unit: 'percent' as const,
      mastery: { threshold: 80, consecutive: 3, independentOnly: false },
    },
  ]
  const goalIds: string[] = []
  for (const [i, g] of goals.entries()) {
    const id = randomUUID()
    goalIds.push(id)
    await trx.insertInto('goals').values({ id, student_id: a.johnnyId, position: i + 1, created_at: a.at, created_by: by }).execute()
    await trx
      .insertInto('goal_versions')
      .values({ id: randomUUID(), goal_id: id, version: 1, ...g, mastery: JSON.stringify(g.mastery), created_at: a.at, created_by: by })
      .execute()
  }

  const point = (
    goalId: string,
    daysAgo: number,
    value: number,
    regulation: 'calm' | 'uneasy' | 'dysregulated',
    promptLevel: string,
    note: string,
    recordedBy: string,
  ) => ({
    id: randomUUID(),
    goal_id: goalId,
    student_id: a.johnnyId,
    date: schoolDaysBefore(a.today, daysAgo, a.closures),
    value,
    trials: null,
    prompt_level: promptLevel,
    regulation,
    note,
    recorded_by: recordedBy,
    recorded_at: a.at,
    voided_at: null,
    voided_by: null,
    void_reason: null,
  })
  const [sit, breakReq, cvc] = goalIds as [string, string, string]
  await trx
    .insertInto('progress_points')
    .values([
      point(sit, 18, 9, 'calm', 'verbal', '', a.paraId),
      point(sit, 15, 11, 'calm', 'verbal', '', a.paraId),
      point(sit, 12, 14, 'uneasy', 'verbal', 'Hood up near the end.', a.paraId),
      point(sit, 9, 17, 'calm', 'gestural', '', a.paraId),
      point(sit, 6, 20, 'uneasy', 'independent', 'Sat the whole lesson, very quiet.', a.paraId),
      point(sit, 4, 21, 'dysregulated', 'independent', 'Sat 21 minutes, then shut down at recess and would not talk.', a.paraId),
      point(sit, 2, 22, 'dysregulated', 'independent', 'Sat the full time. Refused to come into class the next morning.', a.paraId),
      point(breakReq, 10, 40, 'calm', 'gestural', '', a.speechId),
      point(breakReq, 5, 60, 'uneasy', 'gestural', '', a.speechId),
      point(breakReq, 1, 60, 'calm', 'independent', 'Used the card twice on his own.', a.speechId),
      point(cvc, 14, 50, 'calm', 'independent', '', by),
      point(cvc, 7, 60, 'calm', 'independent', '', by),
      point(cvc, 3, 70, 'calm', 'verbal', '', by),
    ])
    .execute()

  const start = schoolYearAround(a.today).start
  const accommodationIds: string[] = []
  const accommodations = [
    ['Break card', 'Johnny may show his break card and take 5 minutes in the reading corner. No questions asked.', 'regulation', { kind: 'daily' }],
    ['Picture schedule', 'Keep his picture schedule on his desk and point to the next step before a change.', 'communication', { kind: 'daily' }],
    ['Seat near the door', 'He sits near the door, away from the loud table, so he can leave quietly for a break.', 'setting', { kind: 'daily' }],
    ['Noise-reducing headphones', 'He may wear headphones during independent work.', 'regulation', { kind: 'daily' }],
    ['Morning check-in', 'The para checks in with him at arrival: how did he sleep, what is different today.', 'regulation', { kind: 'weekdays', days: ['mon', 'wed', 'fri'] }],
    ['Word problems read aloud', 'Read math word problems aloud to him.', 'presentation', { kind: 'subject', subject: 'Math' }],
    ['Extra time', '50% more time, in a quiet room.', 'timing', { kind: 'tests' }],
  ] as const
  for (const [title, description, category, applies] of accommodations) {
    const id = randomUUID()
    accommodationIds.push(id)
    // Distinct timestamps keep the plan's order (creation order) stable.
    const createdAt = new Date(Date.parse(a.at) + accommodationIds.length).toISOString()
    await trx.insertInto('accommodations').values({ id, student_id: a.johnnyId, created_at: createdAt, created_by: by }).execute()
    await trx
      .insertInto('accommodation_versions')
      .values({
        id: randomUUID(),
        accommodation_id: id,
        version: 1,
        title,
        description,
        category,
        applies: JSON.stringify(applies),
        start_date: start,
        created_at: a.at,
        created_by: by,
      })
      .execute()
  }
  return { sitGoalId: sit, accommodationIds }
}
