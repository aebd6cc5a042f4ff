import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { methodNames } from '../../src/shared/contract'
import { useTempDirs } from '../helpers/tmp'

const tmp = useTempDirs()

describe('psa-bridge CLI', () => {
  it('status --json prints the status of the data dir it was given', async () => {
    const dir = tmp()
    const r = await cli(['--data-dir', dir, 'status', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ dataDir: dir, secretStore: 'memory', integrations: [] })
  })

  it('reads the data dir from PSA_BRIDGE_DATA_DIR', async () => {
    const dir = tmp()
    const r = await cli(['status'], { PSA_BRIDGE_DATA_DIR: dir })
    expect(r.code).toBe(0)
    expect(r.out).toContain(`data directory: ${dir}`)
    expect(r.out).toContain('no systems connected yet')
  })

  it('lists every contract method', async () => {
    const r = await cli(['methods'])
    for (const n of methodNames) expect(r.out).toContain(n)
  })

  it('exits 2 with a clear message on bad usage and bad input', async () => {
    const dir = tmp()
    expect((await cli(['--data-dir', dir, 'frobnicate'])).code).toBe(2)
    const badJson = await cli(['--data-dir', dir, 'call', 'getStatus', '--input', '{nope'])
    expect(badJson).toMatchObject({ code: 2, err: expect.stringContaining('not valid JSON') })
    const unknown = await cli(['--data-dir', dir, 'call', 'dropTables'])
    expect(unknown.code).toBe(2)
    expect(JSON.parse(unknown.out)).toMatchObject({
      error: { code: 'validation', message: expect.stringContaining('Unknown method') }
    })
    const invalid = await cli([
      '--data-dir',
      dir,
      'call',
      'saveSyncro',
      '--input',
      '{"subdomain":"evil.com#","apiToken":"t"}'
    ])
    expect(invalid.code).toBe(2)
  })

  it('exits 1 when the operation fails for another reason; a reference to nothing is bad input (2)', async () => {
    const r = await cli(['--data-dir', tmp(), 'call', 'refreshData', '--input', '{"from":"psa"}'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'config' } })
    const gone = await cli(['--data-dir', tmp(), 'call', 'disableIntegration', '--input', '{"kind":"syncro"}'])
    expect(gone.code).toBe(2)
    expect(JSON.parse(gone.out)).toMatchObject({ error: { code: 'not-found' } })
  })
})

describe('psa-bridge match', () => {
  it('prints the confident suggestions keyed by org id, null where none', async () => {
    const dir = tmp()
    const { writeFileSync } = await import('node:fs')
    const file = `${dir}/in.json`
    writeFileSync(
      file,
      JSON.stringify({
        orgs: [
          { id: 'a1', name: 'Smith & Sons Plumbing LLC' },
          { id: 'a2', name: 'Riverside Medical Group' },
          { id: 'a3', name: 'Zebra Unrelated Holdings' }
        ],
        customers: [
          { id: 1, name: 'Smith and Sons Plumbing' },
          { id: 2, name: 'Riverside Medical Supply' }
        ]
      })
    )
    const r = await cli(['match', file, '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.out)
    expect(Object.keys(out).sort()).toEqual(['a1', 'a2', 'a3'])
    // The customer id comes back as it was given: a number stays a number.
    expect(out.a1).toMatchObject({ customerId: 1 })
    expect(out.a1.score).toBeGreaterThan(0)
    expect(out.a1.score).toBeLessThanOrEqual(1)
    expect(out.a2).toBeNull()
    expect(out.a3).toBeNull()
  })

  it('rejects a missing or malformed file with exit code 2', async () => {
    const dir = tmp()
    const { writeFileSync } = await import('node:fs')
    expect((await cli(['match', `${dir}/missing.json`])).code).toBe(2)
    writeFileSync(`${dir}/bad.json`, '{"orgs":[{"id":"x"}]}')
    const r = await cli(['match', `${dir}/bad.json`])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/Invalid match file/)
  })

  it('mappings --json prints an empty list before anything is mapped', async () => {
    const r = await cli(['--data-dir', tmp(), 'mappings', '--json'])
    expect(r).toMatchObject({ code: 0 })
    expect(JSON.parse(r.out)).toEqual([])
  })
})
