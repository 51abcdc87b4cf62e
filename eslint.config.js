import js from '@eslint/js'
import i18next from 'eslint-plugin-i18next'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['build/**', 'build-*/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // shared/ is pure domain code used by both sides: no I/O and no reaching into the app or the server.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['#server/*', '#db/*', '#app/*', '../server/*', '../db/*', '../app/*'], message: 'shared/ must not import app, server or db code.' },
            { group: ['node:*', 'fs', 'path', 'better-sqlite3', 'kysely'], message: 'shared/ is pure: no I/O.' },
          ],
        },
      ],
    },
  },
  {
    // The browser bundle must never pull in server code; only types may cross.
    files: ['app/**/*.tsx'],
    ignores: ['app/**/*.server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['#db/*'], message: 'Routes reach data through context.trpc, not the database.' }] },
      ],
    },
  },
  {
    // Every sentence a person reads comes from the catalogue (shared/i18n/): a string typed straight into a page
    // is a lint error. Attributes a person reads or hears are checked; technical ones (class names, ids, routes) are not.
    files: ['app/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['label', 'aria-label', 'title', 'placeholder', 'alt', 'hint', 'legend', 'description', 'message', 'heading', 'caption', 'summary', 'emptyText', 'confirm', 'pendingLabel', 'children'],
          },
          callees: { exclude: ['t', 'i18n(ext)?', 'formatDay', 'formatMoment', 'formatNumber', 'buttonClasses', 'cn', 'clsx', 'useFetcher', 'navigate', 'href', 'startsWith', 'endsWith', 'includes'] },
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s·…—–’“”]+', '[A-Z_-]+'] },
        },
      ],
    },
  },
)
