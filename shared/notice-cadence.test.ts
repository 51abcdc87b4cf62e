import { describe, expect, it } from 'vitest'
import { defaultCadence } from './notice-cadence.ts'

describe('defaultCadence', () => {
  it('gives parents the weekly digest, case managers a daily one, and other staff the app alone', () => {
    expect(defaultCadence('parent')).toBe('weekly')
    expect(defaultCadence('case_manager')).toBe('daily')
    expect(defaultCadence('provider')).toBe('app_only')
    expect(defaultCadence('para')).toBe('app_only')
  })
})
