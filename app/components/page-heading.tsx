import type { ReactNode } from 'react'
import { useTranslation } from '#app/utils/use-translation.ts'
import { TextLink } from './text-link.tsx'

/**
 * The top of a page reached from My students: the way back, the page's one h1 and what the page is for
 * (`children`, the intro paragraphs).
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <TextLink to="/">{t('common.backHome')}</TextLink>
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {children}
      </div>
    </>
  )
}
