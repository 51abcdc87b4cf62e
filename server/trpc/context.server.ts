import type { DB } from '#db/client.server.ts'
import type { SessionUser } from '../auth/session.server.ts'
import { systemClock } from '../clock.server.ts'
import { twoStepSetUpOwed } from '../services/two-step.server.ts'

export interface Context {
  db: DB
  user: SessionUser | null
  now: () => Date
  /**
   * Whether a school requires two-step sign-in of the caller and it is not on yet (docs/two-step.md): asked once per
   * request, and only when a gate needs it. The tRPC gate refuses every procedure but the set-up's; pages redirect.
   */
  twoStepOwed: () => Promise<boolean>
}

/** Built per request by the HTTP adapter and the Remix load context, and directly by tests. */
export function createContext(args: { db: DB; user: SessionUser | null; now?: () => Date }): Context {
  const { db, user } = args
  let owed: Promise<boolean> | null = null
  const twoStepOwed = () => (owed ??= user ? twoStepSetUpOwed(db, user.id) : Promise.resolve(false))
  return { db, user, now: args.now ?? systemClock, twoStepOwed }
}
