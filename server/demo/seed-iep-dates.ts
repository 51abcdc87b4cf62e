import { randomUUID } from 'node:crypto'
import type { Executor } from '../services/audit.server.ts'
import { addDays } from '#shared/school-date.ts'

/**
 * The demo students' IEP dates (docs/iep-calendar.md), counted from the demo's day so the calendar is current whenever
 * the demo is seeded: Johnny's plan ends in a few weeks and its annual review is due in two, so Dana's home page lists
 * it; the others' plans run most of the year ahead.
 */
export async function seedIepDates(
  trx: Executor,
  a: { today: string; at: string; caseManagerId: string; students: { johnnyId: string; mayaId: string; leoId: string; avaId: string } },
): Promise<void> {
  const plan = (studentId: string, start: string, reviewBeforeEnd: number, reevaluationAfterStart: number) => {
    const end = addDays(start, 364)
    return {
      id: randomUUID(),
      student_id: studentId,
      start_date: start,
      end_date: end,
      annual_review_date: addDays(end, -reviewBeforeEnd),
      reevaluation_date: addDays(start, reevaluationAfterStart),
      created_at: a.at,
      created_by: a.caseManagerId,
      updated_at: a.at,
      updated_by: a.caseManagerId,
      replaced_at: null,
      replaced_by: null,
    }
  }
  await trx
    .insertInto('iep_plans')
    .values([
      // Started 345 days ago: ends in 19 days, annual review in 14.
      plan(a.students.johnnyId, addDays(a.today, -345), 5, 2 * 365),
      plan(a.students.mayaId, addDays(a.today, -60), 14, 3 * 365 - 60),
      plan(a.students.leoId, addDays(a.today, -120), 21, 500),
      plan(a.students.avaId, addDays(a.today, -200), 10, 800),
    ])
    .execute()
}
