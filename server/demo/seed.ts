import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import type { Language } from '#shared/i18n/i18n.ts'
import type { TeamRole } from '#shared/roles.ts'
import { demoClosures } from './seed-calendar.ts'
import { demoRecordsDay, schoolYearAround, seedPlan } from './seed-plan.ts'
import { seedMaya } from './seed-maya.ts'
import { seedNotes } from './seed-notes.ts'
import { seedConcerns } from './seed-concerns.ts'
import { seedServices } from './seed-services.ts'
import { seedPeriodService } from './seed-period-service.ts'
import { seedToday } from './seed-today.ts'
import { seedReports } from './seed-reports.ts'
import { seedIepDates } from './seed-iep-dates.ts'
import { seedGroup } from './seed-group.ts'

export const DEMO_PASSWORD = 'samepage-demo'

export const DEMO_USERS = {
  caseManager: { email: 'casemanager@maple.example', name: 'Dana Rivera' },
  para: { email: 'para@maple.example', name: 'Sam Ortiz' },
  speech: { email: 'speech@maple.example', name: 'Priya Shah' },
  parent: { email: 'parent@maple.example', name: 'Laura Miller' },
  admin: { email: 'admin@maple.example', name: 'Alex Chen' },
  ot: { email: 'ot@maple.example', name: 'Jordan Lee' },
  // Maya's mother reads Spanish (docs/languages.md): her pages and her mail are in Spanish.
  mayaParent: { email: 'rosa@maple.example', name: 'Rosa Thompson', language: 'es' },
} as const satisfies Record<string, { email: string; name: string; language?: Language }>

export type DemoUserKey = keyof typeof DEMO_USERS

export interface DemoIds {
  schoolId: string
  sitGoalId: string
  users: Record<DemoUserKey, string>
  johnnyId: string
  mayaId: string
  leoId: string
  avaId: string
  speechServiceId: string
  otServiceId: string
  /** Johnny's notebooks: Home–school notes, Meeting prep. */
  notebookIds: string[]
  /** Laura's two demo concerns (null only when the school year is too young to have the seeded misses). */
  sharedConcernId: string | null
  familyConcernId: string | null
}

/**
 * The demo team (docs/domain.md#demo). Johnny has the whole team; Maya has only the case manager and her mother, who
 * reads Spanish, so the para, the speech provider and Johnny's parent must never see her (nor Maya's mother Johnny). Password hashing is injected so tests can reuse
 * one hash instead of paying argon2 per user.
 */
export async function seedDemo(db: DB, hash: (password: string) => Promise<string>, now = new Date(), options: { reports?: boolean } = {}): Promise<DemoIds> {
  const ids = await seedRecords(db, hash, now)
  if (options.reports === false) return ids
  // Reports are issued through the service, in transactions of their own, as a case manager would issue them.
  await seedReports(db, { schoolId: ids.schoolId, johnnyId: ids.johnnyId, sitGoalId: ids.sitGoalId, users: ids.users, recordsDay: demoRecordsDay(localDate(now)) })
  return ids
}

async function seedRecords(db: DB, hash: (password: string) => Promise<string>, now: Date): Promise<DemoIds> {
  const at = now.toISOString()
  const passwordHash = await hash(DEMO_PASSWORD)
  return db.transaction().execute(async (trx) => {
    const schoolId = randomUUID()
    // Everything is dated from the seed day, so the demo is current whenever it is seeded; in the summer
    // break the records reach the last day of the year that has just ended.
    const seedDay = localDate(now)
    const year = schoolYearAround(seedDay)
    const today = demoRecordsDay(seedDay)
    await trx
      .insertInto('schools')
      .values({ id: schoolId, name: 'Maple Elementary', created_at: at, year_start: year.start, year_end: year.end })
      .execute()
    const closureList = demoClosures(Number(year.start.slice(0, 4)))
    await trx
      .insertInto('school_closures')
      .values(closureList.map((c) => ({ id: randomUUID(), school_id: schoolId, date: c.date, label: c.label, created_at: at, created_by: null })))
      .execute()
    const closures = new Set(closureList.map((c) => c.date))

    const users = {} as Record<DemoUserKey, string>
    for (const [key, u] of Object.entries(DEMO_USERS) as [DemoUserKey, (typeof DEMO_USERS)[DemoUserKey]][]) {
      users[key] = randomUUID()
      await trx
        .insertInto('users')
        .values({ id: users[key], email: u.email, name: u.name, language: 'language' in u ? u.language : 'en', password_hash: passwordHash, created_at: at })
        .execute()
    }
    await trx
      .insertInto('school_roles')
      .values({ id: randomUUID(), school_id: schoolId, user_id: users.admin, role: 'school_admin', created_at: at, removed_at: null })
      .execute()

    const johnnyId = randomUUID()
    const mayaId = randomUUID()
    await trx
      .insertInto('students')
      .values([
        { id: johnnyId, school_id: schoolId, name: 'Johnny Miller', preferred_name: 'Johnny', grade: 3, external_id: 'MAPLE-0301', created_at: at },
        { id: mayaId, school_id: schoolId, name: 'Maya Thompson', preferred_name: 'Maya', grade: 2, external_id: 'MAPLE-0207', created_at: at },
      ])
      .execute()

    const member = (studentId: string, userId: string, role: TeamRole, areas: string[] | null = null) => ({
      id: randomUUID(),
      student_id: studentId,
      user_id: userId,
      role,
      added_at: at,
      added_by: users.caseManager,
      removed_at: null,
      removed_by: null,
      areas: areas ? JSON.stringify(areas) : null,
    })
    await trx
      .insertInto('team_members')
      .values([
        member(johnnyId, users.caseManager, 'case_manager'),
        member(johnnyId, users.para, 'para'),
        member(johnnyId, users.speech, 'provider', ['communication']),
        member(johnnyId, users.parent, 'parent'),
        member(johnnyId, users.ot, 'provider', ['motor']),
        member(mayaId, users.caseManager, 'case_manager'),
        member(mayaId, users.mayaParent, 'parent'),
      ])
      .execute()
    const { sitGoalId, accommodationIds } = await seedPlan(trx, {
      johnnyId,
      mayaId,
      caseManagerId: users.caseManager,
      paraId: users.para,
      speechId: users.speech,
      today,
      at,
      closures,
    })
    await seedMaya(trx, { mayaId, caseManagerId: users.caseManager, today, at })
    const { leoId, avaId } = await seedToday(trx, {
      schoolId,
      caseManagerId: users.caseManager,
      paraId: users.para,
      johnnyId,
      johnnyAccommodationIds: accommodationIds,
      today,
      at,
      closures,
    })
    // In the summer break the year's last sessions were recorded too; otherwise today's are still to do.
    const recordThrough = today < seedDay ? today : previousDay(today)
    const { speechServiceId, otServiceId } = await seedServices(trx, {
      johnnyId,
      speechId: users.speech,
      otId: users.ot,
      caseManagerId: users.caseManager,
      parentId: users.parent,
      today,
      at,
      closures,
      yearStart: year.start,
      yearEnd: year.end,
      recordThrough,
    })
    await seedGroup(trx, {
      leoId,
      avaId,
      speechId: users.speech,
      caseManagerId: users.caseManager,
      at,
      closures,
      yearStart: year.start,
      yearEnd: year.end,
      recordThrough,
    })
    await seedPeriodService(trx, {
      leoId,
      caseManagerId: users.caseManager,
      yearStart: year.start,
      yearEnd: year.end,
      recordThrough: today < seedDay ? today : previousDay(today),
      closures,
      at,
    })
    await seedIepDates(trx, { today, at, caseManagerId: users.caseManager, students: { johnnyId, mayaId, leoId, avaId } })
    const notebookIds = await seedNotes(trx, { johnnyId, caseManagerId: users.caseManager, at, now })
    const { sharedConcernId, familyConcernId } = await seedConcerns(trx, { johnnyId, parentId: users.parent, caseManagerId: users.caseManager, speechServiceId, at })
    return { schoolId, sitGoalId, users, johnnyId, mayaId, leoId, avaId, speechServiceId, otServiceId, notebookIds, sharedConcernId, familyConcernId }
  })
}

function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}

function localDate(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

export async function isDatabaseEmpty(db: DB): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  return !row
}
