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
