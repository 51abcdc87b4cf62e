import type { LoaderFunctionArgs } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { toCsv } from '#shared/csv.ts'

const HEADER = ['date', 'service', 'status', 'minutes', 'reason', 'note', 'recorded_by', 'recorded_at', 'repays', 'voided'] as const

/** GET /api/students/{id}/sessions.csv — the session log (FORMATS.md), through the same gate as every page. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  if (!context.auth.user) return new Response('Sign in to download the session log.\n', { status: 401, headers: { 'Content-Type': 'text/plain' } })
  try {
    const log = await context.trpc.sessions.log({ studentId: params.studentId ?? '' })
    const csv = toCsv(
      HEADER,
      log.map((r) => [r.date, r.serviceName, r.kind, r.minutes, r.reason, r.note, r.recordedBy, r.recordedAt, r.repaysDate, r.voided]),
    )
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="sessions-${params.studentId}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_REQUEST')) {
      return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain' } })
    }
    throw error
  }
}
