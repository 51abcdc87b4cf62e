import type { inferRouterOutputs } from '@trpc/server'
import type { AppRouter } from '#server/trpc/_app.server.ts'

/**
 * What the API answers, as the browser sees it: the one place app/ takes server types from. Components name
 * these aliases, never the service modules, so the layers stay apart (docs/decisions/011-layers.md).
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>

export type CheckView = RouterOutputs['checks']['history'][number]
export type RecentFidelityRow = RouterOutputs['checks']['fidelity']['rows'][number]
export type StudentAccountability = RouterOutputs['accountability']['student']
export type ServiceAccountability = StudentAccountability['services'][number]
export type CaseloadRow = RouterOutputs['accountability']['caseload'][number]
export type Closure = RouterOutputs['schools']['closures'][number]
export type LinkableRecords = RouterOutputs['concerns']['linkable']
export type LinkedRecord = LinkableRecords['checks'][number]
export type ActiveDispute = RouterOutputs['disputes']['list'][number]
export type GoalPoint = RouterOutputs['goals']['get']['points'][number]
export type Service = RouterOutputs['services']['list'][number]
export type ServiceSessions = RouterOutputs['services']['sessions'][number]
export type SessionRecord = ServiceSessions['makeUps'][number]
export type TodayStudent = RouterOutputs['today']['forMe']['students'][number]
export type GroupRecording = RouterOutputs['sessions']['recordGroup']
export type AttachmentList = RouterOutputs['attachments']['list']
