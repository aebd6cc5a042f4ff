import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { useTempDirs } from '../helpers/tmp'

const tmp = useTempDirs()

describe('psa-bridge input files', () => {
  it('config import accepts a file saved with a UTF-8 byte-order mark', async () => {
    const dir = tmp()
    const exported = await cli(['--data-dir', dir, 'call', 'exportConfig'])
    expect(exported.code).toBe(0)
    const file = join(tmp(), 'with-bom.json')
    writeFileSync(file, `\uFEFF${exported.out}`)
    const r = await cli(['--data-dir', dir, 'config', 'import', file])
    expect(r).toMatchObject({ code: 0 })
  })

  it('config import refuses /dev/zero, a directory and a missing file at once, saying why', async () => {
    const dir = tmp()
    const zero = await cli(['--data-dir', dir, 'config', 'import', '/dev/zero'])
    expect(zero).toMatchObject({ code: 2, err: expect.stringContaining('not a regular file') })
    const folder = join(tmp(), 'a-folder')
    mkdirSync(folder)
    expect(await cli(['--data-dir', dir, 'config', 'import', folder])).toMatchObject({
      code: 2,
      err: expect.stringContaining('not a regular file')
    })
    expect(await cli(['--data-dir', dir, 'config', 'import', join(folder, 'nope.json')])).toMatchObject({
      code: 2,
      err: expect.stringContaining('no such file')
    })
  })

  it('call --input-file: a missing file says so (not "not valid JSON"); a BOM is accepted', async () => {
    const dir = tmp()
    const missing = await cli(['--data-dir', dir, 'call', 'getStatus', '--input-file', join(tmp(), 'gone.json')])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('no such file')
    expect(missing.err).not.toContain('not valid JSON')
    const file = join(tmp(), 'input.json')
    writeFileSync(file, '\uFEFF{}')
    expect((await cli(['--data-dir', dir, 'call', 'getStatus', '--input-file', file])).code).toBe(0)
  })

  it('an unknown organization id is bad input: exit 2 like any other invalid input', async () => {
    const dir = tmp()
    const r = await cli([
      '--data-dir',
      dir,
      'call',
      'setOrgIgnored',
      '--input',
      '{"source":"jumpcloud","orgId":"no-such-org","ignored":true}'
    ])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'not-found' } })
  })
})
