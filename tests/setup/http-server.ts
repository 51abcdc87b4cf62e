import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Starts `app` on a free loopback port; resolves once it listens. */
export function listenOnFreePort(app: { listen(port: number, host: string): Server }): Promise<Server> {
  const server = app.listen(0, '127.0.0.1')
  return new Promise((resolve, reject) => server.once('listening', () => resolve(server)).once('error', reject))
}

/** `http://127.0.0.1:PORT` of a listening server. */
export function baseUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Drops open connections (keep-alive included) and waits for the server to close. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}
