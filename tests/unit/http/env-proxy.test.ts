import fc from 'fast-check'
import { getProxyForUrl } from 'proxy-from-env'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { envProxyConfigured } from '../../../src/main/connectors/http/env-proxy'

const NAMES = ['http_proxy', 'https_proxy', 'all_proxy', 'no_proxy', 'npm_config_proxy', 'npm_config_https_proxy']

describe('envProxyConfigured', () => {
  afterEach(() => vi.unstubAllEnvs())

  it.each([
    [{}, 'https://api.example.com', false],
    [{ HTTPS_PROXY: 'http://proxy:3128' }, 'https://api.example.com', true],
    [{ https_proxy: 'proxy:3128' }, 'https://api.example.com', true],
    [{ HTTP_PROXY: 'http://proxy:3128' }, 'https://api.example.com', false],
    [{ HTTP_PROXY: 'http://proxy:3128' }, 'http://127.0.0.1:8080', true],
    [{ ALL_PROXY: 'socks5://proxy:1080' }, 'https://api.example.com', true],
    [{ HTTPS_PROXY: '' }, 'https://api.example.com', false],
    [{ npm_config_https_proxy: 'http://proxy:3128' }, 'https://api.example.com', true],
    [{ NO_PROXY: '*' }, 'https://api.example.com', false]
  ] as const)('%j for %s → %s', (env, url, expected) => {
    expect(envProxyConfigured(url, env)).toBe(expected)
  })

  // The direction that matters: `false` turns axios's per-request proxy lookup off, so it must never be said when
  // the lookup axios uses would find a proxy for an address of that client.
  it('never says "none" when proxy-from-env finds a proxy', () => {
    const value = fc.constantFrom('', 'http://proxy:3128', 'proxy:8080', '*', 'api.example.com', '.example.com')
    const env = fc.dictionary(fc.constantFrom(...NAMES, ...NAMES.map((n) => n.toUpperCase())), value)
    const url = fc.constantFrom('https://api.example.com/v1/x', 'http://127.0.0.1:8080/y', 'https://other.test/z')
    fc.assert(
      fc.property(env, url, (vars, u) => {
        vi.unstubAllEnvs()
        for (const n of [...NAMES, ...NAMES.map((x) => x.toUpperCase())]) vi.stubEnv(n, vars[n] ?? '')
        if (getProxyForUrl(u) !== '') expect(envProxyConfigured(u, process.env)).toBe(true)
      })
    )
  })
})
