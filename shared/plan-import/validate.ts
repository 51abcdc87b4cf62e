import { applicabilityOn } from '../accommodation-schedule.ts'
import { iepDatesProblems } from '../iep-calendar.ts'
import { addSections, t } from '../i18n/i18n.ts'
import { mayProvideServices, type TeamRole } from '../roles.ts'
import { type IsoDate, weekdayOf } from '../school-date.ts'
import { formatPath, type PlanError } from './errors.ts'
import { heldAnyDay, heldWeekly, periodIssues } from './period-mandate.ts'
import {
  accommodationCheckSchema,
  accommodationSchema,
  closureSchema,
  iepSchema,
  normalizePlan,
  PLAN_MAX_BYTES,
  planSchema,
  serviceSchema,
  sessionSchema,
  showValue,
  teamMemberSchema,
  type Plan,
  type PlanAccommodation,
  type PlanService,
  type PlanSession,
} from './schema.ts'
import { domain } from '../i18n/en/domain.ts'

addSections({ domain })

export type PlanValidation = { ok: true; plan: Plan } | { ok: false; errors: PlanError[] }

export interface ValidateOptions {
  /** The importer's school day: nothing may be recorded after it, and accommodations without a startDate start on it. */
  today: IsoDate
}

type Path = (string | number)[]
interface Issue {
  path: Path
  message: string
}

const SECTIONS = ['format', 'school', 'student', 'iep', 'team', 'goals', 'accommodations', 'services', 'sessions', 'accommodationChecks']
const dayName = (date: IsoDate) => t(`domain.planImport.weekdayLong.${weekdayOf(date)}`)

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function stringField(value: unknown, key: string): string | undefined {
  const v = isRecord(value) ? value[key] : undefined
  return typeof v === 'string' ? v.trim() : undefined
}

/** `"2026-09-12" is a Saturday` / `… is a closure (Thanksgiving)`: why a date is not a school day, or null. */
function notSchoolDay(date: IsoDate, closures: ReadonlyMap<IsoDate, string>): string | null {
  const day = weekdayOf(date)
  if (day === 'sat' || day === 'sun') return t('domain.planImport.isWeekend', { value: showValue(date), day: dayName(date) })
  const closure = closures.get(date)
  if (closure !== undefined) return t('domain.planImport.isClosure', { value: showValue(date), label: closure })
  return null
}

/** Why a delivered or missed session cannot fall on `date` for this service, or null when it is a scheduled session. */
function notScheduled(service: PlanService, date: IsoDate, closures: ReadonlyMap<IsoDate, string>): string | null {
  const weekly = heldWeekly(service)
  const held = weekly ? t('domain.planImport.held', { weekdays: (service.weekdays ?? []).join('/'), start: service.startDate, end: service.endDate }) : heldAnyDay(service)
  const closed = notSchoolDay(date, closures)
  if (closed) return t('domain.planImport.notSchoolDayHeld', { closed, held })
  if (date < service.startDate) return t('domain.planImport.beforeServiceStarts', { value: showValue(date), service: service.key, start: service.startDate, held })
  if (date > service.endDate) return t('domain.planImport.afterServiceEnds', { value: showValue(date), service: service.key, end: service.endDate, held })
  const day = weekdayOf(date)
  if (weekly && !(service.weekdays as readonly string[] | undefined)?.includes(day)) return t('domain.planImport.notHeldOn', { value: showValue(date), day: dayName(date), service: service.key, held })
  return null
}

function listed(values: Iterable<string>): string {
  const all = [...values]
  if (all.length === 0) return t('domain.planImport.noneInFile')
  const shown = all.slice(0, 6).map((v) => showValue(v))
  return all.length > 6 ? `${shown.join(', ')}, …` : shown.join(', ')
}

/**
 * The rules that look across fields and lists. References (a session's service, a check's accommodation) are
 * checked on every item; the deeper rules only on items that are well-formed on their own (their own errors come
 * from the schema), so one mistake is reported once, not again by everything that depends on it.
 */
function crossCheck(raw: Record<string, unknown>, today: IsoDate): Issue[] {
  const issues: Issue[] = []
  const add = (path: Path, message: string) => issues.push({ path, message })

  // The IEP's dates: the same rules as the student page's form (shared/iep-calendar.ts).
  const iep = iepSchema.safeParse(raw.iep)
  if (raw.iep !== undefined && iep.success) {
    const d = iep.data
    const problems = iepDatesProblems({ startDate: d.startDate ?? null, endDate: d.endDate ?? null, annualReviewDate: d.annualReviewDate ?? null, reevaluationDate: d.reevaluationDate ?? null })
    for (const p of problems) add(['iep', p.field], p.message)
  }

  // Closures: the file's own calendar; instructional days are Monday–Friday minus these.
  const closures = new Map<IsoDate, string>()
  const closureAt = new Map<IsoDate, number>()
  items(isRecord(raw.school) ? raw.school.closures : undefined).forEach((item, i) => {
    const c = closureSchema.safeParse(item)
    if (!c.success) return
    const first = closureAt.get(c.data.date)
    if (first !== undefined) add(['school', 'closures', i, 'date'], t('domain.planImport.duplicateClosure', { value: showValue(c.data.date), first }))
    else {
      closureAt.set(c.data.date, i)
      closures.set(c.data.date, c.data.label)
    }
  })

  // Team: one entry per person. Emails of entries with errors of their own are not held against services.
  const teamRoles = new Map<string, TeamRole>()
  const teamAt = new Map<string, number>()
  const brokenTeam = new Set<string>()
  items(raw.team).forEach((item, i) => {
    const m = teamMemberSchema.safeParse(item)
    if (!m.success) {
      const email = stringField(item, 'email')
      if (email) brokenTeam.add(email.toLowerCase())
      return
    }
    const first = teamAt.get(m.data.email)
    if (first !== undefined) add(['team', i, 'email'], t('domain.planImport.duplicatePerson', { value: showValue(m.data.email), first }))
    else {
      teamAt.set(m.data.email, i)
      teamRoles.set(m.data.email, m.data.role)
    }
  })

  // Accommodations: titles are how checks name them, so they must be unique.
  const titleAt = new Map<string, number>()
  const accommodations = new Map<string, PlanAccommodation | null>()
  items(raw.accommodations).forEach((item, i) => {
    const title = stringField(item, 'title')
    const a = accommodationSchema.safeParse(item)
    if (!title) return
    const first = titleAt.get(title)
    if (first !== undefined) {
      add(['accommodations', i, 'title'], t('domain.planImport.duplicateTitle', { value: showValue(title), first }))
      return
    }
    titleAt.set(title, i)
    accommodations.set(title, a.success ? a.data : null)
    if (a.success && a.data.applies.kind === 'weekdays') {
      const seen = new Set<string>()
      a.data.applies.days.forEach((d, j) => {
        if (seen.has(d)) add(['accommodations', i, 'applies', 'days', j], t('domain.planImport.duplicateWeekday', { value: showValue(d) }))
        seen.add(d)
      })
    }
  })

  // Services: keys are how sessions name them.
  const keyAt = new Map<string, number>()
  const services = new Map<string, PlanService | null>()
  items(raw.services).forEach((item, i) => {
    const key = stringField(item, 'key')
    const s = serviceSchema.safeParse(item)
    if (key) {
      const first = keyAt.get(key)
      if (first !== undefined) {
        add(['services', i, 'key'], t('domain.planImport.duplicateKey', { value: showValue(key), first }))
        return
      }
      keyAt.set(key, i)
      services.set(key, s.success ? s.data : null)
    }
    const mandate = periodIssues(item)
    for (const [field, message] of mandate) add(['services', i, field], message)
    if (mandate.length && key) services.set(key, null) // its sessions cannot be placed until its mandate is whole
    if (!s.success) return
    const service = s.data
    if (service.endDate < service.startDate) {
      add(['services', i, 'endDate'], t('domain.planImport.endBeforeStart', { value: showValue(service.endDate), start: service.startDate }))
      if (key) services.set(key, null) // its sessions cannot be placed until its dates are fixed
    }
    const seen = new Set<string>()
    ;(service.weekdays ?? []).forEach((d, j) => {
      if (seen.has(d)) add(['services', i, 'weekdays', j], t('domain.planImport.duplicateWeekday', { value: showValue(d) }))
      seen.add(d)
    })
    const role = teamRoles.get(service.providerEmail)
    if (!(role && mayProvideServices(role)) && !brokenTeam.has(service.providerEmail)) {
      add(
        ['services', i, 'providerEmail'],
        role
          ? t('domain.planImport.providerRole', { value: showValue(service.providerEmail), role })
          : t('domain.planImport.providerNotInTeam', { value: showValue(service.providerEmail) }),
      )
    }
  })

  // Sessions. First pass: what each one is; the second checks make-ups against the misses they repay.
  const parsedSessions: { i: number; s: PlanSession; service: PlanService }[] = []
  const sessionAt = new Map<string, number>()
  items(raw.sessions).forEach((item, i) => {
    // The reference is checked even when the session has other errors: a misspelt key is worth knowing at once.
    const ref = stringField(item, 'service')
    if (ref && !services.has(ref)) {
      add(['sessions', i, 'service'], t('domain.planImport.unknownService', { value: showValue(ref), listed: listed(services.keys()) }))
      return
    }
    const parsed = sessionSchema.safeParse(item)
    if (!parsed.success) return
    const s = parsed.data
    if (s.date > today) add(['sessions', i, 'date'], t('domain.planImport.inFuture', { value: showValue(s.date), today }))
    const service = services.get(s.service)
    if (!service) return // the service itself has errors, reported where it is
    if (s.status === 'make_up') {
      const closed = notSchoolDay(s.date, closures)
      if (closed) add(['sessions', i, 'date'], t('domain.planImport.makeUpNotSchoolDay', { closed }))
    } else {
      const why = notScheduled(service, s.date, closures)
      if (why) add(['sessions', i, 'date'], why)
      const key = `${s.service}|${s.date}`
      const first = sessionAt.get(key)
      if (first !== undefined) add(['sessions', i, 'date'], t('domain.planImport.duplicateSession', { service: s.service, value: showValue(s.date), first }))
      else sessionAt.set(key, i)
    }
    parsedSessions.push({ i, s, service })
  })
  const missed = new Map<string, number>()
  for (const { i, s } of parsedSessions) if (s.status === 'missed') missed.set(`${s.service}|${s.date}`, i)
  // A miss with errors of its own still exists as far as its make-ups are concerned.
  const brokenMisses = new Set<string>()
  items(raw.sessions).forEach((item) => {
    if (isRecord(item) && item.status === 'missed') brokenMisses.add(`${stringField(item, 'service')}|${stringField(item, 'date')}`)
  })
  const repaid = new Map<string, number>()
  for (const { i, s, service } of parsedSessions) {
    if (s.status !== 'make_up') continue
    const key = `${s.service}|${s.repays}`
    const missedAt = missed.get(key)
    if (s.repays >= s.date) {
      add(['sessions', i, 'repays'], t('domain.planImport.repaysNotBefore', { value: showValue(s.repays), date: s.date, service: s.service }))
      continue
    }
    if (missedAt === undefined) {
      if (brokenMisses.has(key)) continue
      add(['sessions', i, 'repays'], t('domain.planImport.repaysNotMissed', { value: showValue(s.repays), service: s.service }))
      continue
    }
    const before = repaid.get(key) ?? 0
    const left = service.minutesPerSession - before
    if (s.minutes > left) {
      add(
        ['sessions', i, 'minutes'],
        left > 0
          ? t('domain.planImport.repaysTooMuch', { minutes: s.minutes, perSession: service.minutesPerSession, repays: s.repays, missedAt, before, left })
          : t('domain.planImport.repaysMadeUp', { minutes: s.minutes, repays: s.repays, missedAt }),
      )
    }
    repaid.set(key, before + s.minutes)
  }

  // Accommodation checks.
  const checkAt = new Map<string, number>()
  items(raw.accommodationChecks).forEach((item, i) => {
    const ref = stringField(item, 'accommodation')
    if (ref && !accommodations.has(ref)) {
      add(['accommodationChecks', i, 'accommodation'], t('domain.planImport.unknownAccommodation', { value: showValue(ref), listed: listed(accommodations.keys()) }))
      return
    }
    const parsed = accommodationCheckSchema.safeParse(item)
    if (!parsed.success) return
    const c = parsed.data
    if (c.status === 'not_provided' && !c.reason) add(['accommodationChecks', i, 'reason'], t('domain.planImport.reasonMissing'))
    if (c.date > today) add(['accommodationChecks', i, 'date'], t('domain.planImport.inFuture', { value: showValue(c.date), today }))
    const closed = notSchoolDay(c.date, closures)
    if (closed) add(['accommodationChecks', i, 'date'], t('domain.planImport.checkNotSchoolDay', { closed }))
    const key = `${c.accommodation}|${c.date}`
    const first = checkAt.get(key)
    if (first !== undefined) {
      add(['accommodationChecks', i, 'date'], t('domain.planImport.duplicateCheck', { value: showValue(c.accommodation), date: c.date, first }))
    } else checkAt.set(key, i)
    const a = accommodations.get(c.accommodation)
    if (!a || closed) return
    const startDate = a.startDate ?? today
    if (c.date < startDate) {
      const since = t(a.startDate ? 'domain.planImport.sinceStartDate' : 'domain.planImport.sinceImport', { date: startDate })
      add(['accommodationChecks', i, 'date'], t('domain.planImport.beforeAccommodation', { value: showValue(c.date), accommodation: showValue(c.accommodation), since }))
    } else if (applicabilityOn(a.applies, startDate, c.date) === 'not_today') {
      add(['accommodationChecks', i, 'date'], t('domain.planImport.accommodationNotOn', { value: showValue(c.date), day: dayName(c.date), accommodation: showValue(c.accommodation) }))
    }
  })
  return issues
}

function compareIssues(a: Issue, b: Issue): number {
  const section = (p: Path) => (p.length === 0 ? -1 : SECTIONS.indexOf(String(p[0])))
  const bySection = section(a.path) - section(b.path)
  if (bySection !== 0) return bySection
  const index = (p: Path) => (typeof p[1] === 'number' ? p[1] : -1)
  return index(a.path) - index(b.path)
}

/**
 * Validates a parsed `same-page/plan@1` document: the shape (types, lists, enums, ranges, real dates) and the
 * rules across fields. Returns the plan, or every problem with its JSON path, in file order.
 */
export function validatePlan(json: unknown, options: ValidateOptions): PlanValidation {
  const parsed = planSchema.safeParse(json)
  const issues: Issue[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path as Path, message: i.message }))
  if (isRecord(json)) issues.push(...crossCheck(json, options.today))
  if (issues.length === 0 && parsed.success) return { ok: true, plan: normalizePlan(parsed.data) }
  const seen = new Set<string>()
  const errors: PlanError[] = []
  // A stable sort keeps each item's own errors in the order they were found.
  for (const issue of [...issues].sort(compareIssues)) {
    const error = { path: formatPath(issue.path), message: issue.message }
    const key = `${error.path}\n${error.message}`
    if (!seen.has(key)) errors.push(error)
    seen.add(key)
  }
  return { ok: false, errors }
}

/** Reads the text of a plan file (as pasted or uploaded), then validates it. */
export function validatePlanText(text: string, options: ValidateOptions): PlanValidation {
  const bytes = new TextEncoder().encode(text).length
  if (bytes > PLAN_MAX_BYTES) {
    return { ok: false, errors: [{ path: '', message: t('domain.planImport.tooBig', { size: (bytes / 1024 / 1024).toFixed(1), max: PLAN_MAX_BYTES / 1024 / 1024 }) }] }
  }
  if (text.trim() === '') return { ok: false, errors: [{ path: '', message: t('domain.planImport.emptyFile') }] }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: t('domain.planImport.notJson', { error: error instanceof Error ? error.message : String(error) }) }] }
  }
  return validatePlan(json, options)
}
