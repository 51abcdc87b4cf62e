import type { LoaderFunctionArgs } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { requireUser } from '#app/utils/auth.server.ts'
import { t } from '#shared/i18n/i18n.ts'

/**
 * GET /students/{id}/brief.pdf — the meeting brief as a PDF made on the server. The content comes through the
 * same gate as every page (`brief.get`); the load context only lays it out. A student the caller may not see
 * (or an id that is not one) is a 404 naming nothing.
 */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  requireUser(context, request)
  let brief
  try {
    brief = await context.trpc.brief.get({ studentId: params.studentId ?? '' })
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_REQUEST')) {
      return new Response(`${t('common.notFound')}\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    }
    throw error
  }
  const pdf = await context.documents.meetingBriefPdf(brief)
  await context.access.exported(brief.student.id, 'export:brief.pdf')
  return new Response(pdf, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${briefFileName(brief.student.name, brief.asOf)}"`,
      'Content-Length': String(pdf.byteLength),
      'Cache-Control': 'private, no-store',
    },
  })
}

/** "meeting-brief-johnny-miller-2026-11-17.pdf": ASCII only, so every browser keeps the name as given. */
function briefFileName(name: string, asOf: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `meeting-brief-${slug || 'student'}-${asOf}.pdf`
}
