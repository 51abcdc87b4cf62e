import type { DB } from '#db/client.server.ts'
import type { CheckView } from './accommodation-checks.server.ts'
import { latestChecksOn } from './accommodation-checks.server.ts'
import { activeDisputesOf, disputeKey } from './disputes.server.ts'
import { accommodationsForDayOf, type Accommodation } from './accommodations.server.ts'
import { calendarForSchool } from './calendar.server.ts'
import { listGoalsPlainOf } from './goals.server.ts'
import { listMyStudents } from './memberships.server.ts'
import { getProfilesOf } from './profiles.server.ts'
import { can } from '#shared/permissions.ts'
import { lastInstructionalDays, RECORDING_WINDOW } from '#shared/school-calendar.ts'
import { describeSchoolDay, type SchoolCalendar, type SchoolDayInfo, schoolDayKind } from '#shared/school-day.ts'
import type { IsoDate } from '#shared/school-date.ts'
import { isTeamRole, type StudentRole } from '#shared/roles.ts'
import type { GoalUnit } from '#shared/schemas/plan.ts'
import { activeLanguage, t, type Language } from '#shared/i18n/i18n.ts'
import { accommodationForReader, goalForReader } from '#shared/plain-translations.ts'

export interface TodayStudent {
  id: string
  name: string
  firstName: string
  role: StudentRole
  canRecord: boolean
  /** Why there is no school for this student on the day shown ("Saturday", "Thanksgiving", "summer break"); null on a school day. */
  closure: string | null
  communication: { howTheyCommunicate: string; givingInstructions: string }
  regulation: { earlySigns: string; whatHelps: string; whatToAvoid: string; calmPlace: string }
  accommodations: (Pick<Accommodation, 'id' | 'title' | 'description' | 'category' | 'applies'> & {
    /** The language the title and description are in. */
    language: Language
    applicability: 'applies' | 'conditional'
    check: CheckView | null
    /** A parent's dispute on that check, when one stands. */
    dispute: { comment: string; byName: string } | null
  })[]
  /** `language`: the language `means` is in (the reader's where someone wrote it, else English). */
  goals: { id: string; area: string; means: string; language: Language; unit: GoalUnit }[]
}

export interface TodayView {
  date: IsoDate
  today: IsoDate
  /** Today and the school days a record may still be made for, newest first. */
  recordableDays: IsoDate[]
  /** What kind of day today is at the person's (first) school: the page says so before anything else. */
  todayInfo: SchoolDayInfo | null
  students: TodayStudent[]
}

/**
 * The para's screen: every student the person works with, profiles first, then the supports that apply
 * on `date`, each with its latest record. Parents see it read-only.
 */
export async function todayForUser(db: DB, userId: string, date: IsoDate, today: IsoDate): Promise<TodayView> {
  // Team students only: an advocate's grants (which need the moment, not the day) are filtered out here anyway.
  const mine = (await listMyStudents(db, userId, new Date(`${today}T00:00:00`))).filter((s) => isTeamRole(s.role))
  const schoolIds = await db
    .selectFrom('students')
    .select(['id', 'school_id'])
    .where('id', 'in', mine.length ? mine.map((s) => s.id) : [''])
    .execute()
  const schoolOf = new Map(schoolIds.map((r) => [r.id, r.school_id]))
  const calendars = new Map<string, SchoolCalendar>()
  for (const schoolId of new Set(schoolOf.values())) calendars.set(schoolId, await calendarForSchool(db, schoolId))
  const firstSchool = [...calendars.values()][0]
  // The recording window counts weekdays off the closures (as sessions do), but only days of the school year
  // can be recorded: in the summer break nothing is left to record.
  const recordableDays = firstSchool
    ? lastInstructionalDays(today, RECORDING_WINDOW + 1, new Set(firstSchool.closures.keys()))
        .filter((d) => schoolDayKind(d, firstSchool) === 'school_day')
        .reverse()
    : []

  const checks = await latestChecksOn(
    db,
    mine.map((s) => s.id),
    date,
  )
  // One query each for all the students (a case manager's Today lists the whole caseload), not one per student.
  const ids = mine.map((s) => s.id)
  const closures = new Map(
    mine.map((s) => {
      const calendar = calendars.get(schoolOf.get(s.id) ?? '')
      return [s.id, calendar ? noSchoolReason(describeSchoolDay(date, calendar)) : null]
    }),
  )
  const [profilesOf, accommodationsOf, goalsOf, disputesOf] = await Promise.all([
    getProfilesOf(db, ids),
    accommodationsForDayOf(
      db,
      ids.filter((id) => !closures.get(id)),
      date,
    ),
    listGoalsPlainOf(db, ids),
    activeDisputesOf(db, ids),
  ])
  const students: TodayStudent[] = []
  const reader = activeLanguage()
  for (const s of mine) {
    const closure = closures.get(s.id) ?? null
    const profiles = profilesOf.get(s.id)!
    const accommodations = accommodationsOf.get(s.id) ?? []
    const goals = goalsOf.get(s.id) ?? []
    const disputes = disputesOf.get(s.id) ?? new Map()
    students.push({
      id: s.id,
      name: s.name,
      firstName: s.preferredName ?? s.name.split(' ')[0] ?? s.name,
      role: s.role,
      canRecord: can(s.role, 'accommodation.check'),
      closure,
      communication: { howTheyCommunicate: profiles.communication.howTheyCommunicate, givingInstructions: profiles.communication.givingInstructions },
      regulation: {
        earlySigns: profiles.regulation.earlySigns,
        whatHelps: profiles.regulation.whatHelps,
        whatToAvoid: profiles.regulation.whatToAvoid,
        calmPlace: profiles.regulation.calmPlace,
      },
      // The reader's language where someone wrote the words in it (docs/languages.md#plain-summaries).
      accommodations: accommodations.map((a) => accommodationForReader(a, reader)).map((a) => ({
        id: a.id,
        title: a.title,
        description: a.description,
        language: a.wordsIn.language,
        category: a.category,
        applies: a.applies,
        applicability: a.applicability,
        check: checks.get(a.id) ?? null,
        dispute: (() => {
          const check = checks.get(a.id)
          const d = check ? disputes.get(disputeKey('check', check.id)) : undefined
          return d ? { comment: d.comment, byName: d.byName } : null
        })(),
      })),
      goals: goals.map((g) => goalForReader(g, reader)).map((g) => ({ id: g.id, area: g.area, means: g.plain.means, language: g.plainIn.language, unit: g.unit })),
    })
  }
  return { date, today, recordableDays, todayInfo: firstSchool ? describeSchoolDay(today, firstSchool) : null, students }
}

/** The few words a student's card says after "No school today —". */
function noSchoolReason(info: SchoolDayInfo): string | null {
  switch (info.kind) {
    case 'school_day':
      return null
    case 'weekend':
      return t('refusals.noSchoolWeekend')
    case 'closure':
      return info.closureLabel ?? t('refusals.noSchoolClosed')
    case 'before_year':
      return t('refusals.noSchoolBeforeYear')
    case 'after_year':
      return t('refusals.noSchoolAfterYear')
  }
}
