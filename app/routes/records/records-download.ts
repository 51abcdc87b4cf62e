import type { LoaderFunctionArgs } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { requireUser } from '#app/utils/auth.server.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { localIsoDate } from '#shared/school-date.ts'
import { records } from '#shared/i18n/en/records.ts'

addSections({ records })

/**
 * GET /students/{id}/records/{exportId}/download: a made records file, as an attachment. Through the same gate
 * as the page (`records.file`, which is also the download's row in the record of access); anything else is a 404.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  let file
  try {
    file = await context.trpc.records.file({ studentId, exportId: params.exportId ?? '' })
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR' && error.code !== 'SERVICE_UNAVAILABLE' && error.code !== 'UNAUTHORIZED') {
      return notFound(error.code === 'CONFLICT' ? t('records.exports.notReady') : t('common.notFound'))
    }
    throw error
  }
  const body = await context.documents.recordsZip(file.id)
  if (!body) return notFound(t('records.exports.notFound'))
  const student = await context.trpc.students.get({ studentId })
  const name = `${student.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'student'}-record-${localIsoDate(new Date(file.createdAt))}.zip`
  return new Response(body, {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Content-Length': String(file.size),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

function notFound(message: string): Response {
  return new Response(`${message}\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
