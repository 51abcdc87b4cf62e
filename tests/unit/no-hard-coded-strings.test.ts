import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The lint rule is the guard: this proves it is switched on for pages and catches what it should.
const eslint = new ESLint({ cwd: process.cwd() })

async function literalStringErrors(code: string, filePath = 'app/routes/home/sample.tsx') {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter((m) => m.ruleId === 'i18next/no-literal-string')
}

describe('sentences typed straight into a page', () => {
  it('are refused in text', async () => {
    expect(await literalStringErrors(`export function A() { return <p>Welcome back</p> }`)).toHaveLength(1)
  })

  it('are refused in what a screen reader says', async () => {
    expect(await literalStringErrors(`export function A() { return <button aria-label="Close the dialog" /> }`)).toHaveLength(1)
  })

  it('are allowed from the catalogue, and for class names', async () => {
    const code = `import { useTranslation } from 'react-i18next'
export function A() { const { t } = useTranslation(); return <p className="text-lg">{t('common.signOut')}</p> }`
    expect(await literalStringErrors(code)).toHaveLength(0)
  })
})
