import type { ReactNode } from 'react'

/**
 * A table that scrolls inside its own box on a narrow phone instead of widening the page. The box is a
 * named, focusable region so keyboard users can scroll it too (axe: scrollable-region-focusable). `relative`
 * makes it the containing block of visually hidden (absolutely positioned) text in its cells, which would
 * otherwise widen the whole page.
 */
export function Table({ caption, head, children }: { caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm sm:text-base">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300 text-slate-700">{head}</thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  )
}

export interface Column {
  label: string
  /** Numbers line up on the right. */
  numeric?: boolean
}

/** The header row of a Table: one column header per label, spaced alike on every page. */
export function ColumnHeads({ columns }: { columns: readonly (string | Column)[] }) {
  return (
    <tr>
      {columns.map((c, i) => {
        const { label, numeric } = typeof c === 'string' ? { label: c, numeric: false } : c
        const last = i === columns.length - 1
        return (
          <th key={label} scope="col" className={`py-2 ${last ? '' : 'pr-4 '}${numeric ? 'text-right ' : ''}font-semibold`}>
            {label}
          </th>
        )
      })}
    </tr>
  )
}
