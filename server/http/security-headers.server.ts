import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import helmet from 'helmet'

/**
 * Response headers for every request (issue 12, item 7), through helmet (pinned) where it has them:
 * - Content-Security-Policy with a fresh nonce per request for Remix's inline scripts (entry.server.tsx and
 *   root.tsx read it from the load context); the notebooks' WebSocket is on the same origin (ws:/wss:).
 * - Cache-Control: no-store on everything dynamic (any page may carry student data); the build's static
 *   files replace it with their own (server/app.server.ts), or every page would download all its scripts again.
 * - Strict-Transport-Security only when the request came over https (TRUST_PROXY=1 and X-Forwarded-Proto).
 * - Referrer-Policy same-origin (invite tokens live in URLs), Permissions-Policy refusing device features.
 */
export function cspNonce(res: Response): string {
  return (res.locals as { cspNonce?: string }).cspNonce ?? ''
}

export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ')

export const HSTS = 'max-age=31536000; includeSubDomains'

export function securityHeaders(options: { csp: boolean }) {
  const withHelmet = helmet({
    contentSecurityPolicy: options.csp
      ? {
          useDefaults: false,
          directives: {
            'default-src': ["'self'"],
            'script-src': ["'self'", (_req, res) => `'nonce-${cspNonce(res as Response)}'`],
            // React, TipTap's carets and the charts set style attributes.
            'style-src': ["'self'", "'unsafe-inline'"],
            'img-src': ["'self'", 'data:', 'blob:'],
            'font-src': ["'self'", 'data:'],
            'connect-src': ["'self'", 'ws:', 'wss:'],
            'worker-src': ["'self'", 'blob:'],
            'object-src': ["'none'"],
            'base-uri': ["'self'"],
            'form-action': ["'self'"],
            'frame-ancestors': ["'none'"],
          },
        }
      : false,
    // Only for requests that came over https (below): a plain-http install must stay reachable.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  })
  return (req: Request, res: Response, next: NextFunction) => {
    ;(res.locals as { cspNonce?: string }).cspNonce = randomBytes(16).toString('base64')
    res.set('Cache-Control', 'no-store')
    res.set('Permissions-Policy', PERMISSIONS_POLICY)
    if (req.secure) res.set('Strict-Transport-Security', HSTS)
    withHelmet(req, res, next)
  }
}
