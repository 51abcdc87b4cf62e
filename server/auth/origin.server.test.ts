import { describe, expect, test } from 'vitest'
import { isAllowedOrigin } from './origin.server.ts'

const HOST = 'samepage.maple.example'

describe('isAllowedOrigin', () => {
  test.each(['GET', 'HEAD', 'OPTIONS', 'get'])('%s is allowed from anywhere, even without an Origin', (method) => {
    expect(isAllowedOrigin(method, undefined, HOST)).toBe(true)
    expect(isAllowedOrigin(method, 'https://evil.example', HOST)).toBe(true)
  })

  test('a POST from the same host is allowed', () => {
    expect(isAllowedOrigin('POST', `https://${HOST}`, HOST)).toBe(true)
    expect(isAllowedOrigin('POST', 'http://localhost:3000', 'localhost:3000')).toBe(true)
  })

  test.each(['POST', 'PUT', 'PATCH', 'DELETE'])('a %s from a foreign origin is refused', (method) => {
    expect(isAllowedOrigin(method, 'https://evil.example', HOST)).toBe(false)
  })

  test('the port is part of the host', () => {
    expect(isAllowedOrigin('POST', 'http://localhost:4000', 'localhost:3000')).toBe(false)
  })

  test('a look-alike host is refused', () => {
    expect(isAllowedOrigin('POST', `https://${HOST}.evil.example`, HOST)).toBe(false)
  })

  test('a missing Origin (or Host) on a POST is refused', () => {
    expect(isAllowedOrigin('POST', undefined, HOST)).toBe(false)
    expect(isAllowedOrigin('POST', '', HOST)).toBe(false)
    expect(isAllowedOrigin('POST', `https://${HOST}`, undefined)).toBe(false)
  })

  test.each(['null', 'not a url', '://', HOST])('a garbage Origin %j is refused', (origin) => {
    expect(isAllowedOrigin('POST', origin, HOST)).toBe(false)
  })
})
