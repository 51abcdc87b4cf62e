import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'
import { actionResult } from '#app/utils/trpc-errors.server.ts'
import { safeBackPath, UPLOAD_RESULT_PARAMS } from '#shared/attachments.ts'

/**
 * "Remove" on an attached file (docs/attachments.md): hides it through `attachments.remove` (the gate, and only the
 * person who attached it), then back to the page it was listed on. A plain form post, so it works without scripts.
 */
export async function action({ context, request, params }: ActionFunctionArgs) {
  requireUser(context, request)
  const studentId = params.studentId ?? ''
  const attachmentId = params.attachmentId ?? ''
  const back = safeBackPath(new URL(request.url).searchParams.get('back'), studentId)
  // A file the person cannot see is a 404 like any other; the answer names its record, to say "removed" beside the right list.
  const result = await actionResult(() => context.trpc.attachments.remove({ studentId, attachmentId }))
  if (!result.ok) throw new Response(result.message, { status: 403 })
  const query = new URLSearchParams({ [UPLOAD_RESULT_PARAMS.owner]: result.data.ownerId, [UPLOAD_RESULT_PARAMS.removed]: '1' })
  return redirect(`${back}?${query}`, 303)
}

export function loader() {
  throw new Response(null, { status: 405 })
}
