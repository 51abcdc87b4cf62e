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
    // Pages whose words still wait to move into the catalogue. The list only shrinks: a new page is checked
    // from its first line, and removing a file from this list is how its conversion is finished.
    ignores: [
      'app/components/form-parts.tsx',
      'app/components/plain-language-help.tsx',
      'app/routes/accommodations/accommodation-edit.tsx',
      'app/routes/accommodations/accommodation-fidelity-card.tsx',
      'app/routes/accommodations/accommodation-form.tsx',
      'app/routes/accommodations/accommodation-list.tsx',
      'app/routes/accommodations/accommodation-new.tsx',
      'app/routes/accountability/caseload-table.tsx',
      'app/routes/accountability/caseload.tsx',
      'app/routes/accountability/school-accountability.tsx',
      'app/routes/accountability/service-trend-chart.client.tsx',
      'app/routes/accountability/student-accountability.tsx',
      'app/routes/auth/invite.tsx',
      'app/routes/auth/sign-in.tsx',
      'app/routes/brief/brief.tsx',
      'app/routes/concerns/concern-letter.tsx',
      'app/routes/concerns/concern-links-picker.tsx',
      'app/routes/concerns/concern-new.tsx',
      'app/routes/concerns/concern.tsx',
      'app/routes/concerns/concerns.tsx',
      'app/routes/concerns/ladder-explainer.tsx',
      'app/routes/goals/goal-card.tsx',
      'app/routes/goals/goal-edit.tsx',
      'app/routes/goals/goal-form.tsx',
      'app/routes/goals/goal-new.tsx',
      'app/routes/goals/goal-progress-chart.client.tsx',
      'app/routes/goals/goal-summary-list.tsx',
      'app/routes/goals/goal.tsx',
      'app/routes/goals/progress-point-form.tsx',
      'app/routes/goals/progress-points-table.tsx',
      'app/routes/home/home-notices.tsx',
      'app/routes/home/home.tsx',
      'app/routes/school/make-up-policy-card.tsx',
      'app/routes/school/plan-import.tsx',
      'app/routes/school/school-calendar-card.tsx',
      'app/routes/school/school.tsx',
      'app/routes/services/service-amend.tsx',
      'app/routes/services/service-form.tsx',
      'app/routes/services/service-new.tsx',
      'app/routes/services/services-card.tsx',
      'app/routes/sessions/check-log.tsx',
      'app/routes/sessions/make-ups-card.tsx',
      'app/routes/sessions/session-actions.tsx',
      'app/routes/sessions/session-log-list.tsx',
      'app/routes/sessions/session-log.tsx',
      'app/routes/sessions/session-week-day.tsx',
      'app/routes/sessions/week.tsx',
      'app/routes/student/access.tsx',
      'app/routes/student/history.tsx',
      'app/routes/student/notifications.tsx',
      'app/routes/student/profile-cards.tsx',
      'app/routes/student/profiles-edit.tsx',
      'app/routes/student/student-layout.tsx',
      'app/routes/student/student.tsx',
    ],
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
