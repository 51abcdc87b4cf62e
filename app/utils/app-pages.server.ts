import type { AppLoadContext } from '@remix-run/node'
import { requireUser } from './auth.server.ts'
import { t } from '#shared/i18n/i18n.ts'
import { appPagesFor, hasAppPage, type AppPage } from '#shared/app-pages.ts'

/** The header's pages for the signed-in person: one role per student they are on, or none when signed out. */
export async function myAppPages(context: AppLoadContext): Promise<AppPage[]> {
  if (!context.auth.user) return []
  const students = await context.trpc.students.mine()
  return appPagesFor(students.map((s) => s.role))
}

/** Loaders of app-wide pages call this first: a page the person has no use for answers 404, not an empty page. */
export async function requireAppPage(context: AppLoadContext, request: Request, page: AppPage) {
  const user = requireUser(context, request)
  const students = await context.trpc.students.mine()
  if (!hasAppPage(students.map((s) => s.role), page)) throw new Response(t('common.notFound'), { status: 404 })
  return user
}
