import { formatSchoolDate } from '#shared/school-date.ts'
import { CHECK_LABELS } from '#shared/schemas/today.ts'
import type { RefusedCheck } from './use-check-sync.ts'

/**
 * What this phone still holds. Always rendered (empty when there is nothing to say) so screen readers
 * announce the count as it changes; the words say the changes are safe, not lost.
 */
export function SyncStatus({
  waiting,
  sentThisVisit,
  refusedThisVisit,
  signedOut,
  memoryOnly,
  signInHref,
}: {
  waiting: number
  sentThisVisit: number
  refusedThisVisit: number
  signedOut: boolean
  memoryOnly: boolean
  signInHref: string
}) {
  const changes = `${waiting} ${waiting === 1 ? 'change' : 'changes'}`
  return (
    <div role="status" aria-label="Changes on this phone">
      {waiting > 0 ? (
        <div className="space-y-1 rounded-md border-2 border-amber-500 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">{changes} waiting to sync</p>
          <p className="text-sm">
            {memoryOnly
              ? 'This browser would not keep them on the phone: keep this page open until they are sent.'
              : 'They are kept on this phone and sent as soon as there is a connection.'}
          </p>
          {signedOut ? (
            <p className="text-sm font-medium">
              You were signed out.{' '}
              <a href={signInHref} className="underline">
                Sign in again
              </a>{' '}
              on this phone to send them.
            </p>
          ) : null}
        </div>
      ) : refusedThisVisit > 0 ? (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          Nothing is waiting to sync, but {refusedThisVisit === 1 ? '1 change was' : `${refusedThisVisit} changes were`} not saved: see why
          beside {refusedThisVisit === 1 ? 'it' : 'each'}.
        </p>
      ) : sentThisVisit > 0 ? (
        <p className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">All changes saved.</p>
      ) : null}
    </div>
  )
}

/** Refusals about a day other than the one on screen: said here, so none is lost from sight. */
export function RefusedElsewhere({ refused }: { refused: readonly RefusedCheck[] }) {
  if (refused.length === 0) return null
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">{refused.length === 1 ? 'A change was not saved' : `${refused.length} changes were not saved`}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {refused.map(({ item, message }) => (
          <li key={item.clientId}>
            {item.studentName}, {item.title} on {formatSchoolDate(item.date)} ({CHECK_LABELS[item.status]}): {message}
          </li>
        ))}
      </ul>
    </div>
  )
}
