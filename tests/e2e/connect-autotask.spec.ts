import { test, expect, KEYCHAIN_AVAILABLE } from './fixtures'
import { card, saveRestartAndClear, settled, verifyAndSave } from './support/connect-page'
import type { Locator } from '@playwright/test'

test.describe('Autotask', () => {
  async function fill(c: Locator, v: { username: string; secret: string; integrationCode: string }) {
    await c.getByLabel('API username').fill(v.username)
    await c.getByLabel('Secret').fill(v.secret)
    await c.getByLabel('Integration code').fill(v.integrationCode)
  }

  test('valid credentials save with the discovered zone, survive a restart, and Disable & Clear removes them', async ({
    app: page,
    bridge,
    sims
  }) => {
    await saveRestartAndClear({
      page,
      bridge,
      name: 'Autotask',
      keychain: KEYCHAIN_AVAILABLE,
      secretLabels: ['Secret', 'Integration code'],
      fill: (c) => fill(c, sims.creds.autotask),
      afterRestart: async (c) => {
        await expect(c.getByLabel('API username')).toHaveValue(sims.creds.autotask.username)
        // The zone the lookup returned is shown (settings row "API URL").
        await expect(c.getByText(sims.autotask.zoneUrl)).toBeVisible()
      }
    })
  })

  const cases = [
    {
      what: 'an unknown API user',
      field: 'API username',
      change: { username: 'nobody@msp.example' },
      message: /does not know the API user "nobody@msp\.example"/
    },
    {
      what: 'a wrong secret',
      field: 'Secret',
      change: { secret: 'wrong-secret' },
      message: /rejected the API user secret/
    },
    {
      what: 'a bad integration code',
      field: 'Integration code',
      change: { integrationCode: 'NOTACODE' },
      message: /rejected the integration code/
    }
  ]
  for (const c of cases) {
    test(`${c.what} is reported on its field`, async ({ app: page, sims }) => {
      const at = card(page, 'Autotask')
      await fill(at, { ...sims.creds.autotask, ...c.change })
      await verifyAndSave(page, 'Autotask')
      await settled(page, 'Autotask')
      await expect(at.getByLabel(c.field)).toHaveAttribute('aria-invalid', 'true')
      await expect(at.getByLabel(c.field)).toHaveAccessibleDescription(c.message)
      await expect(at.getByText('Not connected')).toBeVisible()
    })
  }
})
