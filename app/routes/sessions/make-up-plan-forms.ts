import type { MakeUpPlanIntent } from '#shared/schemas/make-up-plans.ts'

/** What a plan form's post answers: its message, or its errors beside its fields with what was typed. */
export type PlanActionData =
  | { ok: true; planIntent: MakeUpPlanIntent; target: string; message: string }
  | { ok: false; planIntent: MakeUpPlanIntent; target: string; message: string; fieldErrors: Record<string, string[]>; values: Record<string, string> }

/** The failure addressed to this plan form, or null. */
export function planFailureFor(result: PlanActionData | undefined, intent: MakeUpPlanIntent, target: string) {
  return result && !result.ok && result.planIntent === intent && result.target === target ? result : null
}

/** The success addressed to this plan form, or null. */
export function planSavedFor(result: PlanActionData | undefined, target: string): string | null {
  return result?.ok && result.target === target ? result.message : null
}
