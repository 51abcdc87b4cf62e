import type { DB } from '#db/client.server.ts'
import type { SessionUser } from '../auth/session.server.ts'
import { systemClock } from '../clock.server.ts'

export interface Context {
  db: DB
  user: SessionUser | null
  now: () => Date
}

/** Built per request by the HTTP adapter and the Remix load context, and directly by tests. */
export function createContext(args: { db: DB; user: SessionUser | null; now?: () => Date }): Context {
  return { db: args.db, user: args.user, now: args.now ?? systemClock }
}
