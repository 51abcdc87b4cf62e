import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia'
import type { DB } from '#db/client.server.ts'
import { systemClock } from '../clock.server.ts'

/**
 * Lucia v3 adapter over Kysely (docs/decisions/001-lucia-over-kysely.md): the published SQLite adapter
 * pins an older better-sqlite3, and this keeps every query in one typed place.
 */
export class KyselyLuciaAdapter implements Adapter {
  constructor(private readonly db: DB) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db
      .selectFrom('auth_sessions')
      .innerJoin('users', 'users.id', 'auth_sessions.user_id')
      .select([
        'auth_sessions.id as session_id',
        'auth_sessions.expires_at',
        'users.id as user_id',
        'users.email',
        'users.name',
        'users.language',
      ])
      .where('auth_sessions.id', '=', sessionId)
      // A switched-off account (docs/people.md) has no session: whatever cookie it still holds reads as signed out.
      .where('users.deactivated_at', 'is', null)
      .executeTakeFirst()
    if (!row) return [null, null]
    return [
      { id: row.session_id, userId: row.user_id, expiresAt: new Date(row.expires_at * 1000), attributes: {} },
      { id: row.user_id, attributes: { email: row.email, name: row.name, language: row.language } },
    ]
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db
      .selectFrom('auth_sessions')
      .select(['id', 'user_id', 'expires_at'])
      .where('user_id', '=', userId)
      .execute()
    return rows.map((r) => ({ id: r.id, userId: r.user_id, expiresAt: new Date(r.expires_at * 1000), attributes: {} }))
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const a = session.attributes
    // Sign-in passes the request's clock; a session made any other way (a test's) starts on the app's clock.
    const at = a.created_at ?? systemClock().getTime()
    await this.db
      .insertInto('auth_sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        expires_at: toSeconds(session.expiresAt),
        created_at: at,
        last_seen_at: at,
        user_agent: a.user_agent ?? null,
        ip: a.ip ?? null,
        method: a.method ?? null,
      })
      .execute()
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('auth_sessions')
      .set({ expires_at: toSeconds(expiresAt) })
      .where('id', '=', sessionId)
      .execute()
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute()
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute()
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('expires_at', '<=', toSeconds(new Date())).execute()
  }
}

function toSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000)
}
