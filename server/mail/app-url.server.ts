import { loadConfig } from '../config.server.ts'

/**
 * A full link into the app for a message: PUBLIC_URL when the school set one (the address people really use),
 * else this machine on its port, which is right for the demo and for tests.
 */
export function appUrl(path: string): string {
  const config = loadConfig()
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`
  // Relative to the base, so a school serving the app under a path (https://host/same-page/) keeps it.
  return new URL(path.replace(/^\/+/, ''), base.endsWith('/') ? base : `${base}/`).toString()
}
