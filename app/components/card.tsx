import type { ReactNode } from 'react'

export function Card({
  title,
  headingLevel = 2,
  actions,
  children,
}: {
  title?: string
  headingLevel?: 1 | 2 | 3
  actions?: ReactNode
  children: ReactNode
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      {title || actions ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          {title ? <Heading className="text-xl font-semibold text-slate-900">{title}</Heading> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  )
}
