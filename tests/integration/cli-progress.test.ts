import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { simEnv, useSimApp } from '../helpers/sim-app'

const run = promisify(execFile)
const start = useSimApp()
const CLI = join(import.meta.dirname, '../../src/main/cli.ts')

// Issue 16: piped (not a TTY), `psa-bridge refresh` writes its progress as plain lines on stderr and keeps
// stdout one JSON document.
describe('psa-bridge refresh as a process', () => {
  it('prints plain progress lines on stderr, never into --json stdout', async () => {
    const s = await start({ psa: 'syncro', orgs: 3 })
    const c = s.sims.credentials
    const env = simEnv(s.sims, {
      PSA_BRIDGE_SECRET_STORE: 'env',
      PSA_BRIDGE_SYNCRO_API_TOKEN: c.syncro.apiToken,
      PSA_BRIDGE_JUMPCLOUD_API_KEY: c.jumpcloud.apiKey
    })
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', CLI, '--data-dir', s.dataDir, 'refresh', '--json'],
      { env: { ...process.env, ...env } }
    )
    expect(JSON.parse(stdout)).toMatchObject({ orgs: 3 })
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'Reading organizations from JumpCloud: 0 of 2',
      'Reading customers: 1 of 2',
      'Done'
    ])
    expect(stderr).not.toContain('\r')
  })
})
