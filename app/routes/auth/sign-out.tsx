import { redirect, redirectDocument, type ActionFunctionArgs } from '@remix-run/node'

export async function loader() {
  return redirect('/')
}

// The phone's kept pages (decision 016) are emptied by the page this lands on: with nobody signed in, the root's
// OfflineApp drops them. Taps still waiting stay under their owner's key, unseen by anyone else.
export async function action({ context }: ActionFunctionArgs) {
  const setCookie = await context.auth.signOut()
  // A whole document: the signed-out page reads in this device's language, which may not be the account's.
  return redirectDocument('/sign-in', { headers: { 'Set-Cookie': setCookie } })
}
