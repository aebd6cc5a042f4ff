import { describe, expect, it } from 'vitest'
import { createConnectorFactory } from '../../../src/main/connectors/factory'

describe('connector factory', () => {
  it('re-uses one connector (and so one rate limiter) per set of credentials', () => {
    const f = createConnectorFactory({})
    const a = f.syncro({ subdomain: 'acme', apiToken: 'token-one' })
    expect(f.syncro({ subdomain: 'acme', apiToken: 'token-one' })).toBe(a)
    expect(f.syncro({ subdomain: 'acme', apiToken: 'token-two' })).not.toBe(a)
    const j = f.jumpcloud({ apiKey: 'k', providerId: '5f0c1a2b3c4d5e6f7a8b9c0d', region: 'us' })
    expect(f.jumpcloud({ apiKey: 'k', providerId: '5f0c1a2b3c4d5e6f7a8b9c0d', region: 'us' })).toBe(j)
    expect(f.jumpcloud({ apiKey: 'k', providerId: '5f0c1a2b3c4d5e6f7a8b9c0d', region: 'eu' })).not.toBe(j)
    const s = f.saasalerts({ apiKey: 'sa-key' })
    expect(f.saasalerts({ apiKey: 'sa-key' })).toBe(s)
    expect(f.saasalerts({ apiKey: 'sa-other' })).not.toBe(s)
  })
})
