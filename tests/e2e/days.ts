/**
 * The days browser journeys run at, so no journey depends on the day the suite happens to run
 * (docs/decisions/008-one-clock.md). The demo is seeded on `schoolDay` (a Wednesday in a normal week);
 * the others are visited on that same demo through the test clock, except `summer`, which has a server
 * of its own seeded in the summer break. All times are UTC, as the test servers and browsers run in UTC.
 */
export const E2E_DAYS = {
  /** Wednesday 18 November 2026: an ordinary school day, the demo's seed day. */
  schoolDay: process.env.E2E_SCHOOL_DAY ?? '2026-11-18T10:00:00Z',
  saturday: '2026-11-21T10:00:00Z',
  sunday: '2026-11-22T18:00:00Z',
  /** Thanksgiving, a weekday the demo school is closed. */
  closure: '2026-11-26T10:00:00Z',
  /** Monday 31 August 2026, the demo school year's first day. */
  firstDay: '2026-08-31T10:00:00Z',
  /** Friday 18 June 2027, its last day. */
  lastDay: '2027-06-18T10:00:00Z',
  /** Wednesday 14 July 2027, in the summer break (the summer server is seeded on this day). */
  summer: '2027-07-14T10:00:00Z',
  /** Wednesday 8 September 2027: the next school year, which the demo school has not set up. */
  nextYear: '2027-09-08T10:00:00Z',
} as const
