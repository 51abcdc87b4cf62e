import type { ReactNode } from 'react'

export function Alert({ tone = 'error', children }: { tone?: 'error' | 'warning' | 'success' | 'info'; children: ReactNode }) {
  const styles = {
    error: 'border-red-300 bg-red-50 text-red-900',
    // A warning about the child, not about a form: strong enough to stop a reader, without the error's alarm.
    warning: 'border-2 border-amber-500 bg-amber-50 text-amber-950',
    success: 'border-emerald-300 bg-emerald-50 text-emerald-900',
    info: 'border-brand-100 bg-brand-50 text-brand-800',
  }[tone]
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border p-3 ${styles}`}>
      {children}
    </div>
  )
}

/**
 * A warning that lists what needs attention: a heading at the page's level, and the list named by it. `children` are the
 * list's items.
 */
export function WarningList({ heading, headingId, headingLevel, children }: { heading: string; headingId: string; headingLevel: 2 | 3; children: ReactNode }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <Alert tone="warning">
      <Heading id={headingId} className="text-lg font-semibold">
        {heading}
      </Heading>
      <ul aria-labelledby={headingId} className="mt-1 list-disc space-y-1 pl-5">
        {children}
      </ul>
    </Alert>
  )
}
