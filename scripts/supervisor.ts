import { type ChildProcess, spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'

/**
 * The watchdog `npm start` runs (issue 12, item 1): the server is a child process; its /healthz is polled, and
 * after `failures` polls in a row without a 200 the child is killed (SIGTERM, then SIGKILL: a process stuck in
 * a loop never runs its SIGTERM handler) and started again. A child that exits on its own with an error is
 * restarted too, after a growing pause so a server that cannot start does not spin. A clean exit (code 0, as
 * after SIGTERM) ends the supervisor.
 */
export interface SupervisorOptions {
  command: string
  args: string[]
  env?: NodeJS.ProcessEnv
  healthUrl: string
  /** Between polls. */
  intervalMs: number
  /** A poll that takes longer counts as a failure. */
  timeoutMs: number
  /** Failed polls in a row before a restart. */
  failures: number
  /** Polls fail while the server starts (migrations, loading the build): they count only after this. */
  startGraceMs: number
  /** After SIGTERM, how long before SIGKILL. */
  killGraceMs: number
  /** First pause before restarting a child that crashed; doubles up to maxBackoffMs, resets once healthy. */
  backoffMs: number
  maxBackoffMs: number
  stdio?: 'inherit' | 'ignore'
  log?: (line: string) => void
}

export type SupervisorEvent =
  | { type: 'started'; pid: number; restarts: number }
  | { type: 'healthy'; pid: number }
  | { type: 'unhealthy'; pid: number; failures: number; reason: string }
  | { type: 'restarting'; pid: number; reason: string }
  | { type: 'exited'; pid: number; code: number | null; signal: NodeJS.Signals | null }
  | { type: 'stopped' }

export const WATCHDOG_DEFAULTS = {
  intervalMs: 5_000,
  timeoutMs: 3_000,
  failures: 3,
  startGraceMs: 60_000,
  killGraceMs: 5_000,
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
} as const

export class Supervisor extends EventEmitter<{ event: [SupervisorEvent] }> {
  #child: ChildProcess | null = null
  #timer: NodeJS.Timeout | null = null
  #restarts = 0
  #failures = 0
  #startedAt = 0
  #healthySinceStart = false
  #backoff: number
  #stopping = false
  #polling = false
  readonly #done: Promise<void>
  #resolveDone!: () => void

  constructor(readonly options: SupervisorOptions) {
    super()
    this.#backoff = options.backoffMs
    this.#done = new Promise((resolve) => (this.#resolveDone = resolve))
  }

  /** Resolves once the supervisor has stopped (stop(), or the child exited cleanly). */
  get done(): Promise<void> {
    return this.#done
  }

  get pid(): number | undefined {
    return this.#child?.pid
  }

  start(): this {
    this.#spawn()
    this.#timer = setInterval(() => void this.#poll(), this.options.intervalMs)
    return this
  }

  /** Stops polling, asks the child to close (SIGTERM, then SIGKILL) and resolves when it is gone. */
  async stop(): Promise<void> {
    this.#stopping = true
    if (this.#timer) clearInterval(this.#timer)
    const child = this.#child
    if (child && child.exitCode === null && child.signalCode === null) await this.#kill(child)
    this.#finish()
    return this.#done
  }

  #emit(event: SupervisorEvent) {
    this.options.log?.(`watchdog: ${JSON.stringify(event)}`)
    this.emit('event', event)
  }

  #finish() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
    this.#emit({ type: 'stopped' })
    this.#resolveDone()
  }

  #spawn() {
    const child = spawn(this.options.command, this.options.args, { env: this.options.env ?? process.env, stdio: this.options.stdio ?? 'inherit' })
    this.#child = child
    this.#failures = 0
    this.#healthySinceStart = false
    this.#startedAt = Date.now()
    this.#emit({ type: 'started', pid: child.pid ?? -1, restarts: this.#restarts })
    child.once('exit', (code, signal) => {
      this.#emit({ type: 'exited', pid: child.pid ?? -1, code, signal })
      if (this.#child !== child) return // killed by a restart, which starts the next one itself
      if (this.#stopping) return
      if (code === 0) return void this.#finish()
      // Crashed: start again after a pause that grows while it keeps crashing.
      const pause = this.#backoff
      this.#backoff = Math.min(this.#backoff * 2, this.options.maxBackoffMs)
      this.#child = null
      setTimeout(() => {
        if (this.#stopping) return
        this.#restarts++
        this.#spawn()
      }, pause)
    })
  }

  async #poll() {
    const child = this.#child
    if (!child || this.#polling || this.#stopping) return
    this.#polling = true
    try {
      const reason = await this.#check()
      if (this.#child !== child) return
      if (reason === null) {
        this.#failures = 0
        if (!this.#healthySinceStart) {
          this.#healthySinceStart = true
          this.#backoff = this.options.backoffMs
          this.#emit({ type: 'healthy', pid: child.pid ?? -1 })
        }
        return
      }
      // While starting, a refused connection is expected: count only after the grace or a first success.
      if (!this.#healthySinceStart && Date.now() - this.#startedAt < this.options.startGraceMs) return
      this.#failures++
      this.#emit({ type: 'unhealthy', pid: child.pid ?? -1, failures: this.#failures, reason })
      if (this.#failures >= this.options.failures) await this.#restart(child, `${this.#failures} health checks failed (${reason})`)
    } finally {
      this.#polling = false
    }
  }

  /** null when /healthz answered 200 in time, else why not. */
  async #check(): Promise<string | null> {
    try {
      const res = await fetch(this.options.healthUrl, { signal: AbortSignal.timeout(this.options.timeoutMs) })
      await res.body?.cancel()
      return res.status === 200 ? null : `status ${res.status}`
    } catch (error) {
      return error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : 'not reachable'
    }
  }

  async #restart(child: ChildProcess, reason: string) {
    this.#emit({ type: 'restarting', pid: child.pid ?? -1, reason })
    this.#child = null
    await this.#kill(child)
    if (this.#stopping) return
    this.#restarts++
    this.#spawn()
  }

  #kill(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const force = setTimeout(() => child.kill('SIGKILL'), this.options.killGraceMs)
      child.once('exit', () => {
        clearTimeout(force)
        resolve()
      })
      child.kill('SIGTERM')
    })
  }
}
