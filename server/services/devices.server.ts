import { createHash } from 'node:crypto'
import type { DB } from '#db/client.server.ts'
import { deviceName, type DeviceName } from '#shared/device-name.ts'
import { sessionEnded } from '#shared/session-limits.ts'
import { limitsForUser } from '../auth/session-limits.server.ts'
import { recordAudit } from './audit.server.ts'
import { collabHub } from './collab-hub.server.ts'

/**
 * A person's signed-in devices (their live sessions). A session id is the key to the account, so the page never
 * sees one: each device is named by a short hash of it, which opens nothing.
 */
export interface Device {
  handle: string
  current: boolean
  name: DeviceName
  method: string | null
  ip: string | null
  createdAt: number
  lastSeenAt: number
}

export function deviceHandle(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex').slice(0, 16)
}

/** Every session of the person still within its limits at `now`, this device first, then the most recently used. */
export async function listDevices(db: DB, args: { userId: string; currentSessionId: string | null; now: Date }): Promise<Device[]> {
  const [rows, limits] = await Promise.all([
    db.selectFrom('auth_sessions').select(['id', 'created_at', 'last_seen_at', 'user_agent', 'ip', 'method']).where('user_id', '=', args.userId).limit(200).execute(),
    limitsForUser(db, args.userId),
  ])
  return rows
    .filter((r) => r.id === args.currentSessionId || !sessionEnded(limits, r.created_at, r.last_seen_at, args.now.getTime()))
    .map((r) => ({
      handle: deviceHandle(r.id),
      current: r.id === args.currentSessionId,
      name: deviceName(r.user_agent),
      method: r.method,
      ip: r.ip,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt)
}

/**
 * Signs out one of the person's devices (never another person's: the handle is looked up among their own sessions).
 * Its notebook sockets close at once. False when no such device is signed in.
 */
export async function signOutDevice(db: DB, args: { userId: string; handle: string; client: string; now: Date }): Promise<boolean> {
  const sessions = await db.selectFrom('auth_sessions').select('id').where('user_id', '=', args.userId).limit(200).execute()
  const target = sessions.find((s) => deviceHandle(s.id) === args.handle)
  if (!target) return false
  await db.deleteFrom('auth_sessions').where('id', '=', target.id).where('user_id', '=', args.userId).execute()
  collabHub.sessionEnded(target.id)
  await recordAudit(db, { actorId: args.userId, entity: 'auth', entityId: args.userId, action: 'device_signed_out', after: { client: args.client }, at: args.now })
  return true
}

/** Signs out every device but this one; how many. */
export async function signOutOtherDevices(db: DB, args: { userId: string; currentSessionId: string; client: string; now: Date }): Promise<number> {
  const others = await db.selectFrom('auth_sessions').select('id').where('user_id', '=', args.userId).where('id', '!=', args.currentSessionId).execute()
  if (others.length === 0) return 0
  await db.deleteFrom('auth_sessions').where('user_id', '=', args.userId).where('id', '!=', args.currentSessionId).execute()
  for (const s of others) collabHub.sessionEnded(s.id)
  await recordAudit(db, { actorId: args.userId, entity: 'auth', entityId: args.userId, action: 'device_signed_out', after: { client: args.client, count: others.length }, at: args.now })
  return others.length
}

/** The name a person's teams see; the history keeps the old one. */
export async function changeName(db: DB, args: { userId: string; name: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').select('name').where('id', '=', args.userId).executeTakeFirstOrThrow()
    if (before.name === args.name) return
    await trx.updateTable('users').set({ name: args.name }).where('id', '=', args.userId).execute()
    await recordAudit(trx, { actorId: args.userId, entity: 'auth', entityId: args.userId, action: 'name_change', before: { name: before.name }, after: { name: args.name }, at: args.now })
  })
}
