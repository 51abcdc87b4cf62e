import type { Generated } from 'kysely'

export type TeamRole = 'case_manager' | 'provider' | 'para' | 'parent'

export interface SchoolsTable {
  id: string
  name: string
  created_at: string
}

export interface UsersTable {
  id: string
  email: string
  name: string
  password_hash: string
  created_at: string
}

export interface AuthSessionsTable {
  id: string
  user_id: string
  expires_at: number
}

export interface SignInFailuresTable {
  id: Generated<number>
  email: string
  at: string
}

export interface SchoolRolesTable {
  id: string
  school_id: string
  user_id: string
  role: 'school_admin'
  created_at: string
  removed_at: string | null
}

export interface StudentsTable {
  id: string
  school_id: string
  name: string
  preferred_name: string | null
  grade: number | null
  external_id: string | null
  created_at: string
}

export interface TeamMembersTable {
  id: string
  student_id: string
  user_id: string
  role: TeamRole
  added_at: string
  added_by: string | null
  removed_at: string | null
  removed_by: string | null
}

export interface InvitesTable {
  id: string
  student_id: string
  email: string
  role: TeamRole
  token_hash: string
  invited_by: string
  created_at: string
  expires_at: string
  used_at: string | null
  used_by: string | null
  revoked_at: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor_id: string | null
  student_id: string | null
  entity: string
  entity_id: string
  action: string
  before: string | null
  after: string | null
}

export interface Database {
  schools: SchoolsTable
  users: UsersTable
  auth_sessions: AuthSessionsTable
  sign_in_failures: SignInFailuresTable
  school_roles: SchoolRolesTable
  students: StudentsTable
  team_members: TeamMembersTable
  invites: InvitesTable
  audit_log: AuditLogTable
}
