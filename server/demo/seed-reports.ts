import type { DB } from '#db/client.server.ts'
import { addDays } from '#shared/school-date.ts'
import { quartersOf } from '#shared/reporting-periods.ts'
import { goalsWithLivePoints } from '../services/goals.server.ts'
import { acknowledgeReport, issueReport, saveGoalPart } from '../services/progress-reports.server.ts'
import { addPeriod, listPeriods } from '../services/reporting-periods.server.ts'

/**
 * The demo's progress reports (docs/progress-reports.md#demo): Maple reports in four quarters. Each quarter that
 * ended before the demo's records day has Johnny's report issued a few days after its end and acknowledged by his
 * mother, with a comment; the quarter in progress has a draft in which the case manager has already chosen
 * "Mastered" for the "sit for 20 minutes" goal, beside the caution that says it is met on paper.
 */
export async function seedReports(
  db: DB,
  a: { schoolId: string; johnnyId: string; sitGoalId: string; users: { admin: string; caseManager: string; parent: string }; recordsDay: string },
): Promise<void> {
  const school = await db.selectFrom('schools').select(['year_start', 'year_end']).where('id', '=', a.schoolId).executeTakeFirstOrThrow()
  if (!school.year_start || !school.year_end) return
  const yearStartedAt = new Date(`${school.year_start}T08:00:00Z`)
  for (const q of quartersOf(school.year_start, school.year_end)) await addPeriod(db, { schoolId: a.schoolId, ...q, actorId: a.users.admin, now: yearStartedAt })
  const periods = await listPeriods(db, a.schoolId)
  const goals = await goalsWithLivePoints(db, a.johnnyId, school.year_start)
  const cm = a.users.caseManager
  for (const period of periods) {
    if (period.start > a.recordsDay) break
    if (period.end < a.recordsDay) {
      const issuedDay = minDay(addDays(period.end, 4), a.recordsDay)
      const at = new Date(`${issuedDay}T15:00:00Z`)
      for (const g of goals) {
        const narrative = g.id === a.sitGoalId ? SIT_Q1 : NARRATIVE
        await saveGoalPart(db, { studentId: a.johnnyId, periodId: period.id, goalId: g.id, code: 'sufficient', narrative, actorId: cm, now: at })
      }
      await issueReport(db, { studentId: a.johnnyId, periodId: period.id, reason: null, actorId: cm, now: at, today: issuedDay })
      const readDay = minDay(addDays(issuedDay, 1), a.recordsDay)
      await acknowledgeReport(db, { studentId: a.johnnyId, periodId: period.id, version: 1, comment: PARENT_COMMENT, actorId: a.users.parent, now: new Date(`${readDay}T19:30:00Z`) })
      continue
    }
    // The quarter in progress: a draft the case manager has started, with the goal that looks met.
    await saveGoalPart(db, {
      studentId: a.johnnyId,
      periodId: period.id,
      goalId: a.sitGoalId,
      code: 'mastered',
      narrative: SIT_DRAFT,
      actorId: cm,
      now: new Date(`${a.recordsDay}T14:00:00Z`),
    })
  }
}

function minDay(a: string, b: string): string {
  return a < b ? a : b
}

// The demo's words are data, like the plan's goals: they are what a case manager and a parent wrote.
const NARRATIVE = 'Johnny is working toward this goal with the supports in his plan. We will keep collecting data each week.'
const SIT_Q1 = 'Johnny sits for longer each week with his visual timer. He still needs a reminder to start.'
const SIT_DRAFT = 'Johnny now sits for the whole 20 minutes of the math lesson.'
const PARENT_COMMENT = 'Thank you. At home he is exhausted on math days and shuts down after school. Can we talk about the afternoons?'
