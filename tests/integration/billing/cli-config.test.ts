import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import { createApp } from '../../../src/main/app/app'
import { useTempDirs } from '../../helpers/tmp'
import { useBillingHarness, type BillingHarness } from './harness'

const tmp = useTempDirs()
const start = useBillingHarness()

async function cli(h: BillingHarness, args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', h.dataDir, ...args], {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    env: h.env
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('psa-bridge sync', () => {
  it('--dry-run --json prints the plan and writes nothing; --json pushes and prints the result', async () => {
    const h = await start('syncro', { mappings: 2 })
    h.mapped.forEach((m) => h.setUsage(m.orgId, m.initial + 3))
    const plan = await cli(h, ['sync', '--dry-run', '--json'])
    expect(plan.code).toBe(0)
    const p = JSON.parse(plan.out)
    expect(p).toMatchObject({ dryRun: true, status: 'ok', counts: { written: 0 } })
    expect(p.items.map((i: { result: string; newQuantity: number }) => [i.result, i.newQuantity])).toEqual(
      h.mapped.map((m) => ['planned', m.initial + 3])
    )
    expect(h.psaWrites()).toBe(0)

    const run = await cli(h, ['sync', '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.out)).toMatchObject({ dryRun: false, status: 'ok', counts: { written: 2 } })
    h.mapped.forEach((m) => expect(h.psaQuantity(m)).toBe(m.initial + 3))
    expect(h.psaWrites()).toBe(2)
  })

  it('exits 1 with the run in the output when the PSA is down', async () => {
    const h = await start('syncro', { mappings: 2 })
    h.sims.syncro.faults.add({ kind: 'status', status: 503 })
    const r = await cli(h, ['sync', '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toMatchObject({ status: 'failed', error: expect.stringMatching(/\S/) })
  })
})

describe('psa-bridge config export / import', () => {
  it('round-trips every mapping and setting into a fresh data dir, without secrets', async () => {
    const h = await start('autotask', { mappings: 3 })
    await h.call('saveBillingSettings', {
      reviewDecreases: true,
      timeZone: 'Europe/Berlin',
      scheduleEnabled: true,
      schedule: { kind: 'monthly', day: 3, time: '08:00', zone: 'Europe/Berlin' }
    })
    await h.call('setBillingMappingEnabled', { mappingId: h.mapped[2]!.mappingId, enabled: false, confirm: true })
    const ticketing = (await h.call('getTicketingSettings', {})) as { settings: Record<string, unknown> }
    await h.call('saveTicketingSettings', { ...ticketing.settings, subjectTemplate: 'JC {alertType} / {org}' })
    const file = join(tmp(), 'config.json')
    expect((await cli(h, ['config', 'export', file])).code).toBe(0)
    // A second export to the same file needs --force.
    expect(await cli(h, ['config', 'export', file])).toMatchObject({ code: 2, err: expect.stringContaining('--force') })
    expect((await cli(h, ['config', 'export', file, '--force'])).code).toBe(0)
    const text = readFileSync(file, 'utf8')
    for (const secret of [
      h.env.PSA_BRIDGE_AUTOTASK_SECRET!,
      h.env.PSA_BRIDGE_AUTOTASK_INTEGRATION_CODE!,
      h.env.PSA_BRIDGE_JUMPCLOUD_API_KEY!
    ])
      expect(text).not.toContain(secret)
    const exported = JSON.parse(text)
    expect(exported).toMatchObject({
      version: 2,
      psa: 'autotask',
      settings: { reviewDecreases: true, timeZone: 'Europe/Berlin' }
    })
    expect(exported.billingMappings).toHaveLength(3)
    expect(exported.ticketing).toMatchObject({ subjectTemplate: 'JC {alertType} / {org}' })

    // A second installation connected to the same systems.
    const dir2 = tmp()
    const app2 = await createApp({ dataDir: dir2, env: h.env })
    const c = h.sims.credentials
    await app2.dispatch('saveJumpCloud', { apiKey: c.jumpcloud.apiKey, providerId: c.jumpcloud.providerId })
    await app2.dispatch('saveAutotask', {
      username: c.autotask.username,
      secret: c.autotask.secret,
      integrationCode: c.autotask.integrationCode
    })
    await app2.dispatch('refreshData', { from: 'both' })
    await app2.close()
    const r = await runCli(['--data-dir', dir2, 'config', 'import', file], { out: () => {}, err: () => {}, env: h.env })
    expect(r).toBe(0)
    const app3 = await createApp({ dataDir: dir2, env: h.env })
    const again = await app3.dispatch('exportConfig', {})
    await app3.close()
    expect(again).toMatchObject({ ok: true })
    expect({ ...(again.ok ? (again.value as object) : {}), exportedAt: 'x' }).toEqual({ ...exported, exportedAt: 'x' })
  })

  it('rejects a bad file naming the path, and writes nothing (all or nothing)', async () => {
    const h = await start('syncro', { mappings: 2 })
    const before = await h.call('exportConfig', {})
    const dir = tmp()
    const write = (name: string, v: unknown) => {
      const f = join(dir, name)
      writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v))
      return f
    }
    const cases: Array<[string, unknown, RegExp]> = [
      ['version.json', { ...before, version: 3 }, /at version/],
      [
        'metric.json',
        { ...before, billingMappings: [before.billingMappings[0], { ...before.billingMappings[1], metric: 'seats' }] },
        /billingMappings\.1\.metric/
      ],
      [
        'org.json',
        {
          ...before,
          billingMappings: [],
          customerMappings: [{ orgId: 'nope', customerId: before.customerMappings[0]!.customerId }]
        },
        /customerMappings\.0\.orgId: unknown organization/
      ],
      ['zone.json', { ...before, settings: { ...before.settings, timeZone: 'Mars/Olympus' } }, /settings\.timeZone/],
      [
        'twice.json',
        { ...before, billingMappings: [before.billingMappings[0], before.billingMappings[0]] },
        /billingMappings\.1\.itemId/
      ]
    ]
    for (const [name, value, message] of cases) {
      const r = await cli(h, ['config', 'import', write(name, value)])
      expect(r.code, name).toBe(2)
      expect(r.err, name).toMatch(message)
    }
    const notJson = await cli(h, ['config', 'import', write('bad.json', '{oops')])
    expect(notJson).toMatchObject({ code: 2, err: expect.stringContaining('cannot read') })
    const after = await h.call('exportConfig', {})
    expect({ ...after, exportedAt: 'x' }).toEqual({ ...before, exportedAt: 'x' })
  })

  it('imports a file from before orgs carried their source (version 1) as the JumpCloud source', async () => {
    const h = await start('syncro', { mappings: 2 })
    const view = (await h.call('getCustomersView', {})) as { orgs: Array<{ id: string; status: string }> }
    const spare = view.orgs.find((o) => !h.mapped.some((m) => m.orgId === o.id))!
    await h.call('setOrgIgnored', { source: 'jumpcloud', orgId: spare.id, ignored: true })
    const now = await h.call('exportConfig', {})
    expect(now.version).toBe(2)
    expect(now.ignoredOrgs).toEqual([{ source: 'jumpcloud', orgId: spare.id }])
    // The same configuration as a version-1 file wrote it: no source anywhere, orgs listed by bare id.
    const strip = <T extends { source?: unknown }>({ source: _s, ...rest }: T) => rest
    const v1 = {
      ...now,
      version: 1,
      customerMappings: now.customerMappings.map(strip),
      billingMappings: now.billingMappings.map(strip),
      ignoredOrgs: now.ignoredOrgs.map((r) => r.orgId),
      disabledOrgs: now.disabledOrgs.map((r) => r.orgId)
    }
    delete (v1 as { ignoredCustomers?: unknown }).ignoredCustomers
    // Clear everything first, so the import alone must bring it back.
    await h.call('unmapOrg', { source: 'jumpcloud', orgId: h.mapped[0]!.orgId })
    await h.call('setOrgIgnored', { source: 'jumpcloud', orgId: spare.id, ignored: false })
    const file = join(tmp(), 'v1.json')
    writeFileSync(file, JSON.stringify(v1))
    expect((await cli(h, ['config', 'import', file])).code).toBe(0)
    const after = await h.call('exportConfig', {})
    expect({ ...after, exportedAt: 'x' }).toEqual({ ...now, exportedAt: 'x' })
  })
})
