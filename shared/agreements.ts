import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import type { IsoDate } from './school-date.ts'
import { isSchoolDay, type SchoolCalendar } from './school-day.ts'
import { addDays } from './school-date.ts'
import { concerns } from './i18n/en/concerns.ts'

addSections({ concerns })

/**
 * Agreements (docs/domain.md#agreements): when a concern ends with an agreement, each promised item with who does it
 * and by when, and the watch that follows it. Pure rules; the school's day (`today`) comes from the caller.
 */

export const AGREEMENT_KINDS = ['compensatory', 'extended_year', 'independent_evaluation', 'tutoring', 'plan_change', 'other'] as const
export type AgreementKind = (typeof AGREEMENT_KINDS)[number]

export const AGREEMENT_KIND_LABELS = catalogueLabels(AGREEMENT_KINDS, (kind) => t(`concerns.agreement.kind.${kind}`))

export const ITEM_STATES = ['due', 'done', 'late'] as const
export type ItemState = (typeof ITEM_STATES)[number]

export const ITEM_STATE_LABELS = catalogueLabels(ITEM_STATES, (state) => t(`concerns.agreement.state.${state}`))

/**
 * Done once marked done (whenever that was); otherwise due up to and including its day, and late from the school's
 * next day on. `today` is the school's own date (localIsoDate), not the reader's.
 */
export function itemState(item: { dueOn: IsoDate; doneOn: IsoDate | null }, today: IsoDate): ItemState {
  if (item.doneOn) return 'done'
  return today > item.dueOn ? 'late' : 'due'
}

/** How many school days after the agreement a new alert on a linked service reopens the concern. */
export const WATCH_SCHOOL_DAYS = 60

/** A year has under 400 days; counting school days never needs to look further. */
const MAX_WATCH_LOOKAHEAD = 400

/**
 * The last day of the watch: the WATCH_SCHOOL_DAYS-th school day strictly after the day of the agreement (weekends,
 * closures and days outside the school year do not count). When the school year ends first, the watch ends with the
 * year's last day; with no year set, every weekday that is not a closure counts.
 */
export function watchEnds(agreedOn: IsoDate, calendar: SchoolCalendar, schoolDays = WATCH_SCHOOL_DAYS): IsoDate {
  let d = agreedOn
  let counted = 0
  for (let i = 0; i < MAX_WATCH_LOOKAHEAD; i++) {
    d = addDays(d, 1)
    if (calendar.yearEnd && d > calendar.yearEnd) return calendar.yearEnd < agreedOn ? agreedOn : calendar.yearEnd
    if (isSchoolDay(d, calendar) && ++counted === schoolDays) return d
  }
  return d
}

/** Whether a concern agreed on `agreedOn` is watched on `today`: after the agreement's day, up to the watch's last day. */
export function isWatched(agreedOn: IsoDate, today: IsoDate, calendar: SchoolCalendar): boolean {
  return today > agreedOn && today <= watchEnds(agreedOn, calendar)
}

/** One promised item as a reader sees it: its state on the school's today. */
export interface AgreementItem {
  id: string
  kind: AgreementKind
  what: string
  /** A team member's name, or the words written for someone not on the team. */
  who: string
  whoUserId: string | null
  dueOn: IsoDate
  state: ItemState
  done: { on: IsoDate; byName: string } | null
}

export interface ConcernAgreement {
  agreedOn: IsoDate
  /** The last day of the watch (60 school days after the agreement), and whether today is in it. */
  watchEnds: IsoDate
  watched: boolean
  items: AgreementItem[]
  reopens: { date: IsoDate; serviceName: string }[]
}
