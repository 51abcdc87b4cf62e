import type { Page } from '@playwright/test'
import { createInvite, expect, expectAccessible, openStudent, test, uniqueEmail } from './fixtures.ts'

const WIDTH = 360
test.use({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })

async function expectFitsPhone(page: Page) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(scrollWidth, 'the page scrolls sideways at 360 px').toBeLessThanOrEqual(WIDTH)
  const signOut = await page.getByRole('button', { name: 'Sign out' }).boundingBox()
  expect(signOut, 'Sign out is on screen').not.toBeNull()
  expect(signOut!.height, 'Sign out is a 44 px tap target').toBeGreaterThanOrEqual(44)
  expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(WIDTH)
}

test('on a 360 px phone, My students and Johnny’s page fit without sideways scrolling', async ({ page, signIn }) => {
  await signIn('caseManager')
  await expectFitsPhone(page)
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/phone-my-students.png', fullPage: true })

  await openStudent(page, 'Johnny Miller')
  await expectFitsPhone(page)
  await page.screenshot({ path: 'test-results/phone-johnny.png', fullPage: true })

  // The widest state of the page: a fresh invite link and a pending invite with a long address.
  await createInvite(page, uniqueEmail('phone-check-long-address'), 'Service provider')
  await expectFitsPhone(page)
  await expectAccessible(page)
  await page.screenshot({ path: 'test-results/phone-johnny-invite.png', fullPage: true })
})
