import { defineConfig, type PlaywrightTestConfig } from '@playwright/test'
import { E2E_DAYS } from './tests/e2e/days.ts'

// E2E_PORT and BUILD_DIR let two checkouts (or two engineers) run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 3210)
const BASE_URL = `http://localhost:${PORT}`
// Two more servers: one seeded in the summer break, one on the real date (whatever day the suite runs).
const SUMMER_URL = `http://localhost:${PORT + 1}`
const REAL_DATE_URL = `http://localhost:${PORT + 2}`
// The journeys' mailbox (tests/e2e/mail-catcher-server.ts): SMTP on PORT+3, read over HTTP on PORT+4.
const MAIL_SMTP_PORT = PORT + 3
const MAILBOX_URL = `http://localhost:${PORT + 4}`

/** A test server on its own empty database, migrated and seeded at start-up on the day `now` names. */
type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, { command: string }>

function server(port: number, now: string | null, mail = false): WebServer {
  const dataDir = `./data/e2e-${port}`
  return {
    command: `rm -rf ${dataDir} && npx tsx server/index.ts`,
    env: {
      PORT: String(port),
      DATABASE_PATH: `${dataDir}/same-page.db`,
      // The test clock is refused in production; the build itself is the production build.
      NODE_ENV: 'test',
      TZ: 'UTC',
      BUILD_DIR: process.env.BUILD_DIR ?? 'build',
      // Journeys share one demo: no notice may appear from a timer mid-journey (the timers are tested in tests/trpc).
      SAME_PAGE_TIMED_NOTICES: 'off',
      // The school-day app sends real mail to the journeys' mailbox; the others keep theirs in the outbox, as the demo does.
      ...(mail ? { SMTP_URL: `smtp://journeys:secret@127.0.0.1:${MAIL_SMTP_PORT}`, MAIL_FROM: 'Same Page <same-page@maple.example>' } : {}),
      ...(now ? { SAME_PAGE_NOW: now, SAME_PAGE_TEST_CLOCK: '1' } : {}),
    },
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  }
}

const browserArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]
const chromium = {
  browserName: 'chromium' as const,
  timezoneId: 'UTC',
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: browserArgs },
}

/**
 * Browser journeys against the built app (`npm run build` first), in Debian's Chromium: Playwright's own
 * browser downloads are never used (scripts/ensure-chromium.sh installs or explains the one we need).
 * Each run starts from empty databases under data/, which the servers migrate and seed with the demo team.
 */
export default defineConfig<{ day: string | null }>({
  testDir: 'tests/e2e',
  retries: 0,
  workers: 2,
  forbidOnly: true,
  reporter: 'list',
  // CI has two cores shared by the server, two browsers and the build cache: time limits leave room for that load.
  timeout: 60_000,
  expect: { timeout: 8_000 },
  use: {
    // A failed journey keeps its actions and network log; DOM snapshots and screenshots cost a fifth of the
    // suite's time on two cores, so they are taken only on request (E2E_TRACE=full).
    trace: process.env.E2E_TRACE === 'full' ? 'retain-on-failure' : { mode: 'retain-on-failure', snapshots: false, screenshots: false, sources: false },
    screenshot: 'only-on-failure',
    // Installing the app's service worker precaches the whole build in every new browser: on two cores that is most
    // of a journey's time. Only the journeys about working offline allow it (test.use({ serviceWorkers: 'allow' })).
    serviceWorkers: 'block',
  },
  projects: [
    {
      // Every journey, on the demo seeded on an ordinary Wednesday; journeys about other days set their own `day`.
      name: 'school-day',
      testIgnore: /\.(summer|real-date)\.spec\.ts$/,
      use: { ...chromium, baseURL: BASE_URL, day: E2E_DAYS.schoolDay },
    },
    {
      name: 'summer',
      testMatch: /\.summer\.spec\.ts$/,
      use: { ...chromium, baseURL: SUMMER_URL, day: E2E_DAYS.summer },
    },
    {
      // Whatever day CI runs on: the pages must agree with the real calendar.
      name: 'real-date',
      testMatch: /\.real-date\.spec\.ts$/,
      use: { ...chromium, baseURL: REAL_DATE_URL, day: null },
    },
  ],
  webServer: [
    {
      command: 'npx tsx tests/e2e/mail-catcher-server.ts',
      env: { MAIL_CATCHER_SMTP_PORT: String(MAIL_SMTP_PORT), MAIL_CATCHER_HTTP_PORT: String(PORT + 4) },
      url: `${MAILBOX_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    server(PORT, E2E_DAYS.schoolDay, true),
    server(PORT + 1, E2E_DAYS.summer),
    server(PORT + 2, null),
  ],
})
