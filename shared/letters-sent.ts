import { addSections, t } from './i18n/i18n.ts'
import { catalogueLabels } from './labels.ts'
import { isInstructionalDay } from './school-calendar.ts'
import { addDays, type IsoDate } from './school-date.ts'
import { letters } from './i18n/en/letters.ts'

addSections({ letters })

/**
 * Letters as sent records (docs/letters.md): a letter drafted from the concern log, sent by email through the app or
 * recorded as sent by hand, becomes an entry of the concern with a date by which an answer is due.
 */

export const LETTER_CHANNELS = ['email', 'paper', 'hand', 'school_email', 'other'] as const
export type LetterChannel = (typeof LETTER_CHANNELS)[number]
/** The channels a person records for a letter they sent themselves (email through the app is recorded by sending). */
export const BY_HAND_CHANNELS = ['paper', 'hand', 'school_email', 'other'] as const satisfies readonly LetterChannel[]
export type ByHandChannel = (typeof BY_HAND_CHANNELS)[number]

export const CHANNEL_LABELS = catalogueLabels(LETTER_CHANNELS, (channel) => t(`letters.channel.${channel}`))

/** A school answers a written request within 10 school days unless the sender gives it longer or shorter. */
export const RESPONSE_SCHOOL_DAYS = 10
/** The sender may set the due date between 1 and 60 school days after sending. */
export const MIN_RESPONSE_SCHOOL_DAYS = 1
export const MAX_RESPONSE_SCHOOL_DAYS = 60
export const MAX_RECIPIENTS = 5
export const LETTER_BODY_MAX = 10_000

/**
 * The school day `count` school days after `from` (not counting `from` itself): weekends and closures are skipped.
 * A closure run longer than a year still ends: the search stops after count × 4 + 400 calendar days.
 */
export function schoolDaysAfter(from: IsoDate, count: number, closures: ReadonlySet<IsoDate>): IsoDate {
  let d = from
  let left = Math.max(0, Math.floor(count))
  for (let guard = 0; left > 0 && guard < left * 4 + 400; guard++) {
    d = addDays(d, 1)
    if (isInstructionalDay(d, closures)) left--
  }
  return d
}

/** The default answer-by date: 10 school days after the letter went out. */
export function defaultResponseDue(sentOn: IsoDate, closures: ReadonlySet<IsoDate>): IsoDate {
  return schoolDaysAfter(sentOn, RESPONSE_SCHOOL_DAYS, closures)
}

/** The range a sender may choose the answer-by date in, both ends included. */
export function responseDueBounds(sentOn: IsoDate, closures: ReadonlySet<IsoDate>): { min: IsoDate; max: IsoDate } {
  return { min: schoolDaysAfter(sentOn, MIN_RESPONSE_SCHOOL_DAYS, closures), max: schoolDaysAfter(sentOn, MAX_RESPONSE_SCHOOL_DAYS, closures) }
}

/** Why a chosen answer-by date is refused, or null when it is within bounds. */
export function responseDueRefusal(dueOn: IsoDate, sentOn: IsoDate, closures: ReadonlySet<IsoDate>): string | null {
  const { min, max } = responseDueBounds(sentOn, closures)
  if (dueOn < min || dueOn > max) return t('letters.dueOutOfBounds', { min: MIN_RESPONSE_SCHOOL_DAYS, max: MAX_RESPONSE_SCHOOL_DAYS })
  return null
}

/** Why a hand-sent date is refused (not in the future, not before the concern was raised), or null. */
export function sentOnRefusal(sentOn: IsoDate, concernDate: IsoDate, today: IsoDate): string | null {
  if (sentOn > today) return t('letters.sentInFuture')
  if (sentOn < concernDate) return t('letters.sentBeforeConcern')
  return null
}

export interface LetterState {
  sentOn: IsoDate
  responseDueOn: IsoDate
  responseReceivedOn: IsoDate | null
}

/** Unanswered: no answer recorded and the due date has passed (the due day itself still counts as on time). */
export function letterOverdue(letter: LetterState, today: IsoDate): boolean {
  return letter.responseReceivedOn === null && today > letter.responseDueOn
}

/** The oldest letter still without an answer past its due date, or null. */
export function oldestOverdue<L extends LetterState>(letters: readonly L[], today: IsoDate): L | null {
  return [...letters].filter((l) => letterOverdue(l, today)).sort((a, b) => (a.sentOn < b.sentOn ? -1 : a.sentOn > b.sentOn ? 1 : 0))[0] ?? null
}

/** The next documented effort for an unanswered letter: follow up in writing, or go to the next step of the ladder. */
export function unansweredSuggestion(sentOnWords: string, nextStepTitle: string | null): string {
  return nextStepTitle ? t('letters.unansweredNext', { date: sentOnWords, next: nextStepTitle }) : t('letters.unanswered', { date: sentOnWords })
}
