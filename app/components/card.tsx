import type { ReactNode } from 'react'

export function Card({
  title,
  headingLevel = 2,
  actions,
  headingId,
  children,
}: {
  title?: string
  headingLevel?: 1 | 2 | 3
  actions?: ReactNode
  /** Names the section by its heading, making it a region a screen reader (or a test) can jump to. */
  headingId?: string
  children: ReactNode
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <section aria-labelledby={title && headingId ? headingId : undefined} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      {title || actions ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          {title ? (
            <Heading id={headingId} className="text-xl font-semibold text-slate-900">
              {title}
            </Heading>
          ) : (
            <span />
          )}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  )
}

/** A card of records: an intro, then the records as a named list, or the line saying there are none. `children` are the list's items. */
export function ListCard({
  title,
  headingId,
  headingLevel,
  intro,
  count,
  none,
  listLabel,
  children,
}: {
  title: string
  headingId: string
  headingLevel?: 2 | 3
  intro: string
  count: number
  none: string
  listLabel: string
  children: ReactNode
}) {
  return (
    <Card title={title} headingLevel={headingLevel} headingId={headingId}>
      <p className="text-sm text-slate-700">{intro}</p>
      {count === 0 ? (
        <p className="mt-3 text-slate-700">{none}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200" aria-label={listLabel}>
          {children}
        </ul>
      )}
    </Card>
  )
}
