import { redirect, redirectDocument, type ActionFunctionArgs } from '@remix-run/node'
import { safeRedirect } from '#app/utils/auth.server.ts'
import { parseForm } from '#app/utils/parse-form.ts'
import { t as translate } from '#shared/i18n/i18n.ts'
import { languageChoiceSchema } from '#shared/schemas/language.ts'

/**
 * The language switch at the foot of every page (app/components/language-switch.tsx) posts here, scripts or not. The
 * choice is kept on this device (a cookie, for the sign-in page and sign-up) and, for a signed-in person, on their
 * account, so their mail follows it too. The page they were on opens again, whole, in the new language.
 */
export async function action({ context, request }: ActionFunctionArgs) {
  const form = await request.formData()
  const parsed = parseForm(form, languageChoiceSchema)
  if (!parsed.ok) return new Response(translate('languages.invalid'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const cookie = await context.chooseLanguage(parsed.value.language)
  // A whole document, also after a scripted post: the browser holds only the old language's words.
  return redirectDocument(safeRedirect(form.get('back')), { headers: { 'Set-Cookie': cookie } })
}

export function loader() {
  return redirect('/account')
}
