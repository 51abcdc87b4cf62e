import type { AppLoadContext } from '@remix-run/node'
import { describe, expect, test, vi } from 'vitest'
import { action } from '#app/routes/account/account.tsx'

/**
 * An account that owes its two-step set-up is sent to it by every loader; a form posted without scripts runs its
 * action before any loader, so the Account page's action asks first. Nothing is changed on the way.
 */
describe('the Account page and an owed two-step set-up', () => {
  const post = (owed: boolean) => {
    const changePassword = vi.fn(async () => ({ ok: true as const }))
    const context = {
      auth: { user: { id: 'u1', email: 'dana@maple.example', name: 'Dana' } },
      twoStepOwed: async () => owed,
      account: { changePassword },
    } as unknown as AppLoadContext
    const body = new URLSearchParams({ intent: 'password', current: 'old-password-123', password: 'new-password-12345', confirm: 'new-password-12345' })
    const request = new Request('http://localhost/account', { method: 'POST', body })
    return { changePassword, result: action({ context, request, params: {} }) }
  }

  test('owed: the action redirects to the set-up and changes nothing', async () => {
    const { changePassword, result } = post(true)
    const thrown = await result.then(
      () => null,
      (e: unknown) => e,
    )
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(302)
    expect((thrown as Response).headers.get('location')).toBe('/account/two-step')
    expect(changePassword).not.toHaveBeenCalled()
  })

  test('not owed: the form is handled as before', async () => {
    const { changePassword, result } = post(false)
    await result
    expect(changePassword).toHaveBeenCalledWith('old-password-123', 'new-password-12345')
  })
})
