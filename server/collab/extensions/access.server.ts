import type { IncomingMessage } from 'node:http'
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server'
import type { DB } from '#db/client.server.ts'
import { CLOSE_ARCHIVED, CLOSE_REASON_SWITCHED_OFF, CLOSE_REMOVED, CLOSE_SIGNED_OUT } from '#shared/notes/collab-protocol.ts'
import { notebookAccess } from '#shared/permissions.ts'
import type { AppLucia } from '../../auth/lucia.server.ts'
import { isAllowedSocketOrigin } from '../../auth/origin.server.ts'
import { readSession } from '../../auth/session.server.ts'
import { checkSession } from '../../auth/session-limits.server.ts'
import { resolveStudentAccess } from '../../services/memberships.server.ts'
import { type OpenSockets, Refusal, type SocketInfo } from '../sockets.server.ts'

/** An upgrade the gate turns away: the HTTP status it is answered with. */
export type Turned = { status: 401 | 403 | 404 | 410; text: string }

const UNAUTHORIZED: Turned = { status: 401, text: 'Unauthorized' }
const NOT_FOUND: Turned = { status: 404, text: 'Not Found' }
const GONE: Turned = { status: 410, text: 'Gone' }

/**
 * Who may hold a notebook open: a socket is admitted for one notebook of a student whose team the session's
 * person is on, read-only unless their role edits notes, and closed when they are removed from the team, sign
 * out or the notebook is archived.
 */
export class NotebookAccessGate implements Extension {
  extensionName = 'same-page-access'
  // A removal that lands while an upgrade is being checked must still win: upgrades compare sequence numbers.
  private removalSeq = 0
  private readonly lastRemoval = new Map<string, number>()
  // The same for a sign-out and an archive: either can land while an upgrade awaits the session or the team, and the
  // socket would then open on a session that no longer exists or a notebook closed for editing. Only upgrades in
  // flight need these, so entries are dropped after a minute.
  private readonly lastSessionEnd = new Map<string, number>()
  private readonly lastArchive = new Map<string, number>()
  private readonly lastDeactivation = new Map<string, number>()

  constructor(private readonly o: { db: DB; lucia: AppLucia; sockets: OpenSockets; clockFor: (cookieHeader: string | undefined) => () => Date }) {}

  async onAuthenticate({ documentName, context, connectionConfig }: onAuthenticatePayload) {
    const info = context as SocketInfo
    // A socket is opened for one notebook; it cannot be reused to reach another.
    if (documentName !== info.notebookId) throw new Refusal('forbidden')
    connectionConfig.readOnly = info.access !== 'edit'
    return { user: { id: info.userId, name: info.userName } }
  }

  /** Checks an upgrade to /collab/:notebookId: who is asking, and what they may do with this notebook. */
  async admit(request: IncomingMessage, notebookId: string): Promise<{ info: SocketInfo } | { turned: Turned }> {
    if (!isAllowedSocketOrigin(request.headers.origin, request.headers.host)) return { turned: { status: 403, text: 'Forbidden' } }
    const seq = this.removalSeq
    const { user, sessionId } = await readSession(this.o.lucia, request.headers.cookie)
    if (!user) return { turned: UNAUTHORIZED }
    const { db } = this.o
    const now = this.o.clockFor(request.headers.cookie)
    // Opening a notebook is activity; a session past its limits opens nothing.
    if ((await checkSession(db, { sessionId, userId: user.id, now: now(), touch: true })).ended) return { turned: UNAUTHORIZED }
    const notebook = await db.selectFrom('notebooks').select(['id', 'student_id', 'archived_at']).where('id', '=', notebookId).executeTakeFirst()
    const access = notebook ? await resolveStudentAccess(db, user.id, notebook.student_id, now()) : null
    const level = access ? notebookAccess(access.role) : 'none'
    // Not on the team and no such notebook look the same: nothing is revealed about either.
    if (!notebook || level === 'none') return { turned: NOT_FOUND }
    if (notebook.archived_at) return { turned: GONE }
    if ((this.lastRemoval.get(`${notebook.student_id}:${user.id}`) ?? 0) > seq) return { turned: NOT_FOUND }
    if ((this.lastSessionEnd.get(sessionId) ?? 0) > seq) return { turned: UNAUTHORIZED }
    if ((this.lastArchive.get(notebookId) ?? 0) > seq) return { turned: GONE }
    if ((this.lastDeactivation.get(user.id) ?? 0) > seq) return { turned: UNAUTHORIZED }
    return { info: { userId: user.id, userName: user.name, sessionId, studentId: notebook.student_id, notebookId, access: level, now } }
  }

  memberRemoved(studentId: string, userId: string): void {
    this.lastRemoval.set(`${studentId}:${userId}`, ++this.removalSeq)
    this.o.sockets.closeWhere((info) => info.studentId === studentId && info.userId === userId, CLOSE_REMOVED, 'removed-from-team')
  }

  notebookArchived(notebookId: string): void {
    this.remember(this.lastArchive, notebookId)
    this.o.sockets.closeWhere((info) => info.notebookId === notebookId, CLOSE_ARCHIVED, 'archived')
  }

  sessionEnded(sessionId: string): void {
    this.remember(this.lastSessionEnd, sessionId)
    this.o.sockets.closeWhere((info) => info.sessionId === sessionId, CLOSE_SIGNED_OUT, 'signed-out')
  }

  /** Switched off by a school admin: every socket of the person closes, and an upgrade in flight is turned away. */
  userDeactivated(userId: string): void {
    this.remember(this.lastDeactivation, userId)
    this.o.sockets.closeWhere((info) => info.userId === userId, CLOSE_SIGNED_OUT, CLOSE_REASON_SWITCHED_OFF)
  }

  private remember(map: Map<string, number>, key: string) {
    const seq = ++this.removalSeq
    map.set(key, seq)
    setTimeout(() => {
      if (map.get(key) === seq) map.delete(key)
    }, 60_000).unref()
  }
}
