import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { buttonClasses } from './button.tsx'

export function AppHeader({ user }: { user: { name: string } | null }) {
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
            <Form method="post" action="/sign-out">
              <button type="submit" className={buttonClasses('secondary')}>
                {t('common.signOut')}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </header>
  )
}
