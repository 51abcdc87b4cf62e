import type { Executor } from './audit.server.ts'
import type { IsoDate } from '#shared/school-date.ts'

/**
 * Kept accountability numbers (docs/performance.md). Every input of a student's numbers has a trigger that bumps the
 * student's generation in the same statement as the write (db/migrations/2026-12-11T010000-numbers-cache.ts); a kept
 * copy carries the generation it was made at and is read only while that is still the student's generation. The
 * generation is read before the inputs, so a write landing mid-computation leaves a copy that is never read.
 */

/** Rows per insert: well under SQLite's bound on variables in one statement. */
const INSERT_BATCH = 400
/** Students per computation round: bounds `in (…)` lists and lets other requests in between rounds. */
export const STUDENT_BATCH = 500

export async function generationsOf(db: Executor, studentIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(studentIds.map((id) => [id, 0]))
  for (let i = 0; i < studentIds.length; i += STUDENT_BATCH) {
    const chunk = studentIds.slice(i, i + STUDENT_BATCH)
    const rows = await db.selectFrom('numbers_generations').select(['student_id', 'generation']).where('student_id', 'in', chunk).execute()
    for (const r of rows) out.set(r.student_id, r.generation)
  }
  return out
}

export interface KeptServiceRow {
  serviceId: string
  studentId: string
  generation: number
  deliveryRate: number
  balance: number
  alerts: readonly string[]
}

export async function keepServiceNumbers(db: Executor, asOf: IsoDate, rows: readonly KeptServiceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const values = rows.slice(i, i + INSERT_BATCH).map((r) => ({
      service_id: r.serviceId,
      as_of: asOf,
      student_id: r.studentId,
      generation: r.generation,
      delivery_rate: r.deliveryRate,
      balance: r.balance,
      alerts: r.alerts.join(','),
    }))
    await db
      .insertInto('service_numbers_kept')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['service_id', 'as_of']).doUpdateSet((eb) => ({
          student_id: eb.ref('excluded.student_id'),
          generation: eb.ref('excluded.generation'),
          delivery_rate: eb.ref('excluded.delivery_rate'),
          balance: eb.ref('excluded.balance'),
          alerts: eb.ref('excluded.alerts'),
        })),
      )
      .execute()
  }
}

/** A student's kept document as of `asOf`, made on `madeOn`, if it is still current; else null. */
export async function keptStudentDocument(db: Executor, studentId: string, asOf: IsoDate, madeOn: IsoDate): Promise<string | null> {
  const row = await db
    .selectFrom('student_numbers_kept as k')
    .leftJoin('numbers_generations as g', 'g.student_id', 'k.student_id')
    .select(['k.document', 'k.generation', 'g.generation as current'])
    .where('k.student_id', '=', studentId)
    .where('k.as_of', '=', asOf)
    .where('k.made_on', '=', madeOn)
    .executeTakeFirst()
  return row && row.generation === (row.current ?? 0) ? row.document : null
}

export async function keepStudentDocument(
  db: Executor,
  args: { studentId: string; asOf: IsoDate; madeOn: IsoDate; generation: number; document: string },
): Promise<void> {
  await db
    .insertInto('student_numbers_kept')
    .values({ student_id: args.studentId, as_of: args.asOf, made_on: args.madeOn, generation: args.generation, document: args.document })
    .onConflict((oc) => oc.columns(['student_id', 'as_of', 'made_on']).doUpdateSet({ generation: args.generation, document: args.document }))
    .execute()
}

/** Kept copies for days before `from` are dropped: they are recomputed, identically, if anyone asks again. */
export async function dropKeptBefore(db: Executor, from: IsoDate): Promise<{ services: number; students: number }> {
  const services = await db.deleteFrom('service_numbers_kept').where('as_of', '<', from).executeTakeFirst()
  const students = await db.deleteFrom('student_numbers_kept').where('made_on', '<', from).executeTakeFirst()
  return { services: Number(services.numDeletedRows), students: Number(students.numDeletedRows) }
}
