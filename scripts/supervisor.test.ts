import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { Supervisor, type SupervisorEvent } from './supervisor.ts'

/** Drives the supervisor with a stand-in child (tests/fixtures/watchdog-child.mjs) that can be made to hang. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-page-watchdog-'))
let supervisor: Supervisor | null = null
afterEach(async () => {
  await supervisor?.stop()
  supervisor = null
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function startSupervisor(env: Record<string, string>) {
  const port = await freePort()
  const events: SupervisorEvent[] = []
  const s = new Supervisor({
    command: process.execPath,
    args: ['tests/fixtures/watchdog-child.mjs'],
    env: { ...process.env, PORT: String(port), ...env },
    healthUrl: `http://127.0.0.1:${port}/healthz`,
    intervalMs: 50,
    timeoutMs: 200,
    failures: 3,
    startGraceMs: 10_000,
    killGraceMs: 200,
    backoffMs: 50,
    maxBackoffMs: 400,
    stdio: 'ignore',
  })
  s.on('event', (e) => events.push(e))
  supervisor = s.start()
  /** Resolves with the first event (from now on, or already seen) that matches. */
  const next = (match: (e: SupervisorEvent) => boolean) =>
    new Promise<SupervisorEvent>((resolve) => {
      const seen = events.find(match)
      if (seen) return resolve(seen)
      const on = (e: SupervisorEvent) => {
        if (!match(e)) return
        s.off('event', on)
        resolve(e)
      }
      s.on('event', on)
    })
  return { s, events, next, port }
}

test('a child that stops answering /healthz is killed after 3 failed checks and started again', async () => {
  const hangFile = path.join(dir, 'hang')
  const { next, events, port } = await startSupervisor({ HANG_FILE: hangFile })
  const first = await next((e) => e.type === 'healthy')
  fs.writeFileSync(hangFile, '')
  const restarting = await next((e) => e.type === 'restarting')
  if (restarting.type !== 'restarting' || first.type !== 'healthy') throw new Error('unexpected events')
  expect(restarting.pid).toBe(first.pid)
  expect(events.filter((e) => e.type === 'unhealthy').map((e) => (e.type === 'unhealthy' ? e.failures : 0))).toEqual([1, 2, 3])
  // The stuck child ignores SIGTERM (its loop never yields): it goes by SIGKILL.
  expect(await next((e) => e.type === 'exited' && e.pid === restarting.pid)).toMatchObject({ signal: 'SIGKILL' })
  const second = await next((e) => e.type === 'healthy' && e.pid !== restarting.pid)
  expect(second.type).toBe('healthy')
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
})

test('a child that crashes (exit code 3) is started again', async () => {
  const crashFile = path.join(dir, 'crash')
  fs.writeFileSync(crashFile, '')
  const { next } = await startSupervisor({ CRASH_FILE: crashFile })
  const exited = await next((e) => e.type === 'exited')
  expect(exited).toMatchObject({ code: 3 })
  expect(await next((e) => e.type === 'started' && e.restarts === 1)).toBeTruthy()
  expect(await next((e) => e.type === 'healthy')).toBeTruthy()
})

test('stop() ends the child cleanly and the supervisor with it', async () => {
  const { next, s } = await startSupervisor({})
  await next((e) => e.type === 'healthy')
  await s.stop()
  expect(await next((e) => e.type === 'exited')).toMatchObject({ code: 0 })
  expect(await next((e) => e.type === 'stopped')).toBeTruthy()
  supervisor = null
})
