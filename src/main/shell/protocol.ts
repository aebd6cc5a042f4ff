import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME, CSP } from './security'

/**
 * Must run before `app.whenReady()`. `standard` gives app:// real origins and relative URL
 * resolution, `secure` makes it a secure context (like https), fetch is allowed for same-origin
 * assets. No `bypassCSP`: our CSP must apply.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json'
}

/**
 * The file under `root` that `app://bundle/<path>` names, or null when the URL is not ours or
 * tries to leave `root` (`..`, encoded `%2e%2e%2f`, backslashes, NUL, absolute paths).
 */
export function resolveBundlePath(root: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null // malformed percent-encoding
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path.split('/').some((segment) => segment === '..')) return null
  if (path === '' || path === '/') path = '/index.html'
  const base = resolve(root)
  const file = resolve(base, '.' + path)
  const rel = relative(base, file)
  if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return null
  return file
}

/**
 * `protocol.handle(APP_SCHEME, …)` handler serving the built renderer from `root`, every response
 * carrying the CSP header. Extension-less paths fall back to index.html (client-side routes).
 */
export function createBundleHandler(root: string, csp: string = CSP): (request: Request) => Promise<Response> {
  const respond = (status: number, body: Uint8Array | string | null, type?: string) =>
    new Response(body, {
      status,
      headers: {
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        ...(type ? { 'content-type': type } : {})
      }
    })
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, null)
    const file = resolveBundlePath(root, request.url)
    if (!file) return respond(404, 'Not found', 'text/plain; charset=utf-8')
    const ext = extname(file).toLowerCase()
    const candidates = ext === '' ? [file, resolve(root, 'index.html')] : [file]
    for (const candidate of candidates) {
      try {
        const body = await readFile(candidate)
        const type = MIME[extname(candidate).toLowerCase()] ?? 'application/octet-stream'
        return respond(200, request.method === 'HEAD' ? null : new Uint8Array(body), type)
      } catch {
        // try the next candidate
      }
    }
    return respond(404, 'Not found', 'text/plain; charset=utf-8')
  }
}
