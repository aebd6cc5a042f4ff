import { describe, expect, it } from 'vitest'
import { useSimApp } from '../../helpers/sim-app'

// SaaS Alerts is a registered source: it is saved beside JumpCloud through Connect, its key goes to the
// secret store only, a wrong key is refused on its field, and Disable & Clear removes it alone.

describe('connecting SaaS Alerts beside JumpCloud', () => {
  const start = useSimApp()

  it('saves both sources at once and keeps the key out of the settings', async () => {
    const s = await start({ seed: 3, orgs: 6 })
    const c = s.sims.credentials.saasalerts
    const bad = await s.app.dispatch('saveSaasAlerts', { apiKey: 'wrong-key' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect([bad.error.code, bad.error.field]).toEqual(['auth', 'apiKey'])
    await s.call('saveSaasAlerts', { apiKey: c.apiKey })
    const list = await s.call<Array<{ kind: string; role: string; displayName: string }>>('listIntegrations')
    const kinds = list.map((i) => [i.kind, i.role])
    expect(kinds).toContainEqual(['jumpcloud', 'source'])
    expect(kinds).toContainEqual(['saasalerts', 'source'])
    expect(JSON.stringify(list)).not.toContain(c.apiKey)
    expect(list.find((i) => i.kind === 'saasalerts')!.displayName).toBe('SaaS Alerts (4 organizations)')
    // A second save without `replace` is refused like every kind's.
    const again = await s.app.dispatch('saveSaasAlerts', { apiKey: c.apiKey })
    expect(again.ok).toBe(false)
  })
})
