import type { GoalUnit, MasteryRule } from '../schemas/plan.ts'

/**
 * plan@1 goals carry a baseline and a target as written ("1 of 5", "80%", "10 minutes"), not the app's unit and
 * mastery rule. The import reads them from the target — a percent sign means percent, "minutes" means minutes,
 * anything else is a count — with the target's first number as the value a session must reach, 3 sessions in a
 * row. The case manager can change both on the goal's page; docs/import-format.md says so.
 */
export function measureFromTarget(target: string): { unit: GoalUnit; mastery: MasteryRule } {
  const unit: GoalUnit = /%|\bpercent\b/i.test(target) ? 'percent' : /\bmin(?:ute)?s?\b/i.test(target) ? 'minutes' : 'count'
  const first = target.match(/\d+(?:\.\d+)?/)
  const fallback = unit === 'percent' ? 80 : 1
  const threshold = first ? Math.min(10000, Number(first[0])) : fallback
  return { unit, mastery: { threshold, consecutive: 3, independentOnly: false } }
}
