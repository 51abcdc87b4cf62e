import { Form, Link, useLocation } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { APP_PAGE_PATHS, currentAppPage, type AppPage } from '#shared/app-pages.ts'
import { buttonClasses } from './button.tsx'

export function AppHeader({ user, pages }: { user: { name: string } | null; pages: AppPage[] }) {
  const { t } = useTranslation()
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link to="/" className="inline-flex min-h-11 items-center text-lg font-semibold text-brand-800">
          {t('common.appName')}
        </Link>
        {user ? (
          <div className="flex items-center gap-3">
            <span className="hidden text-slate-700 sm:inline">{user.name}</span>
            <Link to="/account" className="inline-flex min-h-11 items-center font-medium text-brand-800 underline">
              {t('account.menuLink')}
            </Link>
            <Form method="post" action="/sign-out">
              <button type="submit" className={buttonClasses('secondary')}>
                {t('common.signOut')}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
      {user && pages.length ? <AppNav pages={pages} /> : null}
    </header>
  )
}

/**
 * The same few links on every page, only those the person's roles have a use for. Plain links that wrap onto a
 * second row on a narrow phone rather than hiding behind a menu: four short words fit 360 px.
 */
function AppNav({ pages }: { pages: AppPage[] }) {
  const { t } = useTranslation()
  const current = currentAppPage(useLocation().pathname)
  return (
    <nav aria-label={t('common.appNav.label')} className="mx-auto max-w-4xl px-2">
      <ul className="flex flex-wrap gap-x-1">
        {pages.map((page) => (
          <li key={page}>
            <Link
              to={APP_PAGE_PATHS[page]}
              aria-current={page === current ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center border-b-4 px-2 font-medium ${
                page === current ? 'border-brand-700 text-brand-800' : 'border-transparent text-slate-700 hover:text-brand-700'
              }`}
            >
              {t(`common.appNav.${page}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
