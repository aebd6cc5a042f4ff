// Pure security policy of the desktop shell (no electron import, so it is trivially testable).

/** The renderer is served from this privileged custom scheme in production. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'"
].join('; ')

/**
 * Dev server only (never packaged): Vite's React refresh preamble is an inline module script and
 * HMR talks over a websocket, both of which the production policy forbids.
 */
export const DEV_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"
)

/**
 * `scheme://host[:port]` of a URL, or null. Hand-rolled because WHATWG `URL.origin` is the opaque
 * "null" for non-special schemes such as app://.
 */
export function originOf(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (!url.host) return null
  return `${url.protocol}//${url.host}`
}

/** The origins allowed to call IPC: the bundle, plus the dev server when one is in use. */
export function trustedOrigins(devServerUrl: string | undefined): string[] {
  const out = [APP_ORIGIN]
  const dev = devServerUrl ? originOf(devServerUrl) : null
  if (dev && (dev.startsWith('http://') || dev.startsWith('https://'))) out.push(dev)
  return out
}

// Any whitespace or control character anywhere: `new URL()` would silently strip some of them
// (leading spaces, tabs, newlines), so the string we checked would not be the one we open.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f-\u009f]/

/**
 * The URL to hand to `shell.openExternal`, or null. Only plain https links to a named host: no
 * other scheme (http, file, javascript, custom protocol handlers of other apps), no credentials
 * (`https://bank.example@evil.example` phishing), nothing `new URL` had to clean up first.
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048 || UNSAFE_CHARS.test(raw)) return null
  // Literally "https://" then a host: the parser would otherwise rewrite `https:///h`,
  // `https:\\h` or `https:h` into a different URL than the one the user saw.
  if (!/^https:\/\/[^/\\]/i.test(raw) || raw.includes('\\')) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null
  return url.href
}

/**
 * The folder to hand to `shell.openPath`, or null: only one of the app's own folders (data, logs), given as
 * the exact absolute path — no `..` or `.` segments, no URL (`file:`, `smb:`), no UNC share (`\\host\share`),
 * no control characters. The core names the folder; this check still refuses anything else reaching the opener.
 */
export function safeFolderPath(raw: unknown, allowed: readonly string[]): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4096 || UNSAFE_FOLDER_CHARS.test(raw)) return null
  if (/^[\\/]{2}/.test(raw)) return null // UNC or `//host/share`
  if (/^[a-z][a-z0-9+.-]+:/i.test(raw)) return null // a URL scheme (a one-letter drive such as C: is allowed)
  const segments = raw.split(/[\\/]/)
  if (segments.some((s) => s === '..' || s === '.')) return null
  return allowed.includes(raw) ? raw : null
}

// Control characters only: a folder name may hold spaces (the macOS data dir is "Application Support").
// eslint-disable-next-line no-control-regex
const UNSAFE_FOLDER_CHARS = /[\u0000-\u001f\u007f-\u009f]/
