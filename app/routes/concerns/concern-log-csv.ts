import type { LoaderFunctionArgs } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { concernLogCsv } from '#shared/concern-log-csv.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { concerns } from '#shared/i18n/en/concerns.ts'

addSections({ concerns })

/**
 * GET /api/students/{id}/concerns.csv — the concern log in the five columns families keep, plus status and step.
 * Through the same gate and the same visibility as the page: family-only rows only in a parent's download.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  if (!context.auth.user) return text(401, t('concerns.signInToDownload'))
  const studentId = params.studentId ?? ''
  try {
    const rows = await context.trpc.concerns.log({ studentId })
    await context.access.exported(studentId, 'export:concerns.csv')
    return new Response(concernLogCsv(rows), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="concerns-${studentId.replace(/[^A-Za-z0-9_-]/g, '')}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === 'UNAUTHORIZED') return text(401, t('concerns.signInToDownload'))
      if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_REQUEST') return text(404, t('concerns.studentNotFound'))
    }
    throw error
  }
}

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } })
}
