import { expect } from '@playwright/test'
import type { CaughtMail } from '../fixtures/smtp-catcher.ts'

/** The journeys' mailbox (tests/e2e/mail-catcher-server.ts), on the port playwright.config.ts gives it. */
const MAILBOX_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3210) + 4}`

/** Every message that reached `address` so far, as the mail server received it. */
export async function mailTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(`${MAILBOX_URL}/messages?to=${encodeURIComponent(address)}`)
  if (!response.ok) throw new Error(`The journeys' mailbox answered ${response.status}`)
  return (await response.json()) as CaughtMail[]
}

/**
 * Waits for the first message to `address` that `match` accepts (the server's sender passes every 2 s) and returns it.
 */
export async function waitForMail(address: string, match: (mail: CaughtMail) => boolean = () => true, timeout = 20_000): Promise<CaughtMail> {
  let found: CaughtMail | undefined
  await expect
    .poll(
      async () => {
        found = (await mailTo(address)).find(match)
        return Boolean(found)
      },
      { timeout, message: `a message to ${address}` },
    )
    .toBe(true)
  return found!
}

/** The first link in a message's text that starts with `prefix` (e.g. the app's own address and a path). */
export function linkIn(mail: CaughtMail, pathPrefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(pathPrefix))
  if (!link) throw new Error(`No link to ${pathPrefix} in: ${mail.text}`)
  return link
}
