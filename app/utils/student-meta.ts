import type { MetaFunction } from '@remix-run/node'
import { t } from '#shared/i18n/i18n.ts'

/** "New goal · Johnny Miller · Same Page": a page title names the task and the student (WCAG 2.4.2). */
export function studentPageTitle(matches: Parameters<MetaFunction>[0]['matches'], task: string): string {
  const data = matches.find((m) => m.id === 'student')?.data as { student?: { name?: string } } | undefined
  const name = data?.student?.name
  return t('common.titleSuffix', { title: name ? `${task} · ${name}` : task })
}
