import { chromium } from '@playwright/test'
const [,, who, path, out, fullArg] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()) })
await page.goto('http://localhost:3224/sign-in')
await page.getByLabel('Email').fill(`${who}@maple.example`)
await page.getByLabel('Password').fill('samepage-demo')
await page.getByRole('button', { name: 'Sign in' }).click()
await page.waitForURL('http://localhost:3224/')
await page.goto('http://localhost:3224' + path)
await page.screenshot({ path: out, fullPage: fullArg !== 'nofull' })
console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth), 'height', await page.evaluate(() => document.documentElement.scrollHeight))
await browser.close()
