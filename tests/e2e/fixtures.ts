import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { startBridge, type BridgeProcess } from './support/bridge'
import { startE2eSims, type E2eSims } from './support/sims'

/**
 * Secrets must outlive a bridge restart, which only the OS keychain does. `npm test` runs inside
 * a throw-away D-Bus + gnome-keyring session; without one (plain `npx playwright test` on a
 * headless box) the memory store is used and restart tests say so instead of asserting secrets.
 */
export const KEYCHAIN_AVAILABLE = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS)

interface Fixtures {
  /** Extra environment for this test's bridge (e.g. a short HTTP timeout). */
  bridgeEnv: NodeJS.ProcessEnv
  bridge: BridgeProcess
  /** The page, signed in to the bridge and showing the Connect screen. */
  app: Page
}

export const test = base.extend<Fixtures, { sims: E2eSims }>({
  sims: [
    // Playwright reads the fixture's dependencies from this destructuring; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const sims = await startE2eSims()
      await use(sims)
      await sims.close()
    },
    { scope: 'worker' }
  ],
  bridgeEnv: [{}, { option: true }],
  bridge: async ({ sims, bridgeEnv }, use, testInfo) => {
    sims.reset()
    const dataDir = await mkdtemp(join(tmpdir(), 'psa-e2e-'))
    const bridge = await startBridge(dataDir, {
      PSA_BRIDGE_SECRET_STORE: KEYCHAIN_AVAILABLE ? 'keychain' : 'memory',
      // A service name of its own: parallel runs and the user's real entries never collide.
      PSA_BRIDGE_KEYCHAIN_SERVICE: `PSA Bridge e2e ${randomUUID()}`,
      ...sims.env,
      ...bridgeEnv
    })
    await use(bridge)
    await bridge.stop()
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('bridge-output', { body: bridge.output() })
    await rm(dataDir, { recursive: true, force: true })
  },
  app: async ({ page, bridge }, use) => {
    await page.goto(bridge.launchUrl)
    await expect(page.getByRole('heading', { level: 1, name: 'Connect your systems' })).toBeVisible()
    await use(page)
  }
})

export { expect }
