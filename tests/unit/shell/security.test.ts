import { describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  CSP,
  DEV_CSP,
  originOf,
  safeExternalUrl,
  safeFolderPath,
  trustedOrigins
} from '../../../src/main/shell/security'

describe('safeExternalUrl (window.open → shell.openExternal)', () => {
  it.each([
    ['https://ok.example/path', 'https://ok.example/path'],
    ['https://ok.example', 'https://ok.example/'],
    ['HTTPS://Ok.Example/a?b=1#c', 'https://ok.example/a?b=1#c'],
    ['https://admin.syncromsp.com/invoices/42', 'https://admin.syncromsp.com/invoices/42']
  ])('opens %s', (raw, expected) => {
    expect(safeExternalUrl(raw)).toBe(expected)
  })

  it.each([
    'http://x',
    'http://ok.example/path',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'app://bundle/index.html',
    'ms-msdt:/id PCWDiagnostic',
    'smb://server/share',
    'mailto:a@b.example',
    '  https://x',
    'https://x ',
    '\thttps://x',
    'https://x\n.example',
    'https://ok.example/\u0000',
    'https://user:pass@ok.example/',
    'https://ok.example@evil.example/',
    'https:',
    'https://',
    'https:///path',
    'https:\\\\evil.example\\',
    'https:/\\evil.example',
    'https:evil.example',
    'https://ok.example\\@evil.example',
    '//ok.example/path',
    '/relative',
    'not a url',
    '',
    'https://' + 'a'.repeat(2100) + '.example'
  ])('refuses %j', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull()
  })

  it.each([undefined, null, 42, {}, ['https://ok.example']])('refuses non-string %j', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull()
  })
})

describe('origins', () => {
  it('computes scheme://host for custom schemes, where URL.origin would be "null"', () => {
    expect(new URL('app://bundle/index.html').origin).toBe('null')
    expect(originOf('app://bundle/index.html')).toBe(APP_ORIGIN)
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173')
    expect(originOf('file:///work/out/renderer/index.html')).toBeNull()
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('garbage')).toBeNull()
  })

  it('trusts only the bundle, plus an http(s) dev server when given', () => {
    expect(trustedOrigins(undefined)).toEqual([APP_ORIGIN])
    expect(trustedOrigins('http://localhost:5173/')).toEqual([APP_ORIGIN, 'http://localhost:5173'])
    expect(trustedOrigins('file:///tmp/x.html')).toEqual([APP_ORIGIN])
    expect(trustedOrigins('not a url')).toEqual([APP_ORIGIN])
  })
})

describe('CSP', () => {
  const directives = (csp: string) =>
    new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k!, v.join(' ')])
    )

  it('is the strict production policy', () => {
    const d = directives(CSP)
    expect(Object.fromEntries(d)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'"
    })
  })

  it('relaxes only script and connect sources for the dev server', () => {
    const prod = directives(CSP)
    const dev = directives(DEV_CSP)
    for (const [k, v] of prod) {
      if (k === 'script-src' || k === 'connect-src') continue
      expect(dev.get(k)).toBe(v)
    }
    expect(dev.get('script-src')).toContain("'unsafe-inline'")
    // Loopback websockets only (Vite HMR), never a wildcard host.
    for (const source of dev.get('connect-src')!.split(' ')) {
      expect(source).toMatch(/^('self'|ws:\/\/(localhost|127\.0\.0\.1):\*)$/)
    }
  })
})

describe('safeFolderPath (Settings: Open data folder / Open log folder)', () => {
  const allowed = [
    '/home/ann/.local/share/psa-bridge',
    '/home/ann/.local/share/psa-bridge/logs',
    'C:\\Users\\Ann\\AppData\\Roaming\\PSA Bridge'
  ]

  it("opens the app's own folders, exactly as named (spaces included)", () => {
    for (const p of allowed) expect(safeFolderPath(p, allowed)).toBe(p)
  })

  it('refuses every other path, and every disguise of an allowed one', () => {
    const hostile: unknown[] = [
      '/etc',
      '/home/ann',
      '/home/ann/.local/share/psa-bridge/../../../../etc',
      '/home/ann/.local/share/psa-bridge/./logs',
      '/home/ann/.local/share/psa-bridge/logs/..',
      '/home/ann/.local/share/psa-bridge/',
      '/home/ann/.local/share/psa-bridge\n',
      '/home/ann/.local/share/psa-bridge\u0000/etc',
      'file:///home/ann/.local/share/psa-bridge',
      'smb://evil.example/share',
      '\\\\evil.example\\share',
      '//evil.example/share',
      'C:\\Users\\Ann\\AppData\\Roaming\\PSA Bridge\\..\\..',
      'relative/psa-bridge',
      '',
      'x'.repeat(5000),
      null,
      42,
      { toString: () => allowed[0] }
    ]
    for (const p of hostile) expect(safeFolderPath(p, allowed), String(p).slice(0, 60)).toBeNull()
  })
})
