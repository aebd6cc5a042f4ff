import { describe, expect, it } from 'vitest'
import { createApp } from '../../../src/main/app/app'
import { openStatusCore } from '../../../src/main/app/status-core'
import { createMemoryStore } from '../../../src/main/secrets'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()
const now = () => new Date('2026-03-14T10:00:00Z')

// The CLI's `status` opens this light core instead of the whole app (issue 12: cold start): same reply, same checks.
describe('status core', () => {
  it('replies to getStatus exactly as the whole app does (paused, schedule on)', async () => {
    const dir = tmp()
    const secrets = createMemoryStore()
    const app = await createApp({ dataDir: dir, secrets, env: {}, now })
    try {
      for (const [name, input] of [
        ['setPaused', { paused: true }],
        ['saveBillingSettings', { scheduleEnabled: true }]
      ] as const)
        expect((await app.dispatch(name, input)).ok).toBe(true)
      const full = await app.dispatch('getStatus', {})
      const core = openStatusCore({ dataDir: dir, secrets, env: {}, now })
      try {
        const light = await core.dispatch('getStatus', {})
        expect(light).toEqual(full)
        expect(light).toMatchObject({ ok: true, value: { pause: { paused: true }, nextRun: expect.any(String) } })
      } finally {
        await core.close()
      }
    } finally {
      await app.close()
    }
  })

  it('checks input with the contract and refuses every other method as unknown', async () => {
    const core = openStatusCore({ dataDir: tmp(), secrets: createMemoryStore(), env: {} })
    try {
      expect(await core.dispatch('getStatus', { extra: 1 })).toMatchObject({ ok: true })
      expect(await core.dispatch('getStatus', 'not an object')).toMatchObject({
        ok: false,
        error: { code: 'validation' }
      })
      for (const name of ['setPaused', 'getBillingView', 'constructor'])
        expect(await core.dispatch(name, {})).toEqual({
          ok: false,
          error: { code: 'validation', message: `Unknown method: ${name}` }
        })
    } finally {
      await core.close()
    }
  })
})
