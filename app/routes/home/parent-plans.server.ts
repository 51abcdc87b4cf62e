import type { AppLoadContext } from '@remix-run/node'
import { furthestBehindFirst, supportsNotProvidedThisWeek } from '#shared/plan-glance.ts'

/**
 * For each child the user is a parent of: the school's own accountability numbers (the same procedure the
 * student's "Is the plan happening?" page reads), services furthest behind first, and the supports recorded
 * "Not provided" this week.
 */
export async function parentPlans(context: AppLoadContext, children: readonly { id: string; name: string }[]) {
  return Promise.all(
    children.map(async (child) => {
      const [numbers, checks, planned] = await Promise.all([
        context.trpc.accountability.student({ studentId: child.id }),
        context.trpc.checks.log({ studentId: child.id }),
        context.trpc.sessions.plannedMakeUps({ studentId: child.id }),
      ])
      return {
        id: child.id,
        name: child.name,
        firstName: child.name.split(' ')[0] ?? child.name,
        services: furthestBehindFirst(numbers.services).map((s) => ({
          key: s.key,
          name: s.name,
          deliveryRate: s.deliveryRate,
          minutesPerSession: s.minutesPerSession,
          sessions: { madeUp: s.sessions.madeUp },
          ledger: s.ledger,
          // Planned, not yet held: shown beside the ledger, never counted in it.
          plannedMakeUps: planned.filter((p) => p.serviceKey === s.key).map((p) => ({ planId: p.planId, plannedDate: p.plannedDate, repaysDate: p.repaysDate })),
        })),
        supportsNotProvided: supportsNotProvidedThisWeek(checks, numbers.asOf),
      }
    }),
  )
}

export type ParentPlan = Awaited<ReturnType<typeof parentPlans>>[number]
