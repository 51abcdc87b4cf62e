import { addDays, daysBetween, type IsoDate } from './school-date.ts'

/**
 * Records requests (docs/records.md#records-requests). FERPA gives a school 45 days to let a parent see their
 * child's education records; many states give fewer (some 10 or 14 days, some 5 business days). The school sets
 * its own number of calendar days, bounded so a typo cannot make a request due next decade.
 */
export const RECORDS_REQUEST_DAYS_DEFAULT = 45
export const RECORDS_REQUEST_DAYS_MIN = 1
export const RECORDS_REQUEST_DAYS_MAX = 90
/** A request that is due within this many days is shown as due soon. */
export const DUE_SOON_DAYS = 7
/** How far back a request may be logged: a year-old request is a complaint, not a date to count from. */
export const RECEIVED_MAX_DAYS_AGO = 366

export function requestDueOn(receivedOn: IsoDate, days: number): IsoDate {
  return addDays(receivedOn, days)
}

export type RequestState = 'fulfilled' | 'open' | 'dueSoon' | 'late'

export interface RequestStanding {
  state: RequestState
  /** Days from today to the due day: 0 on the due day, negative once late; null once fulfilled. */
  daysLeft: number | null
  /** For a fulfilled request: whether it was fulfilled after its due day. */
  fulfilledLate: boolean
}

/** Where a request stands on `today`. The due day itself still counts as in time. */
export function requestStanding(request: { dueOn: IsoDate; fulfilledOn: IsoDate | null }, today: IsoDate): RequestStanding {
  if (request.fulfilledOn) return { state: 'fulfilled', daysLeft: null, fulfilledLate: request.fulfilledOn > request.dueOn }
  const daysLeft = daysBetween(today, request.dueOn)
  const state: RequestState = daysLeft < 0 ? 'late' : daysLeft <= DUE_SOON_DAYS ? 'dueSoon' : 'open'
  return { state, daysLeft, fulfilledLate: false }
}

/** Why a received day cannot be logged, or null: never in the future, never more than a year back. */
export function receivedOnProblem(receivedOn: IsoDate, today: IsoDate): 'future' | 'tooOld' | null {
  if (receivedOn > today) return 'future'
  if (daysBetween(receivedOn, today) > RECEIVED_MAX_DAYS_AGO) return 'tooOld'
  return null
}
