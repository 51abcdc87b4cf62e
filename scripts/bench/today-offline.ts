/**
 * Benchmark for Today without signal (issue #15, decision 016): in Chromium at 360 px, the demo para's Today
 * (three students) reloaded online and then offline, served by the service worker. Each figure is the median
 * of RELOADS reloads, from navigation start to the student cards on screen. Needs the production build (its
 * sw.js) and Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { chromium, type Page } from '@playwright/test'
import { migrateToLatest, openDatabase } from '#db/client.server.ts'
import { seedDemo } from '#server/demo/seed.ts'
import { createApp } from '#server/app.server.ts'
import { hashPassword } from '#server/auth/password.server.ts'
import { SESSION_COOKIE } from '#server/auth/lucia.server.ts'
import { closureSet, closuresForSchool } from '#server/services/calendar.server.ts'
import { lastInstructionalDays } from '#shared/school-calendar.ts'
import { localIsoDate } from '#shared/school-date.ts'

const RELOADS = 9

export async function benchTodayOffline(buildDir: string): Promise<Record<string, string | number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-bench-offline-'))
  const { db, sqlite } = openDatabase(path.join(dir, 'bench.db'))
  await migrateToLatest(db)
  const demo = await seedDemo(db, hashPassword)
  const build = (await import(pathToFileURL(path.join(buildDir, 'server', 'index.js')).href)) as ServerBuild
  const { app, lucia } = createApp({ db, trustProxy: false, remix: { mode: 'production', build, clientDir: path.join(buildDir, 'client') } })
  const session = await lucia.createSession(demo.users.para, {})
  const server = app.listen(0)
  await new Promise((r) => server.once('listening', r))
  const address = server.address()
  const origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`
  const schoolDay = lastInstructionalDays(localIsoDate(new Date()), 1, closureSet(await closuresForSchool(db, demo.schoolId)))[0]!

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    await context.addCookies([{ name: SESSION_COOKIE, value: session.id, url: origin }])
    const page = await context.newPage()
    const today = `${origin}/today?date=${schoolDay}`
    await page.goto(today)
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
      }
    })
    const online = await medianOpen(page, today)
    await context.setOffline(true)
    const offline = await medianOpen(page, today)
    if (!(await page.getByText(/^Saved on this phone/).isVisible())) throw new Error('Offline, Today did not come from the service worker')
    return {
      [`Today (3 students) opened online, 360 px: median ms to the cards (${RELOADS} reloads)`]: online,
      [`Today (3 students) opened offline from the service worker: median ms to the cards (${RELOADS} reloads)`]: offline,
    }
  } finally {
    await browser.close()
    server.close()
    await db.destroy()
    sqlite.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Reloads Today and times navigation start to every student card (headed by the student's name) on screen. */
async function medianOpen(page: Page, url: string): Promise<number> {
  const names = ['Ava Brooks', 'Johnny Miller', 'Leo Garcia']
  const times: number[] = []
  for (let i = 0; i < RELOADS + 1; i++) {
    await page.goto(url, { waitUntil: 'commit' })
    // Checked on every frame in the page itself, so the figure holds no round trip to the test driver.
    const shown = await page.waitForFunction(
      (wanted) => {
        const headings = new Set([...document.querySelectorAll('h2, h3')].map((h) => h.textContent?.trim()))
        return wanted.every((name) => headings.has(name)) && performance.now()
      },
      names,
      { polling: 'raf' },
    )
    if (i > 0) times.push((await shown.jsonValue()) as number)
  }
  times.sort((a, b) => a - b)
  return Math.round(times[Math.floor(times.length / 2)]!)
}

