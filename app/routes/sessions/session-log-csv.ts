import type { LoaderFunctionArgs } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { sessionLogCsv } from '#shared/session-log-csv.ts'
import { sessions } from '#shared/i18n/en/sessions.ts'

addSections({ sessions })

/**
 * GET /api/students/{id}/sessions.csv — the session log (docs/formats.md#session-log-csv), through the same gate as every page. A
 * download, not a page: signed out is a plain 401 (never a redirect to sign-in), a student the caller may not see
 * is a 404 that names nothing.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  if (!context.auth.user) return text(401, t('sessions.csvSignIn'))
  const studentId = params.studentId ?? ''
  try {
    const log = await context.trpc.sessions.log({ studentId })
    await context.access.exported(studentId, 'export:sessions.csv')
    return new Response(sessionLogCsv(log), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="sessions-${studentId.replace(/[^A-Za-z0-9_-]/g, '')}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === 'UNAUTHORIZED') return text(401, t('sessions.csvSignIn'))
      // Not on the team, unknown, or not even an id: the same answer.
      if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_REQUEST') return text(404, t('sessions.csvStudentNotFound'))
    }
    throw error
  }
}

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } })
}
