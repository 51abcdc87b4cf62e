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
    // shared/ is pure domain code used by both sides: it imports only shared/ and npm packages (zod), never I/O.
    files: ['shared/**/*.ts'],
    // Tests beside the rules may use the shared test builders.
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // A leading # starts a comment in gitignore-style `group` patterns, so subpath imports are matched by regex.
            { regex: '^(#(server|db|app|tests)/|(\\.\\./)+(server|db|app|tests|scripts)/)', message: 'shared/ imports only shared/ and npm packages.' },
            { group: ['node:*', 'fs', 'path', 'better-sqlite3', 'kysely'], message: 'shared/ is pure: no I/O.' },
          ],
        },
      ],
    },
  },
  {
    // db/ is the schema, migrations and client: it knows nothing of the server built on it.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(#(server|app)/|(\\.\\./)+(server|app)/)', message: 'db/ must not import server or app code.' }] },
      ],
    },
  },
  {
    // zod comes from shared/zod.ts, which sets it up for the browser where it is loaded (a page that checks nothing
    // in the browser then does not download it). Types may come from zod itself.
    files: ['app/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: ['shared/zod.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: 'Import zod from #shared/zod.ts (shared/zod.ts says why).', allowTypeImports: true }] },
      ],
    },
  },
  {
    // The browser takes API types from app/utils/api-types.ts (inferRouterOutputs), never from the services.
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(#server/services/|(\\.\\./)+server/services/)', message: 'Take API types from #app/utils/api-types.ts; routes reach services through context.trpc.' },
            { regex: '^(#db/|(\\.\\./)+db/)', message: 'Routes reach data through context.trpc, not the database.' },
          ],
        },
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
