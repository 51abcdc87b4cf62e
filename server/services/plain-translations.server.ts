import { randomUUID } from 'node:crypto'
import { englishMovedOn, type Translations } from '#shared/plain-translations.ts'
import type { TranslationLanguage } from '#shared/schemas/language.ts'
import type { Executor } from './audit.server.ts'

/**
 * Plain summaries written again in a family's language (docs/languages.md#plain-summaries): one current text per
 * goal or accommodation and language. The writes live beside their subject's (goals.server.ts,
 * accommodations.server.ts), which check the subject is the student's and keep the audit entry.
 */
export type TranslationSubject = 'goal' | 'accommodation'

/**
 * The translations of several subjects, each marked stale when its English moved on since it was saved.
 * `english` maps each subject to its current English parts; subjects not in it are not read.
 */
export async function translationsOf<Parts extends object>(
  db: Executor,
  subject: TranslationSubject,
  english: ReadonlyMap<string, Parts>,
): Promise<Map<string, Translations<Parts>>> {
  const out = new Map<string, Translations<Parts>>()
  if (english.size === 0) return out
  const rows = await db
    .selectFrom('plain_translations')
    .innerJoin('users', 'users.id', 'plain_translations.updated_by')
    .select(['subject_id', 'plain_translations.language', 'parts', 'source', 'plain_translations.updated_at', 'users.name'])
    .where('subject', '=', subject)
    .where('subject_id', 'in', [...english.keys()])
    .execute()
  for (const r of rows) {
    const current = english.get(r.subject_id)
    if (!current) continue
    const translations = out.get(r.subject_id) ?? {}
    translations[r.language] = {
      parts: JSON.parse(r.parts) as Parts,
      stale: englishMovedOn(JSON.parse(r.source) as Parts, current),
      updatedAt: r.updated_at,
      updatedBy: r.name,
    }
    out.set(r.subject_id, translations)
  }
  return out
}

/** The text a subject has in `language` now, if any: what a new save replaces (kept in the audit entry). */
export async function currentTranslation<Parts>(db: Executor, subject: TranslationSubject, subjectId: string, language: TranslationLanguage): Promise<Parts | null> {
  const row = await db
    .selectFrom('plain_translations')
    .select('parts')
    .where('subject', '=', subject)
    .where('subject_id', '=', subjectId)
    .where('language', '=', language)
    .executeTakeFirst()
  return row ? (JSON.parse(row.parts) as Parts) : null
}

/** Saves a subject's text in `language`, replacing the one before, with the English it was written beside. */
export async function saveTranslation<Parts>(
  db: Executor,
  args: { studentId: string; subject: TranslationSubject; subjectId: string; language: TranslationLanguage; parts: Parts; source: Parts; actorId: string; now: Date },
): Promise<void> {
  const values = { parts: JSON.stringify(args.parts), source: JSON.stringify(args.source), updated_at: args.now.toISOString(), updated_by: args.actorId }
  await db
    .insertInto('plain_translations')
    .values({ id: randomUUID(), student_id: args.studentId, subject: args.subject, subject_id: args.subjectId, language: args.language, ...values })
    .onConflict((oc) => oc.columns(['subject', 'subject_id', 'language']).doUpdateSet(values))
    .execute()
}
