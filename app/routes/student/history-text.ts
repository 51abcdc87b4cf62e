import { describeApplies } from '#shared/accommodation-schedule.ts'
import type { AuditEventKey } from '#shared/audit-events.ts'
import { describeRule } from '#shared/mastery.ts'
import { ROLE_LABELS, type TeamRole } from '#shared/roles.ts'
import { formatSchoolDate, isIsoDate } from '#shared/school-date.ts'
import {
  appliesSchema,
  masteryRuleSchema,
  PLAIN_PARTS,
  REGULATION_STATES,
  UNIT_LABELS,
  type GoalUnit,
  type RegulationState,
} from '#shared/schemas/plan.ts'
import { areaLabel, formatGoalValue, REGULATION_LABELS } from '#app/utils/plan-labels.ts'

interface Entry {
  actorName: string | null
  entity: string
  action: string
  before: unknown
  after: unknown
}

/** What the page knows beyond the entry, so a sentence can name the goal a data point belongs to. */
export interface HistoryContext {
  goals?: Record<string, { area: string; unit: GoalUnit }>
  studentFirstName?: string
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

function field(value: unknown, key: string): string | undefined {
  const v = record(value)?.[key]
  return typeof v === 'string' ? v : undefined
}

function num(value: unknown, key: string): number | undefined {
  const v = record(value)?.[key]
  return typeof v === 'number' ? v : undefined
}

function role(value: unknown): string {
  const r = field(value, 'role') as TeamRole | undefined
  return r && r in ROLE_LABELS ? ROLE_LABELS[r].toLowerCase() : 'member'
}

function schoolDate(value: string | undefined): string {
  return value && isIsoDate(value) ? formatSchoolDate(value) : 'an unknown date'
}

function profileName(entity: string): string {
  return entity === 'communication_profile' ? 'communication profile' : 'regulation profile'
}

function describeProgress(who: string, after: unknown, ctx: HistoryContext): string {
  const goal = ctx.goals?.[field(after, 'goalId') ?? '']
  const value = num(after, 'value')
  const valueText = value === undefined ? 'a data point' : goal ? formatGoalValue(value, goal.unit) : String(value)
  const regulation = field(after, 'regulation')
  const state =
    regulation && (REGULATION_STATES as readonly string[]).includes(regulation)
      ? `; ${ctx.studentFirstName ?? 'the student'} was ${REGULATION_LABELS[regulation as RegulationState].toLowerCase()}`
      : ''
  return `${who} recorded ${valueText} for ${goal ? `the ${goal.area} goal` : 'a goal'} on ${schoolDate(field(after, 'date'))}${state}.`
}

const CHECK_WORDS: Record<string, string> = { used: 'used', not_needed: 'not needed', not_provided: 'not provided', declined: 'declined' }

/** "Sam Ortiz recorded “Break card” as used on Tue, Nov 24 (late)." — and a change names what it was before. */
function describeCheck(who: string, action: string, before: unknown, after: unknown): string {
  const title = field(after, 'title') ?? 'a support'
  const status = CHECK_WORDS[field(after, 'status') ?? ''] ?? 'recorded'
  const reason = field(after, 'reason')
  const late = record(after)?.late === true ? ' (late)' : ''
  const was = CHECK_WORDS[field(before, 'status') ?? '']
  const change = action === 'update' && was ? `changed “${title}” from ${was} to ${status}` : `recorded “${title}” as ${status}`
  return `${who} ${change} on ${schoolDate(field(after, 'date'))}${late}${reason ? `: “${reason}”` : ''}${reason && /[.!?]$/.test(reason) ? '' : '.'}`
}

/** One plain sentence per audit entry, so a parent can read the team's history. */
export function describeHistoryEntry(entry: Entry, ctx: HistoryContext = {}): string {
  const who = entry.actorName ?? 'Someone'
  // Rows are typed by the union; an older row with another key still gets the plain fallback below.
  const key = `${entry.entity}.${entry.action}` as AuditEventKey
  switch (key) {
    case 'invite.create':
      return `${who} invited ${field(entry.after, 'email') ?? 'someone'} as ${role(entry.after)}.`
    case 'invite.revoke':
      return `${who} cancelled an invite.`
    case 'team_member.join':
      return `${who} joined the team as ${role(entry.after)}.`
    case 'team_member.remove':
      return `${who} removed ${field(entry.before, 'name') ?? 'a member'} (${role(entry.before)}) from the team.`
    case 'team_member.set_areas': {
      const areas = record(entry.after)?.areas
      const list = Array.isArray(areas) && areas.length ? areas.map(String).join(', ') : 'none'
      return `${who} set a provider’s goal areas to: ${list}.`
    }
    case 'user.create':
      return `${who} created an account.`
    case 'goal.create':
      return `${who} added ${field(entry.after, 'area') ? `a ${field(entry.after, 'area')} goal` : 'a goal'}.`
    case 'goal.update':
      return `${who} changed ${field(entry.after, 'area') ? `the ${field(entry.after, 'area')} goal` : 'a goal'}.`
    case 'goal.update_plain':
      return `${who} rewrote the plain-language summary of a goal.`
    case 'communication_profile.create':
    case 'regulation_profile.create':
      return `${who} wrote the ${profileName(entry.entity)}.`
    case 'communication_profile.update':
    case 'regulation_profile.update':
      return `${who} updated the ${profileName(entry.entity)}.`
    case 'accommodation.create': {
      const applies = appliesSchema.safeParse(record(entry.after)?.applies)
      const when = applies.success ? ` (${describeApplies(applies.data).toLowerCase()})` : ''
      return `${who} added the accommodation “${field(entry.after, 'title') ?? 'untitled'}”${when}.`
    }
    case 'accommodation.update':
      return `${who} changed the accommodation “${field(entry.after, 'title') ?? field(entry.before, 'title') ?? 'untitled'}”.`
    case 'progress_point.create':
      return describeProgress(who, entry.after, ctx)
    case 'accommodation_check.create':
    case 'accommodation_check.update':
      return describeCheck(who, entry.action, entry.before, entry.after)
    case 'progress_point.void': {
      const value = num(entry.before, 'value') ?? num(entry.after, 'value')
      const reason = field(entry.after, 'reason')
      const sentence = `${who} voided the data point${value === undefined ? '' : ` of ${value}`} from ${schoolDate(
        field(entry.before, 'date') ?? field(entry.after, 'date'),
      )}`
      // The reason is quoted as written; a closing full stop inside the quotes ends the sentence.
      return reason ? `${sentence}: “${reason}”${/[.!?]$/.test(reason) ? '' : '.'}` : `${sentence}.`
    }
    case 'notebook.create':
      return `${who} started the notebook “${field(entry.after, 'title') ?? 'untitled'}”.`
    case 'notebook.rename':
      return `${who} renamed the notebook “${field(entry.before, 'title') ?? 'untitled'}” to “${field(entry.after, 'title') ?? 'untitled'}”.`
    case 'notebook.archive':
      return `${who} archived the notebook “${field(entry.after, 'title') ?? 'untitled'}”.`
    case 'notebook.restore':
      return `${who} restored the notebook “${field(entry.after, 'title') ?? 'untitled'}” to how it was on ${schoolDate(field(entry.after, 'restoredDay'))}.`
    case 'concern.create':
      return `${who} logged a concern: “${field(entry.after, 'issue') ?? ''}”.`
    case 'concern.update':
      return `${who} edited a concern (the earlier wording is kept as a version).`
    case 'concern.add_contact':
      return `${who} added a contact to a concern.`
    case 'concern.add_response':
      return `${who} added a response to a concern.`
    case 'concern.link':
      return `${who} linked records to a concern.`
    case 'concern.escalate': {
      const step = num(entry.after, 'step')
      return `${who} moved a concern up the escalation ladder${step === undefined ? '' : ` to step ${step}`}.`
    }
    case 'session_dispute.dispute':
    case 'check_dispute.dispute':
      return `${who} flagged ${entry.entity === 'session_dispute' ? 'a session record' : 'an accommodation record'} as disputed: “${field(entry.after, 'comment') ?? ''}”.`
    case 'session_dispute.withdraw':
    case 'check_dispute.withdraw':
      return `${who} withdrew a dispute on ${entry.entity === 'session_dispute' ? 'a session record' : 'an accommodation record'}.`
    // Events the history names plainly: "Who: entity action."
    case 'auth.sign_in':
    case 'auth.sign_in.failed':
    case 'auth.sign_in.spray_alert':
    case 'auth.sign_out':
    case 'notification.create':
    case 'notification.seen':
    case 'school_closure.create':
    case 'school_closure.remove':
    case 'school_policy.update':
    case 'service.create':
    case 'service.amend':
    case 'session_record.create':
    case 'session_record.correct':
    case 'session_record.void':
    case 'student.import':
    case 'team_member.add':
      return plainSentence(who, entry)
    default: {
      // An event added to shared/audit-events.ts without a case here fails the typecheck.
      const _unlisted: never = key
      return plainSentence(who, entry)
    }
  }
}

function plainSentence(who: string, entry: Entry): string {
  return `${who}: ${entry.entity.replaceAll('_', ' ')} ${entry.action.replaceAll('_', ' ')}.`
}

// Changes -----------------------------------------------------------------------------------------------

export interface FieldChange {
  key: string
  label: string
  before: string
  after: string
}

const FIELD_LABELS: Record<string, string> = {
  area: 'Area',
  officialText: 'Official goal text',
  baseline: 'Baseline',
  target: 'Target',
  unit: 'Measured in',
  mastery: 'Counts as met when',
  title: 'Title',
  description: 'Plain description',
  category: 'Category',
  applies: 'When it applies',
  startDate: 'Start date',
  howTheyCommunicate: 'How they communicate',
  givingInstructions: 'How to give an instruction',
  wordsThatMatter: 'Words or symbols that matter',
  earlySigns: 'Early signs of stress',
  whatHelps: 'What helps',
  whatToAvoid: 'What to avoid',
  calmPlace: 'Where to calm down',
  areas: 'Goal areas',
}

const UNIT_WORDS: Record<string, string> = { percent: 'percent', minutes: 'minutes', count: 'number of times' }

const DIFFED = new Set<AuditEventKey>([
  'goal.update',
  'goal.update_plain',
  'communication_profile.update',
  'regulation_profile.update',
  'accommodation.update',
  'team_member.set_areas',
])

function plainText(key: string, value: unknown, unit: string): string {
  if (value === undefined || value === null || value === '') return '(empty)'
  if (key === 'mastery') {
    const rule = masteryRuleSchema.safeParse(value)
    return rule.success ? describeRule(rule.data, unit) : JSON.stringify(value)
  }
  if (key === 'applies') {
    const applies = appliesSchema.safeParse(value)
    return applies.success ? describeApplies(applies.data) : JSON.stringify(value)
  }
  if (key === 'unit' && typeof value === 'string') return UNIT_WORDS[value] ?? value
  if (key === 'area' && typeof value === 'string') return areaLabel(value)
  if (key === 'startDate' && typeof value === 'string') return schoolDate(value)
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '(none)'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function unitOf(entry: Entry): string {
  const u = field(entry.after, 'unit') ?? field(entry.before, 'unit')
  return u && u in UNIT_LABELS ? UNIT_LABELS[u as GoalUnit] : ''
}

/**
 * For updates to the plan (goal, profile, accommodation, a provider's areas): the fields whose values
 * differ, before → after, in plain words. Other entries, and creations, have no "before" to compare.
 */
export function describeChanges(entry: Entry): FieldChange[] {
  if (!DIFFED.has(`${entry.entity}.${entry.action}` as AuditEventKey)) return []
  const before = record(entry.before) ?? {}
  const after = record(entry.after) ?? {}
  const unit = unitOf(entry)
  const changes: FieldChange[] = []
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'plain') {
      const b = record(before.plain) ?? {}
      const a = record(after.plain) ?? {}
      for (const part of PLAIN_PARTS) {
        if (JSON.stringify(b[part.key]) !== JSON.stringify(a[part.key])) {
          changes.push({ key: `plain.${part.key}`, label: part.label, before: plainText(part.key, b[part.key], unit), after: plainText(part.key, a[part.key], unit) })
        }
      }
      continue
    }
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue
    changes.push({ key, label: FIELD_LABELS[key] ?? key, before: plainText(key, before[key], unit), after: plainText(key, after[key], unit) })
  }
  return changes
}
