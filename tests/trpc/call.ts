import { TRPCError } from '@trpc/server'
import type { AppCaller } from '#server/trpc/_app.server.ts'

/** Calls a procedure by its dotted path (`team.invite`), the way the router-walking tests need to. */
export function callByPath(caller: AppCaller, path: string, input?: unknown): Promise<unknown> {
  let target: unknown = caller
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key]
  if (typeof target !== 'function') throw new Error(`No procedure at ${path}`)
  return (target as (input?: unknown) => Promise<unknown>)(input)
}

/** Resolves to the TRPCError the call failed with; fails the test if the call succeeded or threw something else. */
export async function trpcError(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call
  } catch (error) {
    if (error instanceof TRPCError) return error
    throw error
  }
  throw new Error('Expected the call to be refused, but it succeeded.')
}
