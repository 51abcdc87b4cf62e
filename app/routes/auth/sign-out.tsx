import { redirect, type ActionFunctionArgs } from '@remix-run/node'

export async function loader() {
  return redirect('/')
}

// The phone's kept pages (decision 016) are emptied by the page this lands on: with nobody signed in, the root's
// OfflineApp drops them. Taps still waiting stay under their owner's key, unseen by anyone else.
export async function action({ context }: ActionFunctionArgs) {
  const setCookie = await context.auth.signOut()
  return redirect('/sign-in', { headers: { 'Set-Cookie': setCookie } })
}
