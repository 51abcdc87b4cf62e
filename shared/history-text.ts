import { describeApplies } from '#shared/accommodation-schedule.ts'
import { OWNER_KINDS } from '#shared/attachments.ts'
import type { AuditEventKey } from '#shared/audit-events.ts'
import { describeRule } from '#shared/mastery.ts'
import { EFFECT_KIND_LABELS, EFFECT_KINDS } from '#shared/effects.ts'
import { ROLE_LABELS, type TeamRole } from '#shared/roles.ts'
import { isIsoDate } from '#shared/school-date.ts'
import { lowerFirst } from '#shared/notifications.ts'
import { MISS_REASONS, REASON_LABELS, type MissReason } from '#shared/services.ts'
import { addSections, isLanguage, t } from '#shared/i18n/i18n.ts'
import type { EventActionKey } from './i18n/en/history.ts'
import { formatDay, formatNumber } from '#shared/i18n/format.ts'
import {
  appliesSchema,
  GOAL_UNITS,
  masteryRuleSchema,
  PLAIN_PARTS,
  REGULATION_STATES,
  UNIT_LABELS,
  type GoalUnit,
} from '#shared/schemas/plan.ts'
import { areaLabel, formatGoalValue, REGULATION_LABELS } from './plan-labels.ts'
import { history } from './i18n/en/history.ts'
import { iepCalendar } from './i18n/en/iepCalendar.ts'
import { languages } from './i18n/en/languages.ts'

addSections({ history, iepCalendar, languages })

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

/** Narrows a stored string to one of a list's values (rows written by older versions may hold others). */
function isOneOf<T extends string>(list: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (list as readonly string[]).includes(value)
}

function effectKind(kind: string | undefined): string {
  return isOneOf(EFFECT_KINDS, kind) ? EFFECT_KIND_LABELS[kind].toLowerCase() : (kind ?? '')
}

function role(value: unknown): string {
  const r = field(value, 'role') as TeamRole | undefined
  return r && r in ROLE_LABELS ? ROLE_LABELS[r].toLowerCase() : t('history.member')
}

function schoolDate(value: string | undefined): string {
  return value && isIsoDate(value) ? formatDay(value) : t('history.unknownDate')
}

/** The language a translation was written in, named in the reader's language ("in Spanish"). */
function languageName(value: unknown): string {
  const language = field(value, 'language')
  return isLanguage(language) ? t(`languages.name.${language}`) : (language ?? '')
}

function titleOf(value: unknown): string {
  return field(value, 'title') ?? t('history.untitled')
}

/** The catalogue key of an event's sentence: one per event in shared/audit-events.ts. */
type EventKey<K extends AuditEventKey> = K extends `${infer E}.${infer A}` ? `history.event.${E}.${EventActionKey<A>}` : never

function eventKey<K extends AuditEventKey>(key: K): EventKey<K> {
  const [entity, ...action] = key.split('.')
  return `history.event.${entity}.${action.join('_')}` as EventKey<K>
}

/** A quoted reason ends the sentence; a reason that ends with its own full stop keeps it inside the quotes. */
function withReason(sentence: string, reason: string | undefined): string {
  if (!reason) return t('history.fullStop', { sentence })
  return /[.!?]$/.test(reason) ? t('history.withReasonEnded', { sentence, reason }) : t('history.withReason', { sentence, reason })
}

function describeProgress(who: string, after: unknown, ctx: HistoryContext): string {
  const goal = ctx.goals?.[field(after, 'goalId') ?? '']
  const value = num(after, 'value')
  const valueText = value === undefined ? t('history.aDataPoint') : goal ? formatGoalValue(value, goal.unit) : formatNumber(value)
  const regulation = field(after, 'regulation')
  const state =
    isOneOf(REGULATION_STATES, regulation)
      ? t('history.regulationState', {
          name: ctx.studentFirstName ?? t('history.theStudent'),
          state: REGULATION_LABELS[regulation].toLowerCase(),
        })
      : ''
  return t(eventKey('progress_point.create'), {
    who,
    value: valueText,
    goal: goal ? t('history.theAreaGoal', { area: goal.area }) : t('history.aGoal'),
    date: schoolDate(field(after, 'date')),
    state,
  })
}

// `cleared` is an undo (issue 15): the day back to not recorded.
const CHECK_STATUSES = ['used', 'not_needed', 'not_provided', 'declined', 'cleared'] as const

function checkWord(status: string | undefined): string | undefined {
  return isOneOf(CHECK_STATUSES, status) ? t(`history.check.${status}`) : undefined
}

/** "Sam Ortiz recorded “Break card” as used on Tue, Nov 24 (late)." — and a change names what it was before. */
function describeCheck(who: string, action: string, before: unknown, after: unknown): string {
  const title = field(after, 'title') ?? t('history.aSupport')
  const status = checkWord(field(after, 'status')) ?? t('history.check.recorded')
  const late = record(after)?.late === true ? t('history.late') : ''
  const was = checkWord(field(before, 'status'))
  const date = schoolDate(field(after, 'date'))
  const sentence =
    action === 'update' && was
      ? t(eventKey('accommodation_check.update'), { who, title, was, status, date, late })
      : t(eventKey('accommodation_check.create'), { who, title, status, date, late })
  return withReason(sentence, field(after, 'reason'))
}

/** A service named as people say it: "speech-language therapy", "ABA therapy". */
function serviceName(value: unknown, fallback: string): string {
  const name = field(value, 'service') ?? field(value, 'name')
  return name ? lowerFirst(name) : fallback
}

/** "Priya Shah added the service speech-language therapy, 30 min a session from Mon, Aug 31." */
function describeService(who: string, action: 'create' | 'amend', after: unknown): string {
  const minutes = num(after, 'minutesPerSession')
  const from = field(after, action === 'create' ? 'startDate' : 'effectiveFrom')
  const detail =
    minutes === undefined
      ? ''
      : t(action === 'create' ? 'history.sentenceParts.serviceCreated' : 'history.sentenceParts.serviceAmended', { minutes: formatNumber(minutes), date: schoolDate(from) })
  const service = serviceName(after, t('history.sentenceParts.aService'))
  if (action === 'create') return t(eventKey('service.create'), { who, service, detail })
  return withReason(t(eventKey('service.amend'), { who, service, detail }), field(after, 'note') ?? undefined)
}

/** What a session came to, in the words of the sentence: "delivered, 30 min", "missed (provider absent)". */
function sessionOutcome(after: unknown): string {
  const minutes = num(after, 'minutes')
  const reason = field(after, 'reason')
  const repays = field(after, 'repaysDate')
  switch (field(after, 'kind')) {
    case 'delivered':
      return minutes === undefined ? t('history.sentenceParts.deliveredNoMinutes') : t('history.sentenceParts.delivered', { minutes: formatNumber(minutes) })
    case 'missed':
      return t('history.sentenceParts.missed', { reason: isOneOf(MISS_REASONS, reason) ? lowerFirst(REASON_LABELS[reason]) : t('history.sentenceParts.unknownReason') })
    case 'make_up':
      return repays && isIsoDate(repays)
        ? t('history.sentenceParts.makeUp', { minutes: formatNumber(minutes ?? 0), repays: formatDay(repays) })
        : t('history.sentenceParts.makeUpNoDay', { minutes: formatNumber(minutes ?? 0) })
    default:
      return t('history.check.recorded')
  }
}

/** "Priya Shah recorded speech-language therapy on Tue, Dec 1 as delivered, 30 min." — a correction says why. */
function describeSession(who: string, action: 'create' | 'correct' | 'void', after: unknown): string {
  const words = { who, service: serviceName(after, t('history.sentenceParts.aSession')), date: schoolDate(field(after, 'date')), outcome: sessionOutcome(after) }
  if (action === 'create') return t(eventKey('session_record.create'), words)
  const sentence = action === 'void' ? t(eventKey('session_record.void'), words) : t(eventKey('session_record.correct'), words)
  return withReason(sentence, field(after, 'changeReason'))
}

/** "Priya Shah planned a make-up of speech for Tue, Dec 8, for the missed session of Thu, Nov 12." — a change says why. */
function describeMakeUpPlan(who: string, action: 'plan' | 'move' | 'cancel' | 'close', after: unknown): string {
  const words = { who, service: serviceName(after, t('history.sentenceParts.aSession')), date: schoolDate(field(after, 'plannedDate')), repays: schoolDate(field(after, 'repaysDate')) }
  const sentence = t(eventKey(`make_up_plan.${action}`), words)
  return action === 'move' || action === 'cancel' ? withReason(sentence, field(after, 'changeReason')) : sentence
}

/** One plain sentence per audit entry, so a parent can read the team's history. */
export function describeHistoryEntry(entry: Entry, ctx: HistoryContext = {}): string {
  const who = entry.actorName ?? t('history.someone')
  // Rows are typed by the union; an older row with another key still gets the plain fallback below.
  const key = `${entry.entity}.${entry.action}` as AuditEventKey
  const area = field(entry.after, 'area')
  switch (key) {
    case 'invite.create':
      return t(eventKey(key), { who, email: field(entry.after, 'email') ?? t('history.someoneInvited'), role: role(entry.after) })
    case 'team_member.join':
      return t(eventKey(key), { who, role: role(entry.after) })
    case 'team_member.remove':
      return t(eventKey(key), { who, name: field(entry.before, 'name') ?? t('history.aMember'), role: role(entry.before) })
    case 'team_member.set_areas': {
      const areas = record(entry.after)?.areas
      return t(eventKey(key), { who, areas: Array.isArray(areas) && areas.length ? areas.map(String).join(', ') : t('history.noAreas') })
    }
    case 'goal.create':
      return t(eventKey(key), { who, goal: area ? t('history.anAreaGoal', { area }) : t('history.aGoal') })
    case 'goal.update':
      return t(eventKey(key), { who, goal: area ? t('history.theAreaGoal', { area }) : t('history.aGoal') })
    case 'goal.end':
      return t(eventKey(key), { who, goal: area ? t('history.theAreaGoal', { area }) : t('history.aGoal'), reason: field(entry.after, 'reason') ?? '' })
    case 'iep_plan.set_dates':
    case 'iep_plan.start_next': {
      const day = (name: string) => {
        const value = field(entry.after, name)
        return value ? schoolDate(value) : t('iepCalendar.card.notSet').toLowerCase()
      }
      const dates = { start: day('startDate'), end: day('endDate'), review: day('annualReviewDate'), reevaluation: day('reevaluationDate') }
      return t(eventKey(key), { who, ...dates, carried: num(entry.after, 'carried') ?? 0, ended: num(entry.after, 'ended') ?? 0 })
    }
    case 'accommodation.create': {
      const applies = appliesSchema.safeParse(record(entry.after)?.applies)
      const when = applies.success ? t('history.appliesWhen', { when: describeApplies(applies.data).toLowerCase() }) : ''
      return t(eventKey(key), { who, title: titleOf(entry.after), when })
    }
    case 'accommodation.update':
      return t(eventKey(key), { who, title: field(entry.after, 'title') ?? titleOf(entry.before) })
    // The title named is the plan's English one: the history is the school's record.
    case 'accommodation.translate':
      return t(eventKey(key), { who, title: field(entry.after, 'englishTitle') ?? titleOf(entry.after), language: languageName(entry.after) })
    case 'goal.translate_plain':
      return t(eventKey(key), { who, language: languageName(entry.after) })
    case 'progress_point.create':
      return describeProgress(who, entry.after, ctx)
    case 'accommodation_check.create':
    case 'accommodation_check.update':
      return describeCheck(who, entry.action, entry.before, entry.after)
    case 'progress_point.void': {
      const value = num(entry.before, 'value') ?? num(entry.after, 'value')
      const sentence = t(eventKey(key), {
        who,
        value: value === undefined ? '' : t('history.voidedValue', { value: formatNumber(value) }),
        date: schoolDate(field(entry.before, 'date') ?? field(entry.after, 'date')),
      })
      return withReason(sentence, field(entry.after, 'reason'))
    }
    case 'notebook.create':
    case 'notebook.archive':
      return t(eventKey(key), { who, title: titleOf(entry.after) })
    case 'notebook.rename':
      return t(eventKey(key), { who, before: titleOf(entry.before), after: titleOf(entry.after) })
    case 'notebook.restore':
      return t(eventKey(key), { who, title: titleOf(entry.after), date: schoolDate(field(entry.after, 'restoredDay')) })
    case 'concern.create':
      return t(eventKey(key), { who, issue: field(entry.after, 'issue') ?? '' })
    case 'attachment.add':
    case 'attachment.remove': {
      const kind = field(entry.after, 'ownerKind')
      const owner = t(`history.attachmentOwner.${isOneOf(OWNER_KINDS, kind) ? kind : 'other'}`)
      return t(eventKey(key), { who, name: field(entry.after, 'fileName') ?? t('history.untitled'), owner })
    }
    case 'concern.escalate': {
      const step = num(entry.after, 'step')
      const sentence = t(eventKey(key), { who })
      return step === undefined ? t('history.fullStop', { sentence }) : t('history.escalatedTo', { sentence, step })
    }
    case 'concern.agree':
      return t(eventKey(key), { who, date: schoolDate(field(entry.after, 'agreedOn')) })
    case 'concern.add_item':
      return t(eventKey(key), { who, what: field(entry.after, 'what') ?? '', date: schoolDate(field(entry.after, 'dueOn')) })
    case 'concern.item_done':
      return t(eventKey(key), { who, what: field(entry.after, 'what') ?? '' })
    case 'concern.reopen':
      return t(eventKey(key), { service: field(entry.after, 'service') ?? '' })
    case 'effect.record':
      return t(eventKey(key), { who, date: schoolDate(field(entry.after, 'date')), kind: effectKind(field(entry.after, 'kind')) })
    case 'effect.correct':
      return t(eventKey(key), { who, date: schoolDate(field(entry.after, 'date')) })
    case 'concern.take_back_step':
      return t(eventKey(key), { who, from: num(entry.before, 'step') ?? '?', to: num(entry.after, 'step') ?? '?' })
    case 'session_dispute.dispute':
    case 'check_dispute.dispute':
      return t(eventKey(key), { who, comment: field(entry.after, 'comment') ?? '' })
    case 'advocate_grant.create':
    case 'advocate_grant.accept':
    case 'advocate_grant.revoke': {
      const lastDay = field(entry.after, 'lastDay')
      return t(eventKey(key), { who, email: field(entry.after, 'email') ?? t('history.someoneInvited'), lastDay: lastDay ? schoolDate(lastDay) : '' })
    }
    case 'invite.revoke':
      return t(eventKey(key), { who, email: field(entry.before, 'email') ?? field(entry.after, 'email') ?? t('history.someoneInvited') })
    case 'team_member.add':
      return t(eventKey(key), { who, email: field(entry.after, 'email') ?? t('history.someoneInvited'), role: role(entry.after) })
    case 'user.create':
      return t(eventKey(key), { name: field(entry.after, 'name') ?? who })
    case 'user.deactivate':
    case 'user.reactivate':
    case 'school_role.grant':
    case 'school_role.revoke':
      return t(eventKey(key), { who, name: field(entry.after, 'name') ?? t('history.aMember') })
    case 'school_role.join':
      return t(eventKey(key), { who })
    case 'staff_invite.create':
    case 'staff_invite.revoke':
      return t(eventKey(key), { who, email: field(entry.after, 'email') ?? t('history.someoneInvited') })
    case 'team_member.move_caseload':
      return t(eventKey(key), { who, from: field(entry.before, 'name') ?? t('history.aMember'), to: field(entry.after, 'name') ?? t('history.aMember') })
    case 'student.import':
      return t(eventKey(key), { who, name: field(entry.after, 'name') ?? ctx.studentFirstName ?? t('history.theStudent') })
    case 'auth.sign_in':
    case 'auth.sign_out':
    case 'auth.password_reset':
    case 'auth.password_change':
    case 'auth.email_change':
    case 'auth.device_signed_out':
    case 'auth.name_change':
    case 'auth.two_step.set_up':
    case 'auth.two_step.turn_off':
    case 'auth.two_step.new_codes':
    case 'auth.two_step.recovery_used':
    case 'auth.two_step.school_required':
      return t(eventKey(key), { who })
    case 'auth.session_expired':
      return field(entry.after, 'reason') === 'max' ? t('history.sessionExpiredMax', { who }) : t(eventKey(key), { who })
    case 'auth.sign_in.failed':
    case 'auth.sign_in.code_failed':
      return t(eventKey(key), { email: field(entry.after, 'email') ?? t('history.sentenceParts.anAccount') })
    case 'auth.sign_in.spray_alert':
      return t(eventKey(key), { count: num(entry.after, 'accounts') ?? 0, minutes: num(entry.after, 'windowMinutes') ?? 0 })
    case 'sso_provider.save':
    case 'sso_provider.disable':
      return t(eventKey(key), { who, label: field(entry.after, 'label') ?? '' })
    case 'sso_provider.sign_in_refused': {
      const email = field(entry.after, 'email')
      return t(eventKey(key), { email: email ? t('history.sentenceParts.forEmail', { email }) : '' })
    }
    case 'notification.create':
      return withReason(t(eventKey(key)), field(entry.after, 'text'))
    case 'notification.seen':
      return t(eventKey(key), { who })
    case 'school_closure.create':
    case 'school_closure.remove': {
      const data = entry.action === 'create' ? entry.after : entry.before
      const label = field(data, 'label')
      return t(eventKey(key), { who, date: schoolDate(field(data, 'date')), label: label ? t('history.sentenceParts.label', { label }) : '' })
    }
    case 'school_policy.update': {
      const reasons = record(entry.after)?.makeUpReasons
      const named = Array.isArray(reasons) ? reasons.filter((r): r is MissReason => isOneOf(MISS_REASONS, r)).map((r) => lowerFirst(REASON_LABELS[r])) : []
      return t(eventKey(key), { who, reasons: named.length ? named.join(', ') : t('history.sentenceParts.noReasons') })
    }
    case 'reporting_period.create':
    case 'reporting_period.update':
    case 'reporting_period.remove': {
      const data = entry.action === 'remove' ? entry.before : entry.after
      return t(eventKey(key), { who, name: field(data, 'name') ?? '', start: schoolDate(field(data, 'start')), end: schoolDate(field(data, 'end')) })
    }
    case 'progress_codes.update': {
      const codes = record(entry.after)?.codes
      const labels = Array.isArray(codes) ? codes.map((c) => field(c, 'label')).filter((l): l is string => !!l) : []
      return t(eventKey(key), { who, codes: labels.join(', ') })
    }
    case 'progress_report.write_part':
    case 'progress_report.issue':
      return t(eventKey(key), { who, period: field(entry.after, 'period') ?? '' })
    case 'progress_report.correct':
      return t(eventKey(key), { who, period: field(entry.after, 'period') ?? '', version: num(entry.after, 'version') ?? '?', reason: field(entry.after, 'reason') ?? '' })
    case 'progress_report.acknowledge': {
      const comment = field(entry.after, 'comment')
      return t(eventKey(key), {
        who,
        period: field(entry.after, 'period') ?? '',
        version: num(entry.after, 'version') ?? '?',
        comment: comment ? t('history.sentenceParts.comment', { comment }) : '',
      })
    }
    case 'record_export.make':
      return t(eventKey(key), {
        who,
        copy: field(entry.after, 'side') === 'school' ? t('history.sentenceParts.schoolCopy') : t('history.sentenceParts.familyCopy'),
        files: num(entry.after, 'files') ?? '?',
      })
    case 'records_request.log':
      return t(eventKey(key), {
        who,
        requestedBy: field(entry.after, 'requestedBy') ?? '',
        received: schoolDate(field(entry.after, 'receivedOn')),
        due: schoolDate(field(entry.after, 'dueOn')),
      })
    case 'records_request.set_days':
      return t(eventKey(key), { who, days: num(entry.after, 'days') ?? '?' })
    case 'records_request.fulfil':
      return t(eventKey(key), {
        who,
        requestedBy: field(entry.after, 'requestedBy') ?? '',
        fulfilled: schoolDate(field(entry.after, 'fulfilledOn')),
        files: num(entry.after, 'files') ?? '?',
        sha: (field(entry.after, 'sha256') ?? '').slice(0, 12),
      })
    case 'school_sessions.update':
      return t(eventKey(key), { who, minutes: num(entry.after, 'staffIdleMinutes') ?? '?', days: num(entry.after, 'familySessionDays') ?? '?' })
    case 'service.create':
    case 'service.amend':
      return describeService(who, key === 'service.create' ? 'create' : 'amend', entry.after)
    case 'session_record.create':
    case 'session_record.correct':
    case 'session_record.void':
      return describeSession(who, key === 'session_record.create' ? 'create' : key === 'session_record.void' ? 'void' : 'correct', entry.after)
    case 'make_up_plan.plan':
    case 'make_up_plan.move':
    case 'make_up_plan.cancel':
    case 'make_up_plan.close':
      return describeMakeUpPlan(who, entry.action as 'plan' | 'move' | 'cancel' | 'close', entry.after)
    // Sentences that name nothing but who did it.
    case 'goal.update_plain':
    case 'communication_profile.create':
    case 'regulation_profile.create':
    case 'communication_profile.update':
    case 'regulation_profile.update':
    case 'concern.update':
    case 'concern.add_contact':
    case 'concern.add_response':
    case 'concern.link':
    case 'concern.send_letter':
    case 'concern.mark_letter_sent':
    case 'concern.letter_answered':
    case 'concern.share':
    case 'effect.remove':
    case 'session_dispute.withdraw':
    case 'check_dispute.withdraw':
    case 'plan_change.acknowledge':
      return t(eventKey(key), { who })
    default: {
      // An event added to shared/audit-events.ts without a case here fails the typecheck.
      const _unlisted: never = key
      return t('history.unknownEvent', { who, entity: entry.entity.replaceAll('_', ' '), action: entry.action.replaceAll('_', ' ') })
    }
  }
}

// Changes -----------------------------------------------------------------------------------------------

export interface FieldChange {
  key: string
  label: string
  before: string
  after: string
}

const FIELDS = [
  'area',
  'officialText',
  'baseline',
  'target',
  'unit',
  'mastery',
  'title',
  'description',
  'category',
  'applies',
  'startDate',
  'howTheyCommunicate',
  'givingInstructions',
  'wordsThatMatter',
  'earlySigns',
  'whatHelps',
  'whatToAvoid',
  'calmPlace',
  'areas',
] as const

/** A field's name as people say it; a field this version does not know is shown as stored. */
function fieldLabel(key: string): string {
  return isOneOf(FIELDS, key) ? t(`history.field.${key}`) : key
}

function unitWord(unit: string): string {
  return isOneOf(GOAL_UNITS, unit) ? t(`history.unitWord.${unit}`) : unit
}

const DIFFED = new Set<AuditEventKey>([
  'goal.update',
  'goal.update_plain',
  'communication_profile.update',
  'regulation_profile.update',
  'accommodation.update',
  'team_member.set_areas',
])

function plainText(key: string, value: unknown, unit: string): string {
  if (value === undefined || value === null || value === '') return t('history.empty')
  if (key === 'mastery') {
    const rule = masteryRuleSchema.safeParse(value)
    return rule.success ? describeRule(rule.data, unit) : JSON.stringify(value)
  }
  if (key === 'applies') {
    const applies = appliesSchema.safeParse(value)
    return applies.success ? describeApplies(applies.data) : JSON.stringify(value)
  }
  if (key === 'unit' && typeof value === 'string') return unitWord(value)
  if (key === 'area' && typeof value === 'string') return areaLabel(value)
  if (key === 'startDate' && typeof value === 'string') return schoolDate(value)
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : t('history.none')
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function unitOf(entry: Entry): string {
  const u = field(entry.after, 'unit') ?? field(entry.before, 'unit')
  return isOneOf(GOAL_UNITS, u) ? UNIT_LABELS[u] : ''
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
    changes.push({ key, label: fieldLabel(key), before: plainText(key, before[key], unit), after: plainText(key, after[key], unit) })
  }
  return changes
}
