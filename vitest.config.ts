import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Kept apart from vite.config.ts so the Remix plugin does not load under Vitest.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/trpc/**/*.test.ts', 'tests/collab/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    pool: 'forks',
    // Test files share each worker's loaded modules instead of re-importing the whole app per file: this halves the
    // suite (290 s to 150 s on two cores). It holds because no test mocks a module or changes the environment;
    // each test opens its own database (tests/setup/test-db.ts). A test that needs vi.mock must run isolated.
    isolate: false,
    // Vitest keeps a core free by default: on CI's two cores that is one worker for the whole suite (150 s against
    // 114 s with two; a date run 72 s against 45 s).
    maxWorkers: availableParallelism(),
    // The notes memory test measures the heap after a real garbage collection.
    execArgv: ['--expose-gc'],
    testTimeout: 20_000,
  },
})
