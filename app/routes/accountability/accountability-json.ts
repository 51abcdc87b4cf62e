import type { LoaderFunctionArgs } from '@remix-run/node'
import { TRPCError } from '@trpc/server'
import { ZodError } from '#shared/zod.ts'
import { accountabilityJson } from '#shared/accountability-json.ts'
import { addSections, t } from '#shared/i18n/i18n.ts'
import { isIsoDate } from '#shared/school-date.ts'
import { accountability } from '#shared/i18n/en/accountability.ts'

addSections({ accountability })

/**
 * GET /api/students/{id}/accountability?asOf=YYYY-MM-DD — `same-page/accountability@1` (docs/formats.md#accountability-json), through
 * the same gate as every page. Always JSON, even for a refusal: a script or an advocate's tool reads the status
 * and `error`, never a sign-in page or an HTML error.
 */
export async function loader({ context, params, request }: LoaderFunctionArgs) {
  if (!context.auth.user) return json(401, { error: t('accountability.json.signIn') })
  const asOf = new URL(request.url).searchParams.get('asOf') || undefined
  // Checked here too so a mistyped date names asOf, whatever the procedure's message.
  if (asOf !== undefined && !isIsoDate(asOf)) return json(400, { error: t('accountability.json.badAsOf') })
  try {
    const numbers = await context.trpc.accountability.student({ studentId: params.studentId ?? '', asOf })
    const planned = await context.trpc.sessions.plannedMakeUps({ studentId: params.studentId ?? '' })
    await context.access.exported(params.studentId ?? '', 'export:accountability.json')
    return json(200, accountabilityJson(numbers, planned))
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === 'UNAUTHORIZED') return json(401, { error: t('accountability.json.signIn') })
      if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError && error.cause.issues.some((i) => i.path[0] === 'asOf')) {
        return json(400, { error: t('accountability.json.asOfProblem', { problem: error.cause.issues.map((i) => i.message).join(' ') }) })
      }
      // Not on the team, unknown, or not even an id: the same answer, naming nothing.
      if (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'BAD_REQUEST') return json(404, { error: t('accountability.json.notFound') })
    }
    console.error(error)
    return json(500, { error: t('accountability.json.failed') })
  }
}

function json(status: number, body: unknown): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'private, no-store' },
  })
}
