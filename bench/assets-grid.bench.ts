// Assets grid in Chromium at 50,000 devices, through the real screen: search keystroke → filtered grid painted
// (wall, and the renderer main thread's CPU time, which load on the machine barely changes): see grid-keystroke.ts.
// Run: npm run bench assets-grid (or npx tsx bench/assets-grid.bench.ts [devices]). Needs `npm run build` first
// (the renderer is served from out/renderer). Prints figures and sends bench rows; asserts nothing.
// Target (issue 14): under 50 ms per keystroke.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../src/main/app/app'
import { saveAssets, saveDevices } from '../src/main/assets/store'
import { createMemoryStore } from '../src/main/secrets'
import { startWebServer } from '../src/main/web/server'
import { generateFleet } from '../tests/fixtures/assets/generate'
import { simEnv } from '../tests/helpers/sim-app'
import { startAllSims } from '../tests/sims/all'
import { launchChromium, reportKeystrokes, timeKeystrokes } from './grid-keystroke'

const SIZE = Number(process.argv[2] ?? 50_000)
// Five searches (serial, hostname, MAC, customer, two words), none the start of another.
const QUERIES = ['5cg00a1', 'ws-00c3', '3c:52:82:00:4f', 'acme', 'e7 ws-01']
const STATIC_DIR = join(import.meta.dirname, '..', 'out', 'renderer')

async function main(): Promise<void> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first')
  const dataDir = mkdtempSync(join(tmpdir(), 'psa-bench-assets-'))
  const sims = await startAllSims({ seed: 1, orgs: 8 })
  const app = await createApp({ dataDir, secrets: createMemoryStore(), env: simEnv(sims) })
  const server = await startWebServer({ app, staticDir: STATIC_DIR, port: 0 })
  const browser = await launchChromium()
  try {
    const call = async (method: string, input: unknown = {}) => {
      const r = await app.dispatch(method, input)
      if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`)
      return r.value
    }
    const c = sims.credentials
    await call('saveSyncro', { subdomain: c.syncro.subdomain, apiToken: c.syncro.apiToken })
    await call('saveJumpCloud', { apiKey: c.jumpcloud.apiKey, providerId: c.jumpcloud.providerId })
    await call('refreshData', { from: 'both' })
    // The generated fleet's customers folded onto the orgs mapped here, one org per customer.
    const view = (await call('getCustomersView')) as { orgs: Array<{ id: string }>; customers: Array<{ id: string }> }
    const pairs = view.orgs
      .slice(0, view.customers.length)
      .map((o, i) => ({ org: o.id, customer: view.customers[i]!.id }))
    for (const p of pairs) await call('mapOrg', { source: 'jumpcloud', orgId: p.org, customerId: p.customer })
    const pairOf = (generated: string) => pairs[Number(generated.slice(1)) % pairs.length]!
    const { devices, assets } = generateFleet(SIZE)
    const now = new Date().toISOString()
    for (const p of pairs) {
      const mine = devices.filter((d) => pairOf(d.customerId) === p)
      saveDevices(
        app.db,
        'jumpcloud',
        p.org,
        mine.map((d) => ({
          id: d.id,
          orgId: p.org,
          hostname: String(d.hostnames?.[0] ?? d.id),
          serial: d.serial ?? undefined,
          macs: [...(d.macs ?? [])]
        })),
        now,
        true
      )
      const theirs = assets.filter((a) => pairOf(a.customerId) === p)
      saveAssets(
        app.db,
        'syncro',
        p.customer,
        theirs.map((a) => ({
          id: a.id,
          customerId: p.customer,
          name: String(a.hostnames?.[0] ?? a.id),
          serial: a.serial ?? undefined,
          macs: [...(a.macs ?? [])]
        })),
        now,
        true
      )
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await page.goto(server.launchUrl)
    await page.getByRole('navigation', { name: 'Setup steps' }).getByRole('button', { name: 'Assets' }).click()
    await page.getByRole('tab', { name: /^Matched \(\d{3,}\)/ }).waitFor({ timeout: 120_000 })
    const counts = await page.getByRole('tablist', { name: 'Asset status' }).innerText()
    console.log(`assets grid, ${SIZE} devices × ${assets.length} PSA assets over ${pairs.length} customers`)
    console.log(`  tabs: ${counts.replace(/\s+/g, ' ')}`)

    const keys = await timeKeystrokes(page, { input: 'Search assets', table: 'Assets' }, QUERIES)
    reportKeystrokes(`Assets grid at ${SIZE.toLocaleString('en')} devices`, QUERIES, keys)
  } finally {
    await browser.close()
    await server.close()
    await app.close()
    await sims.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e))
  process.exit(1)
})
