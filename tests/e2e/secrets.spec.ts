import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { card, verifyAndSave } from './support/connect-page'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

test('after saving all three systems, no secret is on disk or ever sent back to the page', async ({
  app: page,
  bridge,
  sims
}) => {
  const bodies: Array<Promise<string>> = []
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/') && r.request().method() === 'POST') bodies.push(r.text())
  })
  const c = sims.creds
  const secrets = [c.syncro.apiToken, c.autotask.secret, c.autotask.integrationCode, c.jumpcloud.apiKey]

  const syncro = card(page, 'Syncro')
  await syncro.getByLabel('Subdomain').fill(c.syncro.subdomain)
  await syncro.getByLabel('API token').fill(c.syncro.apiToken)
  await verifyAndSave(page, 'Syncro')
  await expect(syncro.getByRole('status')).toHaveText('Integration has been created')

  const autotask = card(page, 'Autotask')
  await autotask.getByLabel('API username').fill(c.autotask.username)
  await autotask.getByLabel('Secret').fill(c.autotask.secret)
  await autotask.getByLabel('Integration code').fill(c.autotask.integrationCode)
  await verifyAndSave(page, 'Autotask')
  await expect(autotask.getByRole('status')).toHaveText('Integration has been created')

  const jc = card(page, 'JumpCloud MTP')
  await jc.getByLabel('API key').fill(c.jumpcloud.apiKey)
  await jc.getByLabel('Provider ID').fill(c.jumpcloud.providerId)
  await verifyAndSave(page, 'JumpCloud MTP')
  await expect(jc.getByRole('status')).toHaveText('Integration has been created')

  // A reload fetches the integrations again: the page only ever learns that a secret is saved.
  await page.reload()
  await expect(syncro.getByText('Connected', { exact: true })).toBeVisible()
  await expect(jc.getByText('Connected', { exact: true })).toBeVisible()
  const replies = await Promise.all(bodies)
  expect(replies.some((r) => r.includes('"secretSaved":true'))).toBe(true)
  for (const s of secrets)
    expect(
      replies.filter((r) => r.includes(s)),
      `a reply carried ${s}`
    ).toEqual([])

  // Database, WAL and logs of the bridge hold none of them.
  const files = filesUnder(bridge.dataDir)
  expect(files.some((f) => f.endsWith('.db'))).toBe(true)
  expect(files.some((f) => f.endsWith('.log'))).toBe(true)
  for (const f of files) {
    const bytes = readFileSync(f)
    for (const s of secrets) expect(bytes.includes(Buffer.from(s)), `${s} found in ${f}`).toBe(false)
  }
})
