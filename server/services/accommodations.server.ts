import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { applicabilityOn, type DayApplicability } from '#shared/accommodation-schedule.ts'
import { DomainError } from '#shared/domain-error.ts'
import { appliesSchema, type AccommodationCategory, type AccommodationFields, type AccommodationWords, type Applies } from '#shared/schemas/plan.ts'
import { type Executor, recordChange } from './audit.server.ts'
import { recordPlanChange } from './plan-changes.server.ts'
import { accommodationChange } from '#shared/plan-change.ts'
import { assertInSchoolYear } from './school-year.server.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { Translations } from '#shared/plain-translations.ts'
import type { TranslationLanguage } from '#shared/schemas/language.ts'
import { currentTranslation, saveTranslation, translationsOf } from './plain-translations.server.ts'

export interface Accommodation {
  id: string
  version: number
  title: string
  description: string
  category: AccommodationCategory
  applies: Applies
  startDate: string
  updatedAt: string
  updatedBy: string
  /** The title and words in a family's language, where someone wrote them (docs/languages.md#plain-summaries). */
  translations: Translations<AccommodationWords>
}

function current(db: Executor) {
  return db
    .selectFrom('accommodation_versions as av')
    .innerJoin('accommodations', 'accommodations.id', 'av.accommodation_id')
    .innerJoin('users', 'users.id', 'av.created_by')
    .select([
      'accommodations.id',
      'av.version',
      'av.title',
      'av.description',
      'av.category',
      'av.applies',
      'av.start_date',
      'av.created_at',
      'users.name as created_by_name',
    ])
    .where(({ eb, selectFrom }) =>
      eb(
        'av.version',
        '=',
        selectFrom('accommodation_versions as newer')
          .select((n) => n.fn.max('newer.version').as('v'))
          .whereRef('newer.accommodation_id', '=', 'av.accommodation_id'),
      ),
    )
}

type Row = Awaited<ReturnType<ReturnType<typeof current>['execute']>>[number]

/** The student's accommodation as it stands, or NOT_FOUND (another student's is not found either). */
async function currentRow(db: Executor, studentId: string, accommodationId: string): Promise<Row> {
  const row = await current(db).where('accommodations.student_id', '=', studentId).where('accommodations.id', '=', accommodationId).executeTakeFirst()
  if (!row) throw new DomainError('NOT_FOUND', t('refusals.accommodationNotFound'))
  return row
}

function shape(r: Row): Accommodation {
  return {
    id: r.id,
    version: r.version,
    title: r.title,
    description: r.description,
    category: r.category as AccommodationCategory,
    applies: appliesSchema.parse(JSON.parse(r.applies)),
    startDate: r.start_date,
    updatedAt: r.created_at,
    updatedBy: r.created_by_name,
    translations: {},
  }
}

export async function listAccommodations(db: Executor, studentId: string): Promise<Accommodation[]> {
  return (await listAccommodationsOf(db, [studentId])).get(studentId) ?? []
}

/** Each student's current supports, for several students in one query (Today lists every student of a caseload). */
export async function listAccommodationsOf(db: Executor, studentIds: readonly string[]): Promise<Map<string, Accommodation[]>> {
  const out = new Map<string, Accommodation[]>(studentIds.map((id) => [id, []]))
  if (studentIds.length === 0) return out
  const rows = await current(db)
    .select('accommodations.student_id')
    .where('accommodations.student_id', 'in', studentIds)
    .orderBy('accommodations.created_at')
    .orderBy('av.title')
    .execute()
  const shaped = rows.map(shape)
  const found = await translationsOf(db, 'accommodation', new Map(shaped.map((a) => [a.id, { title: a.title, description: a.description }])))
  shaped.forEach((a, i) => {
    a.translations = found.get(a.id) ?? {}
    out.get(rows[i]!.student_id)?.push(a)
  })
  return out
}

export type DayAccommodation = Accommodation & { applicability: Exclude<DayApplicability, 'not_today'> }

/** Today's supports: what applies, then what depends on the subject or a test, each with its condition. */
export async function accommodationsForDay(db: DB, studentId: string, date: string): Promise<DayAccommodation[]> {
  return (await accommodationsForDayOf(db, [studentId], date)).get(studentId) ?? []
}

/** The same for several students, in one query. */
export async function accommodationsForDayOf(db: DB, studentIds: readonly string[], date: string): Promise<Map<string, DayAccommodation[]>> {
  const order = { applies: 0, conditional: 1 } as const
  const out = new Map<string, DayAccommodation[]>()
  for (const [studentId, all] of await listAccommodationsOf(db, studentIds)) {
    out.set(
      studentId,
      all
        .map((a) => ({ ...a, applicability: applicabilityOn(a.applies, a.startDate, date) }))
        .filter((a): a is DayAccommodation => a.applicability !== 'not_today')
        .sort((a, b) => order[a.applicability] - order[b.applicability]),
    )
  }
  return out
}

function values(accommodationId: string, version: number, f: AccommodationFields, actorId: string, now: Date) {
  return {
    id: randomUUID(),
    accommodation_id: accommodationId,
    version,
    title: f.title,
    description: f.description,
    category: f.category,
    applies: JSON.stringify(f.applies),
    start_date: f.startDate,
    created_at: now.toISOString(),
    created_by: actorId,
  }
}

export async function createAccommodation(
  db: DB,
  args: { studentId: string; fields: AccommodationFields; actorId: string; now: Date },
): Promise<{ accommodationId: string }> {
  return db.transaction().execute(async (trx) => {
    await assertInSchoolYear(trx, args.studentId, args.fields.startDate, 'startDate')
    const accommodationId = randomUUID()
    await trx
      .insertInto('accommodations')
      .values({ id: accommodationId, student_id: args.studentId, created_at: args.now.toISOString(), created_by: args.actorId })
      .execute()
    await trx.insertInto('accommodation_versions').values(values(accommodationId, 1, args.fields, args.actorId, args.now)).execute()
    await recordChange(trx, args, { entity: 'accommodation', entityId: accommodationId, action: 'create', after: args.fields })
    return { accommodationId }
  })
}

export async function updateAccommodation(
  db: DB,
  args: { studentId: string; accommodationId: string; fields: AccommodationFields; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await currentRow(trx, args.studentId, args.accommodationId)
    await assertInSchoolYear(trx, args.studentId, args.fields.startDate, 'startDate')
    const before = shape(row)
    await trx
      .insertInto('accommodation_versions')
      .values(values(args.accommodationId, before.version + 1, args.fields, args.actorId, args.now))
      .execute()
    await recordChange(trx, args, {
      entity: 'accommodation',
      entityId: args.accommodationId,
      action: 'update',
      before: { title: before.title, description: before.description, category: before.category, applies: before.applies, startDate: before.startDate },
      after: args.fields,
    })
    const change = accommodationChange({ accommodationId: args.accommodationId, before, after: args.fields, effectiveFrom: args.fields.startDate === before.startDate ? null : args.fields.startDate })
    if (change) await recordPlanChange(trx, { studentId: args.studentId, change, actorId: args.actorId, now: args.now })
  })
}

/** The title and words written again in a family's language, beside the English they were written from. */
export async function translateAccommodation(
  db: DB,
  args: { studentId: string; accommodationId: string; language: TranslationLanguage; words: AccommodationWords; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await currentRow(trx, args.studentId, args.accommodationId)
    const english = { title: row.title, description: row.description }
    const before = await currentTranslation<AccommodationWords>(trx, 'accommodation', args.accommodationId, args.language)
    await saveTranslation(trx, { ...args, subject: 'accommodation', subjectId: args.accommodationId, parts: args.words, source: english })
    await recordChange(trx, args, {
      entity: 'accommodation',
      entityId: args.accommodationId,
      action: 'translate',
      before: before ? { language: args.language, ...before } : undefined,
      after: { language: args.language, ...args.words, englishTitle: english.title, englishDescription: english.description },
    })
  })
}
