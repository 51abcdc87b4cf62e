/**
 * How domain services reach live collaboration without importing it: the collaboration server registers here
 * when it starts and unregisters when it stops. Services call the hub after their transaction commits, so a
 * removed team member is cut off, and a server-side edit reaches open editors, at once.
 */
export interface CollabListener {
  /** A member left a student's team: close their sockets to that student's notebooks. */
  memberRemoved(studentId: string, userId: string): void
  /** A notebook was archived: close every socket to it. */
  notebookArchived(notebookId: string): void
  /** Someone signed out: close the sockets opened with that session (other tabs, other notebooks). */
  sessionEnded(sessionId: string): void
  /** A school admin switched the account off: close every socket of that person, whatever session opened it. */
  userDeactivated(userId: string): void
  /** Write any edits still queued in memory for the notebook, before a server-side edit reads the stored state. */
  flush(notebookId: string): Promise<void>
  /** A server-side edit (a restore) was stored: apply it to the live document, if one is open. */
  applyStored(notebookId: string, update: Uint8Array): void
}

const listeners = new Set<CollabListener>()

export function registerCollab(listener: CollabListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const collabHub = {
  memberRemoved(studentId: string, userId: string): void {
    for (const l of listeners) l.memberRemoved(studentId, userId)
  },
  notebookArchived(notebookId: string): void {
    for (const l of listeners) l.notebookArchived(notebookId)
  },
  sessionEnded(sessionId: string): void {
    for (const l of listeners) l.sessionEnded(sessionId)
  },
  userDeactivated(userId: string): void {
    for (const l of listeners) l.userDeactivated(userId)
  },
  async flush(notebookId: string): Promise<void> {
    await Promise.all([...listeners].map((l) => l.flush(notebookId)))
  },
  applyStored(notebookId: string, update: Uint8Array): void {
    for (const l of listeners) l.applyStored(notebookId, update)
  },
}
