import { DEMO_PASSWORD, DEMO_USERS, expect, test } from './fixtures.ts'

test.describe('cross-site requests', () => {
  const credentials = { email: DEMO_USERS.caseManager.email, password: DEMO_PASSWORD, redirectTo: '/' }

  test('a POST to /sign-in from another site is refused with 403 and signs nobody in', async ({ request }) => {
    const response = await request.post('/sign-in', {
      headers: { Origin: 'https://evil.example' },
      form: credentials,
      maxRedirects: 0,
    })
    expect(response.status()).toBe(403)
    expect(await response.text()).toContain('Refused')
    expect(response.headers()['set-cookie'] ?? '').not.toContain('same_page_session')
  })

  test('a POST without any Origin is refused too', async ({ request }) => {
    const response = await request.post('/sign-in', { form: credentials, maxRedirects: 0 })
    expect(response.status()).toBe(403)
  })

  test('the same POST from this site signs in (the check refuses only other sites)', async ({ request, baseURL }) => {
    const response = await request.post('/sign-in', {
      headers: { Origin: new URL(baseURL!).origin },
      form: credentials,
      maxRedirects: 0,
    })
    expect(response.status()).toBe(302)
    expect(response.headers()['location']).toBe('/')
    expect(response.headers()['set-cookie']).toContain('same_page_session=')
  })
})
