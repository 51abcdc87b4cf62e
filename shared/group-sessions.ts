import type { MissedReason } from './services.ts'

/**
 * Group sessions (docs/domain.md#group-sessions): services delivered in a group with the same provider and the
 * same group name are one group. A group recording writes each student's own record; nothing else is shared.
 */

/** The most students one group recording may name: a bound on the loop, far above any real group. */
export const GROUP_SIZE_MAX = 30

/** Spaces and case do not make another group: "Social skills group" and "social  skills group " are one. */
export function normalGroupName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

export interface GroupableService {
  id: string
  studentId: string
  providerId: string
  grouping: 'group' | 'individual'
  groupName: string | null
}

/** The group a service belongs to, or null when it is delivered individually or names no group. */
export function groupKeyOf(service: Pick<GroupableService, 'providerId' | 'grouping' | 'groupName'>): string | null {
  if (service.grouping !== 'group' || !service.groupName) return null
  const name = normalGroupName(service.groupName)
  return name ? `${service.providerId}/${name}` : null
}

export interface ServiceGroup<S extends GroupableService> {
  key: string
  /** The name as the first service (by student order given) spells it. */
  name: string
  providerId: string
  services: S[]
}

/** The groups among `services`, each with its services in the order given; services in no group are left out. */
export function groupsOf<S extends GroupableService>(services: readonly S[]): ServiceGroup<S>[] {
  const groups = new Map<string, ServiceGroup<S>>()
  for (const service of services) {
    const key = groupKeyOf(service)
    if (!key) continue
    const group = groups.get(key)
    if (group) group.services.push(service)
    else groups.set(key, { key, name: service.groupName!.trim(), providerId: service.providerId, services: [service] })
  }
  return [...groups.values()]
}

/** One student as the provider ticked them: present, or absent with why. */
export interface GroupAttendance {
  studentId: string
  present: boolean
  reason?: MissedReason | undefined
}

/** A member of the group on the day: their service, and whether a session of it is already recorded that day. */
export interface GroupMemberOnDay {
  studentId: string
  serviceId: string
  alreadyRecorded: boolean
}

export type GroupWrite =
  | { studentId: string; serviceId: string; kind: 'delivered'; minutes: number }
  | { studentId: string; serviceId: string; kind: 'missed'; reason: MissedReason }

export interface GroupPlan {
  writes: GroupWrite[]
  /** Students already recorded that day: listed and left alone (a double submit lands here too). */
  skipped: { studentId: string; serviceId: string }[]
  /** Students named who are not in the group on that day: the whole recording is refused. */
  strangers: string[]
}

/** The students absent without a reason chosen: the school's default, since the student was not there. */
export const DEFAULT_ABSENT_REASON: MissedReason = 'student_absent'

/**
 * What one group recording writes: for each student named, their own delivered record (the group's minutes) or
 * missed record (their reason), unless that day is already recorded for them. A student named twice counts once.
 */
export function planGroupRecording(members: readonly GroupMemberOnDay[], attendance: readonly GroupAttendance[], minutes: number): GroupPlan {
  const plan: GroupPlan = { writes: [], skipped: [], strangers: [] }
  const seen = new Set<string>()
  for (const a of attendance.slice(0, GROUP_SIZE_MAX)) {
    if (seen.has(a.studentId)) continue
    seen.add(a.studentId)
    const member = members.find((m) => m.studentId === a.studentId)
    if (!member) plan.strangers.push(a.studentId)
    else if (member.alreadyRecorded) plan.skipped.push({ studentId: member.studentId, serviceId: member.serviceId })
    else if (a.present) plan.writes.push({ studentId: member.studentId, serviceId: member.serviceId, kind: 'delivered', minutes })
    else plan.writes.push({ studentId: member.studentId, serviceId: member.serviceId, kind: 'missed', reason: a.reason ?? DEFAULT_ABSENT_REASON })
  }
  return plan
}
