import type { ReactNode } from 'react'

/** One "Label: value" line of a description list, read as a pair by screen readers. */
export function Term({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline font-semibold">{term}: </dt>
      <dd className="inline">{children}</dd>
    </div>
  )
}
