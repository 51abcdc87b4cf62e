import { defineConfig } from '@playwright/test'

// E2E_PORT and BUILD_DIR let two checkouts (or two engineers) run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 3210)
const DATA_DIR = `./data/e2e-${PORT}`
const BASE_URL = `http://localhost:${PORT}`

/**
 * Browser journeys against the built app (`npm run build` first), in Debian's Chromium: Playwright's own
 * browser downloads are never used (scripts/ensure-chromium.sh installs or explains the one we need).
 * Each run starts from an empty database at data/e2e/, which the server migrates and seeds with the demo team.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  retries: 0,
  workers: 2,
  forbidOnly: true,
  reporter: 'list',
  // CI has two cores shared by the server, two browsers and the build cache: time limits leave room for that load.
  timeout: 60_000,
  expect: { timeout: 8_000 },
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && npx tsx server/index.ts`,
    env: {
      PORT: String(PORT),
      DATABASE_PATH: `${DATA_DIR}/same-page.db`,
      NODE_ENV: 'production',
      BUILD_DIR: process.env.BUILD_DIR ?? 'build',
    },
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
