import { ROLE_LABELS, type TeamRole } from '#shared/roles.ts'

interface Entry {
  actorName: string | null
  entity: string
  action: string
  before: unknown
  after: unknown
}

function field(value: unknown, key: string): string | undefined {
  if (value && typeof value === 'object' && key in value) {
    const v = (value as Record<string, unknown>)[key]
    return typeof v === 'string' ? v : undefined
  }
  return undefined
}

function role(value: unknown): string {
  const r = field(value, 'role') as TeamRole | undefined
  return r && r in ROLE_LABELS ? ROLE_LABELS[r].toLowerCase() : 'member'
}

/** One plain sentence per audit entry, so a parent can read the team's history. */
export function describeHistoryEntry(entry: Entry): string {
  const who = entry.actorName ?? 'Someone'
  const key = `${entry.entity}.${entry.action}`
  switch (key) {
    case 'invite.create':
      return `${who} invited ${field(entry.after, 'email') ?? 'someone'} as ${role(entry.after)}.`
    case 'invite.revoke':
      return `${who} cancelled an invite.`
    case 'team_member.join':
      return `${who} joined the team as ${role(entry.after)}.`
    case 'team_member.remove':
      return `${who} removed ${field(entry.before, 'name') ?? 'a member'} (${role(entry.before)}) from the team.`
    case 'user.create':
      return `${who} created an account.`
    default:
      return `${who}: ${entry.entity} ${entry.action}.`
  }
}
