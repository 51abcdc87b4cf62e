/**
 * The history rule (docs/decisions/005-notes-collaboration.md): a notebook keeps one snapshot per day,
 * the whole document as it stood after that day's last stored edit. Days are the server's local calendar
 * days, like every other school date in the app, so "Tuesday's notes" means the teacher's Tuesday.
 */
export function snapshotDay(at: Date): string {
  const y = at.getFullYear()
  const m = String(at.getMonth() + 1).padStart(2, '0')
  const d = String(at.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/**
 * Whether a flush at `at` writes a new snapshot row (first stored edit of the day) or refreshes the day's
 * existing one. Days never merge: an edit just after midnight starts the next day's row.
 */
export function snapshotAction(lastSnapshotDay: string | null, at: Date): { day: string; kind: 'insert' | 'update' } {
  const day = snapshotDay(at)
  return { day, kind: lastSnapshotDay === day ? 'update' : 'insert' }
}
