import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** A fresh 32-byte token per launch: whoever can read the printed URL may use the bridge. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Cookies are scoped by host, not port, so two bridges on 127.0.0.1 would overwrite each
 * other's cookie; the port in the name keeps them apart.
 */
export function cookieName(port: number): string {
  return `psa_bridge_${port}`
}

export function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** The request carries the launch token, in our cookie or as `Authorization: Bearer`. */
export function isAuthorized(req: IncomingMessage, token: string, port: number): boolean {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ') && sameToken(auth.slice(7).trim(), token)) return true
  return sameToken(readCookie(req.headers.cookie, cookieName(port)), token)
}

/** DNS-rebinding guard: a page on evil.example resolving to 127.0.0.1 sends its own Host. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** CSRF guard for POST: browsers send Origin on cross-site POSTs; it must be ours if present. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

export function authCookie(token: string, port: number): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
}
