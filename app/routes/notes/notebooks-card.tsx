import { Form, Link } from '@remix-run/react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { formatMoment } from '#shared/i18n/format.ts'
import { Alert } from '#app/components/alert.tsx'
import { Button } from '#app/components/button.tsx'
import { Card } from '#app/components/card.tsx'
import { Field } from '#app/components/field.tsx'
import { TextLink } from '#app/components/text-link.tsx'
import { notes } from '#shared/i18n/en/notes.ts'
import { addSections } from '#shared/i18n/i18n.ts'

addSections({ notes })

export interface NotebookListItem {
  id: string
  title: string
  updatedAt: string
}

export interface NotebookHit {
  id: string
  title: string
  archived: boolean
  excerpt: string
}

/**
 * The student's shared notebooks on the student page: open one, search their words, and (case manager)
 * start a new one. Search is a plain GET form, so it works before the page's scripts load.
 */
export function NotebooksCard({
  base,
  notebooks,
  search,
  canCreate,
  createError,
  busy,
}: {
  base: string
  notebooks: NotebookListItem[]
  search: { query: string; hits: NotebookHit[] | null; error: string | null }
  canCreate: boolean
  createError: { message: string; title?: string[] | undefined } | null
  busy: boolean
}) {
  const { t } = useTranslation()
  return (
    <Card title={t('notes.card.title')} headingId="notebooks-heading">
      <p className="mb-3 text-slate-700">{t('notes.card.intro')}</p>
      {notebooks.length === 0 ? (
        <p className="text-slate-700">{t('notes.card.none')}</p>
      ) : (
        <ul aria-label={t('notes.card.list')} className="divide-y divide-slate-200">
          {notebooks.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <TextLink to={`${base}/notes/${n.id}`}>
                {n.title}
              </TextLink>
              <span className="text-sm text-slate-600">
                {t('notes.card.lastEdited', { at: formatMoment(n.updatedAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}

      <Form method="get" role="search" aria-label={t('notes.card.searchLabel')} className="mt-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <Field label={t('notes.card.searchField')} name="q" type="search" defaultValue={search.query} errors={search.error ? [search.error] : undefined} />
        </div>
        <Button type="submit" variant="secondary">
          {t('notes.card.search')}
        </Button>
      </Form>
      {search.hits ? (
        <div className="mt-3" role="status">
          {search.hits.length === 0 ? (
            <p className="text-slate-700">{t('notes.card.noHits', { query: search.query })}</p>
          ) : (
            <ul aria-label={t('notes.card.results')} className="space-y-2">
              {search.hits.map((hit) => (
                <li key={hit.id}>
                  <Link to={`${base}/notes/${hit.id}`} className="font-medium text-brand-700 underline">
                    {hit.title}
                  </Link>
                  {hit.archived ? <span className="text-sm text-slate-600">
                      {' '}
                      {t('notes.card.archived')}
                    </span> : null}
                  <p className="text-sm text-slate-700">{hit.excerpt}</p>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      {canCreate ? (
        <Form method="post" className="mt-6 space-y-2" noValidate>
          <input type="hidden" name="intent" value="createNotebook" />
          {createError ? <Alert>{createError.message}</Alert> : null}
          <Field label={t('notes.card.newTitle')} name="title" maxLength={80} errors={createError?.title} />
          <Button type="submit" disabled={busy}>
            {t('notes.card.start')}
          </Button>
        </Form>
      ) : null}
    </Card>
  )
}
