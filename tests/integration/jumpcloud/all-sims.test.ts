import { describe, expect, it } from 'vitest'
import { createJumpCloudConnector } from '../../../src/main/connectors/jumpcloud'
import { createSaasAlertsConnector } from '../../../src/main/connectors/saasalerts'
import { companyNames } from '../../sims/common'
import { startAllSims } from '../../sims/all'

describe('startAllSims', () => {
  it('starts the four simulators from one seed, with working demo credentials, and closes them', async () => {
    const sims = await startAllSims({ seed: 4, orgs: 12 })
    const { credentials: c } = sims
    try {
      const jc = createJumpCloudConnector(c.jumpcloud)
      const orgs = await jc.listOrganizations()
      expect(orgs.map((o) => o.name)).toEqual(companyNames(4, 12))
      // SaaS Alerts watches the first ~70% of the same companies, under the same names.
      const sa = createSaasAlertsConnector(c.saasalerts)
      expect((await sa.listOrganizations()).map((o) => o.name)).toEqual(companyNames(4, 12).slice(0, 8))

      const syncroBase = c.syncro.urlTemplate.replace('{subdomain}', c.syncro.subdomain)
      const syncro = await fetch(`${syncroBase}/customers`, {
        headers: { Authorization: `Bearer ${c.syncro.apiToken}` }
      })
      expect(syncro.status).toBe(200)

      const ports = new Set([sims.syncro.port, sims.autotask.port, sims.jumpcloud.port, sims.saasalerts.port])
      expect(ports.size).toBe(4)
      expect(c.autotask.zoneLookupUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    } finally {
      await sims.close()
    }
    await expect(fetch(`${c.jumpcloud.consoleUrl}/__sim/stats`)).rejects.toThrow()
    await expect(fetch(`${sims.saasalerts.url}/__sim/stats`)).rejects.toThrow()
  })
})
