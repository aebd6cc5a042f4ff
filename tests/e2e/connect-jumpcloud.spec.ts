import { test, expect, KEYCHAIN_AVAILABLE } from './fixtures'
import { card, saveRestartAndClear, settled, verifyAndSave } from './support/connect-page'

test.describe('JumpCloud MTP', () => {
  test('valid credentials save, survive a restart, and Disable & Clear removes them', async ({
    app: page,
    bridge,
    sims
  }) => {
    await saveRestartAndClear({
      page,
      bridge,
      name: 'JumpCloud MTP',
      keychain: KEYCHAIN_AVAILABLE,
      secretLabels: ['API key'],
      fill: async (c) => {
        await c.getByLabel('API key').fill(sims.creds.jumpcloud.apiKey)
        await c.getByLabel('Provider ID').fill(sims.creds.jumpcloud.providerId)
        await c.getByLabel('Region').selectOption('us')
      },
      afterRestart: async (c) => {
        await expect(c.getByLabel('Provider ID')).toHaveValue(sims.creds.jumpcloud.providerId)
        await expect(c.getByLabel('Region')).toHaveValue('us')
      }
    })
  })

  test('a bad API key is reported on the key field', async ({ app: page, sims }) => {
    const jc = card(page, 'JumpCloud MTP')
    await jc.getByLabel('API key').fill('not-a-key')
    await jc.getByLabel('Provider ID').fill(sims.creds.jumpcloud.providerId)
    await verifyAndSave(page, 'JumpCloud MTP')
    await settled(page, 'JumpCloud MTP')
    await expect(jc.getByLabel('API key')).toHaveAccessibleDescription(/JumpCloud rejected the API key/)
    await expect(jc.getByText('Not connected')).toBeVisible()
  })

  test('an unknown provider ID is reported on the provider field', async ({ app: page, sims }) => {
    const jc = card(page, 'JumpCloud MTP')
    await jc.getByLabel('API key').fill(sims.creds.jumpcloud.apiKey)
    await jc.getByLabel('Provider ID').fill('0123456789abcdef01234567')
    await verifyAndSave(page, 'JumpCloud MTP')
    await settled(page, 'JumpCloud MTP')
    await expect(jc.getByLabel('Provider ID')).toHaveAccessibleDescription(
      /provider ID "0123456789abcdef01234567"|organizations of provider/
    )
    await expect(jc.getByText('Not connected')).toBeVisible()
  })

  test('a malformed provider ID is refused before any request', async ({ app: page, sims }) => {
    const jc = card(page, 'JumpCloud MTP')
    await jc.getByLabel('API key').fill(sims.creds.jumpcloud.apiKey)
    await jc.getByLabel('Provider ID').fill('not-hex')
    await verifyAndSave(page, 'JumpCloud MTP')
    await expect(jc.getByLabel('Provider ID')).toHaveAccessibleDescription(/24 hexadecimal characters/)
    expect((await sims.stats(sims.jumpcloud)).total).toBe(0)
  })
})
