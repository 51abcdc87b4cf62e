import { redirect, type ActionFunctionArgs } from '@remix-run/node'

export async function loader() {
  return redirect('/')
}

export async function action({ context }: ActionFunctionArgs) {
  const setCookie = await context.auth.signOut()
  return redirect('/sign-in', { headers: { 'Set-Cookie': setCookie } })
}
