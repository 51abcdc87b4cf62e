import type { ReactNode } from 'react'

/** A section named by its own h3, so screen readers list it by that name; pages give it their print styles. */
export function LabelledSection({ title, id, className, headingClassName, children }: { title: string; id: string; className: string; headingClassName: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={className}>
      <h3 id={id} className={headingClassName}>
        {title}
      </h3>
      {children}
    </section>
  )
}
