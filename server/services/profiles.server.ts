import { randomUUID } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import {
  communicationProfileSchema,
  regulationProfileSchema,
  type CommunicationProfile,
  type ProfileKind,
  type RegulationProfile,
} from '#shared/schemas/plan.ts'
import { recordChange } from './audit.server.ts'

export interface StudentProfiles {
  communication: CommunicationProfile & { updatedAt: string | null; updatedBy: string | null }
  regulation: RegulationProfile & { updatedAt: string | null; updatedBy: string | null }
}

export async function getProfiles(db: DB, studentId: string): Promise<StudentProfiles> {
  return (await getProfilesOf(db, [studentId])).get(studentId)!
}

/** The same for several students, in one query; a student with no profile yet gets the empty one. */
export async function getProfilesOf(db: DB, studentIds: readonly string[]): Promise<Map<string, StudentProfiles>> {
  const rows = studentIds.length
    ? await db
        .selectFrom('profile_versions')
        .leftJoin('users', 'users.id', 'profile_versions.created_by')
        .select(['profile_versions.student_id', 'profile_versions.kind', 'profile_versions.version', 'profile_versions.content', 'profile_versions.created_at', 'users.name'])
        .where('profile_versions.student_id', 'in', studentIds)
        .orderBy('profile_versions.version', 'desc')
        .execute()
    : []
  // Newest version first: the first row of each student and kind is the current one.
  const current = new Map<string, (typeof rows)[number]>()
  for (const r of rows) if (!current.has(`${r.student_id}:${r.kind}`)) current.set(`${r.student_id}:${r.kind}`, r)
  const out = new Map<string, StudentProfiles>()
  for (const studentId of studentIds) {
    const latest = (kind: ProfileKind) => current.get(`${studentId}:${kind}`)
    const comm = latest('communication')
    const reg = latest('regulation')
    out.set(studentId, {
      communication: {
        ...communicationProfileSchema.parse(comm ? JSON.parse(comm.content) : {}),
        updatedAt: comm?.created_at ?? null,
        updatedBy: comm?.name ?? null,
      },
      regulation: {
        ...regulationProfileSchema.parse(reg ? JSON.parse(reg.content) : {}),
        updatedAt: reg?.created_at ?? null,
        updatedBy: reg?.name ?? null,
      },
    })
  }
  return out
}

/** A profile change is a new version; the earlier one stays and the audit row holds both. */
export async function updateProfile(
  db: DB,
  args: { studentId: string; kind: ProfileKind; profile: CommunicationProfile | RegulationProfile; actorId: string; now: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const previous = await trx
      .selectFrom('profile_versions')
      .select(['version', 'content'])
      .where('student_id', '=', args.studentId)
      .where('kind', '=', args.kind)
      .orderBy('version', 'desc')
      .executeTakeFirst()
    const id = randomUUID()
    await trx
      .insertInto('profile_versions')
      .values({
        id,
        student_id: args.studentId,
        kind: args.kind,
        version: (previous?.version ?? 0) + 1,
        content: JSON.stringify(args.profile),
        created_at: args.now.toISOString(),
        created_by: args.actorId,
      })
      .execute()
    await recordChange(trx, args, {
      entity: `${args.kind}_profile`,
      entityId: args.studentId,
      action: previous ? 'update' : 'create',
      before: previous ? JSON.parse(previous.content) : undefined,
      after: args.profile,
    })
  })
}
