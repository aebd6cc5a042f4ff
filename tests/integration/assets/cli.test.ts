import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import type { AssetsView } from '../../../src/shared/contract/assets'
import { kindLabel, SOURCE_KINDS, sourceInfo } from '../../../src/shared/registry'
import { plantFleet } from '../../helpers/asset-fleet'
import { simEnv, useSimApp } from '../../helpers/sim-app'

const start = useSimApp()

describe('psa-bridge assets', () => {
  it('assets pull, then assets --customer ID --json lists that customer’s rows', async () => {
    const s = await start({ psa: 'syncro', orgs: 3 })
    await s.call('refreshData', { from: 'both' })
    const cv = await s.call<{ orgs: Array<{ id: string }>; customers: Array<{ id: string }> }>('getCustomersView')
    const customerId = cv.customers[0]!.id
    await s.call('mapOrg', { source: 'jumpcloud', orgId: cv.orgs[0]!.id, customerId })
    const fleet = await plantFleet(s.sims, 'syncro', cv.orgs[0]!.id, customerId)
    const c = s.sims.credentials
    const env = simEnv(s.sims, {
      PSA_BRIDGE_SECRET_STORE: 'env',
      PSA_BRIDGE_SYNCRO_API_TOKEN: c.syncro.apiToken,
      PSA_BRIDGE_JUMPCLOUD_API_KEY: c.jumpcloud.apiKey
    })
    const cli = async (...args: string[]) => {
      const out: string[] = []
      const err: string[] = []
      const code = await runCli(['--data-dir', s.dataDir, ...args], {
        out: (t) => void out.push(t),
        err: (t) => void err.push(t),
        env
      })
      return { code, out: out.join('\n'), err: err.join('\n') }
    }
    const pull = await cli('assets', 'pull')
    expect(pull.err).toBe('')
    expect(pull.out).toMatch(/^pulled \d+ devices and \d+ PSA assets for 1 customers/)
    const r = await cli('assets', '--customer', customerId, '--json')
    expect(r.code).toBe(0)
    const v = JSON.parse(r.out) as AssetsView
    expect(v.rows.every((x) => x.customerId === customerId)).toBe(true)
    expect(v.rows.find((x) => x.deviceId === fleet.deviceIds['ACC-LT-01'])).toMatchObject({ status: 'suggested' })
    const human = await cli('assets')
    expect(human.out).toContain('ACC-LT-01')
    // Each device row carries the source it was pulled from (device ids are per source); PSA-only rows none.
    const device = v.rows.find((x) => x.deviceId === fleet.deviceIds['ACC-LT-01'])!
    expect(SOURCE_KINDS.filter((k) => sourceInfo(k).devices)).toContain(device.source)
    for (const x of v.rows) expect(x.source === null).toBe(x.deviceId === null)
    expect(human.out).toContain(`ACC-LT-01 (${kindLabel(device.source!)})`)
    expect((await cli('assets', '--customer', '')).code).toBe(2)
  })
})
