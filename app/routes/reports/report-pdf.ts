import type { LoaderFunctionArgs } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { requireUser } from '#app/utils/auth.server.ts'
import { t } from '#shared/i18n/i18n.ts'

/**
 * GET /students/{id}/reports/{periodId}/v/{version}/pdf: an issued version's PDF, the bytes stored when it was
 * issued (the same file every time). Through the same gate as the pages; anything not readable is a 404.
 */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  requireUser(context, request)
  const version = Number(params.version)
  let file
  try {
    if (!Number.isInteger(version) || version < 1 || version > 1000) throw new TRPCError({ code: 'NOT_FOUND' })
    file = await context.trpc.reports.pdf({ studentId: params.studentId ?? '', periodId: params.periodId ?? '', version })
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_REQUEST')) {
      return new Response(`${t('common.notFound')}\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    }
    throw error
  }
  return new Response(Buffer.from(file.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.pdf.byteLength),
      'Cache-Control': 'private, no-store',
    },
  })
}
