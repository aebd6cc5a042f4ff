import { describe, expect, it } from 'vitest'
import { createJumpCloudConnector } from '../../../src/main/connectors/jumpcloud'
import { companyNames } from '../../sims/common'
import { startAllSims } from '../../sims/all'

describe('startAllSims', () => {
  it('starts the three simulators from one seed, with working demo credentials, and closes them', async () => {
    const sims = await startAllSims({ seed: 4, orgs: 12 })
    const { credentials: c } = sims
    try {
      const jc = createJumpCloudConnector(c.jumpcloud)
      const orgs = await jc.listOrganizations()
      expect(orgs.map((o) => o.name)).toEqual(companyNames(4, 12))

      const syncroBase = c.syncro.urlTemplate.replace('{subdomain}', c.syncro.subdomain)
      const syncro = await fetch(`${syncroBase}/customers`, {
        headers: { Authorization: `Bearer ${c.syncro.apiToken}` }
      })
      expect(syncro.status).toBe(200)

      const ports = new Set([sims.syncro.port, sims.autotask.port, sims.jumpcloud.port])
      expect(ports.size).toBe(3)
      expect(c.autotask.zoneLookupUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    } finally {
      await sims.close()
    }
    await expect(fetch(`${c.jumpcloud.consoleUrl}/__sim/stats`)).rejects.toThrow()
  })
})
