import type { ReactNode } from 'react'

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info'

const TONES: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-300',
  good: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  warn: 'bg-amber-50 text-amber-900 ring-amber-300',
  bad: 'bg-red-50 text-red-900 ring-red-300',
  info: 'bg-brand-50 text-brand-800 ring-brand-100',
}

export function StatusBadge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  )
}

/** A record's title with its status on the same line; the badge wraps under the title on a phone. */
export function TitledStatus({ level, title, lang, badge }: { level: 3 | 4; title: string; lang?: string; badge: { tone?: Tone; label: string } }) {
  const Heading = `h${level}` as const
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <Heading className="font-semibold" lang={lang}>
        {title}
      </Heading>
      <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
    </div>
  )
}
