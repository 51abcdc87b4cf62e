import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { asOfProblem } from '#shared/schemas/dates.ts'
import { type IsoDate, localIsoDate } from '#shared/school-date.ts'

/**
 * Refuses a request as BAD_REQUEST naming `field`, with a ZodError cause so the error formatter lists it under
 * `fieldErrors` like any other input error. (A bare ZodError is not an Error in zod 4: tRPC would make it a 500.)
 */
export function refuseField(field: string, message: string): never {
  const issues: z.core.$ZodIssue[] = [{ code: 'custom', path: [field], message, input: undefined }]
  throw new TRPCError({ code: 'BAD_REQUEST', message, cause: new z.ZodRealError(issues) })
}

/**
 * A day to show "as of": the input when given, else today (from the request's clock). Later than a school
 * year from today is refused: nothing is planned that far ahead, and a far date only costs time.
 */
export function viewDate(date: IsoDate | undefined, field: string, now: () => Date): IsoDate {
  const today = localIsoDate(now())
  if (date === undefined) return today
  const problem = asOfProblem(date, today)
  if (problem) refuseField(field, problem)
  return date
}
