import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Supervisor, WATCHDOG_DEFAULTS } from './supervisor.ts'

// `npm start` on a fresh clone builds once; later starts reuse the build.
if (!fs.existsSync(path.resolve(process.env.BUILD_DIR ?? 'build', 'server/index.js'))) {
  console.log('No build yet: building the app (about 10 seconds)…')
  const result = spawnSync('npx', ['remix', 'vite:build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (process.env.WATCHDOG === '0') {
  // No watchdog: the server in this process, as before (another supervisor, e.g. systemd, restarts it).
  const { main } = await import('../server/index.ts')
  await main()
} else {
  // The watchdog (README, "Watchdog"): the server runs as a child; one that stops answering /healthz is restarted.
  const number = (name: string, fallback: number) => {
    const value = Number(process.env[name])
    return Number.isFinite(value) && value > 0 ? value : fallback
  }
  const port = number('PORT', 3000)
  const supervisor = new Supervisor({
    command: process.execPath,
    args: ['--import', 'tsx', path.resolve(import.meta.dirname, '../server/index.ts')],
    healthUrl: `http://127.0.0.1:${port}/healthz`,
    intervalMs: number('WATCHDOG_INTERVAL_MS', WATCHDOG_DEFAULTS.intervalMs),
    timeoutMs: number('WATCHDOG_TIMEOUT_MS', WATCHDOG_DEFAULTS.timeoutMs),
    failures: number('WATCHDOG_FAILURES', WATCHDOG_DEFAULTS.failures),
    startGraceMs: number('WATCHDOG_START_GRACE_MS', WATCHDOG_DEFAULTS.startGraceMs),
    killGraceMs: WATCHDOG_DEFAULTS.killGraceMs,
    backoffMs: WATCHDOG_DEFAULTS.backoffMs,
    maxBackoffMs: WATCHDOG_DEFAULTS.maxBackoffMs,
    log: (line) => console.log(line),
  }).start()
  const stop = () => void supervisor.stop()
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  await supervisor.done
}
