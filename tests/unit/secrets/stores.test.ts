import { describe, expect, it } from 'vitest'
import {
  createEnvStore,
  createMemoryStore,
  createSecretStore,
  secretStoreKindFrom,
  withRedaction
} from '../../../src/main/secrets'
import { createKeychainStore } from '../../../src/main/secrets/keychain-store'
import { createLogger } from '../../../src/main/core/log'

describe('env secret store (headless servers)', () => {
  it('reads the documented variables and never writes', async () => {
    const env = { PSA_BRIDGE_SYNCRO_API_TOKEN: ' tok-123456 ' }
    const s = createEnvStore(env)
    expect(await s.get('syncro.apiToken')).toBe('tok-123456')
    expect(await s.get('jumpcloud.apiKey')).toBeNull()
    await expect(s.set('jumpcloud.apiKey', 'x')).rejects.toMatchObject({
      code: 'config',
      message: expect.stringContaining('PSA_BRIDGE_JUMPCLOUD_API_KEY')
    })
    // Saving the value that is already in the environment is fine (Verify and Save on a server).
    await expect(s.set('syncro.apiToken', 'tok-123456')).resolves.toBeUndefined()
    await expect(s.get('nope.field')).rejects.toThrow(/Unknown secret account/)
  })
})

describe('secret store selection', () => {
  it('defaults to the keychain and rejects unknown kinds', () => {
    expect(secretStoreKindFrom({})).toBe('keychain')
    expect(secretStoreKindFrom({ PSA_BRIDGE_SECRET_STORE: 'env' })).toBe('env')
    expect(() => secretStoreKindFrom({ PSA_BRIDGE_SECRET_STORE: 'sqlite' })).toThrow(/keychain, env or memory/)
    expect(createSecretStore('memory', {}).kind).toBe('memory')
  })

  it('turns a missing keychain into a clear config error', async () => {
    const s = createKeychainStore('svc', () => {
      throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')
    })
    await expect(s.get('syncro.apiToken')).rejects.toMatchObject({
      code: 'config',
      hint: expect.stringContaining('PSA_BRIDGE_SECRET_STORE=env')
    })
  })

  it('registers every secret it sees for log redaction', async () => {
    const redacted: string[] = []
    const log = { ...createLogger({}), redact: (s: string) => void redacted.push(s) }
    const s = withRedaction(createMemoryStore(), log)
    await s.set('syncro.apiToken', 'secret-one')
    await s.get('syncro.apiToken')
    expect(redacted).toEqual(['secret-one', 'secret-one'])
  })
})
