import { isDeepStrictEqual } from 'node:util'
import type { DB } from '#db/client.server.ts'
import { localIsoDate, type IsoDate } from '#shared/school-date.ts'
import { systemClock } from '../clock.server.ts'
import { computeCaseloadRows, computeStudentAccountability } from './accountability.server.ts'
import { generationsOf, keepServiceNumbers, keepStudentDocument, STUDENT_BATCH } from './numbers-kept.server.ts'
import { listServices } from './services.server.ts'
import { yieldToOthers } from './yield-to-others.server.ts'

export interface KeptDifference {
  kind: 'service' | 'student'
  /** The service's or the student's id. */
  id: string
  asOf: IsoDate
  kept: unknown
  computed: unknown
}

/**
 * `npm run numbers:verify` (docs/performance.md): recomputes every kept copy that would be read (its generation is
 * the student's current one) from the records and names each that differs. With `rebuild`, each difference is
 * replaced by the computed numbers. Copies already stale are skipped: they are never read.
 */
export async function verifyKeptNumbers(db: DB, opts: { schoolId?: string; rebuild?: boolean } = {}): Promise<{ checked: number; differences: KeptDifference[] }> {
  const differences: KeptDifference[] = []
  let checked = 0
  let services = db
    .selectFrom('service_numbers_kept as k')
    .innerJoin('students as st', 'st.id', 'k.student_id')
    .leftJoin('numbers_generations as g', 'g.student_id', 'k.student_id')
    .select(['k.service_id', 'k.student_id', 'k.as_of', 'k.delivery_rate', 'k.balance', 'k.alerts', 'k.generation', 'g.generation as current'])
  if (opts.schoolId) services = services.where('st.school_id', '=', opts.schoolId)
  const kept = (await services.execute()).filter((k) => k.generation === (k.current ?? 0))
  const byAsOf = new Map<IsoDate, typeof kept>()
  for (const k of kept) {
    const list = byAsOf.get(k.as_of)
    if (list) list.push(k)
    else byAsOf.set(k.as_of, [k])
  }
  for (const [asOf, rows] of byAsOf) {
    const students = [...new Set(rows.map((r) => r.student_id))]
    for (let i = 0; i < students.length; i += STUDENT_BATCH) {
      const chunk = students.slice(i, i + STUDENT_BATCH)
      const generations = await generationsOf(db, chunk)
      const computed = new Map((await computeCaseloadRows(db, await listServices(db, { studentIds: chunk }), asOf)).map((c) => [c.serviceId, c]))
      const fixes = []
      const inChunk = new Set(chunk)
      for (const k of rows.filter((r) => inChunk.has(r.student_id))) {
        checked++
        const c = computed.get(k.service_id)
        const keptNumbers = { deliveryRate: k.delivery_rate, balance: k.balance, alerts: k.alerts ? k.alerts.split(',') : [] }
        const computedNumbers = c ? { deliveryRate: c.deliveryRate, balance: c.balance, alerts: [...c.alerts] } : null
        if (isDeepStrictEqual(keptNumbers, computedNumbers)) continue
        differences.push({ kind: 'service', id: k.service_id, asOf, kept: keptNumbers, computed: computedNumbers })
        if (c) fixes.push({ ...c, generation: generations.get(c.studentId) ?? 0 })
        else if (opts.rebuild) await db.deleteFrom('service_numbers_kept').where('service_id', '=', k.service_id).where('as_of', '=', asOf).execute()
      }
      if (opts.rebuild && fixes.length) await keepServiceNumbers(db, asOf, fixes)
      await yieldToOthers()
    }
  }

  // Student documents made today (the day's current terms are in them; older ones are no longer read).
  const today = localIsoDate(systemClock())
  let documents = db
    .selectFrom('student_numbers_kept as k')
    .innerJoin('students as st', 'st.id', 'k.student_id')
    .leftJoin('numbers_generations as g', 'g.student_id', 'k.student_id')
    .select(['k.student_id', 'k.as_of', 'k.document', 'k.generation', 'g.generation as current'])
    .where('k.made_on', '=', today)
  if (opts.schoolId) documents = documents.where('st.school_id', '=', opts.schoolId)
  for (const k of await documents.execute()) {
    if (k.generation !== (k.current ?? 0)) continue
    checked++
    const computed = await computeStudentAccountability(db, k.student_id, k.as_of)
    const keptDocument: unknown = JSON.parse(k.document)
    if (isDeepStrictEqual(keptDocument, JSON.parse(JSON.stringify(computed)))) continue
    differences.push({ kind: 'student', id: k.student_id, asOf: k.as_of, kept: keptDocument, computed })
    if (opts.rebuild) {
      await keepStudentDocument(db, { studentId: k.student_id, asOf: k.as_of, madeOn: today, generation: k.generation, document: JSON.stringify(computed) })
    }
    await yieldToOthers()
  }
  return { checked, differences }
}
