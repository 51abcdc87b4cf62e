import { addDays, type IsoDate, weekdayOf } from './school-date.ts'

/**
 * The Monday of the week `date` falls in. Weeks run Monday to Sunday, so a Saturday or a Sunday belongs
 * to the school week that has just ended: on a weekend, "this week" is the week a provider still records.
 */
export function mondayOf(date: IsoDate): IsoDate {
  const offset = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 }[weekdayOf(date)]
  return addDays(date, -offset)
}

/** Whether the week starting `weekOf` (a Monday) is the week `today` falls in, weekends included. */
export function isWeekOf(weekOf: IsoDate, today: IsoDate): boolean {
  return mondayOf(weekOf) === mondayOf(today)
}
