import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startDemo } from '../../sims/demo'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()

describe('npm run demo', () => {
  it('serves the UI pointed at the simulators, already connected, behind the per-launch token', async () => {
    const staticDir = join(tmp(), 'renderer')
    mkdirSync(staticDir)
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>PSA Bridge</title>')
    const demo = await startDemo({ staticDir, orgs: 12 })
    try {
      const noToken = await fetch(`${demo.server.origin}/api/getStatus`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' }
      })
      expect(noToken.status).toBe(401)
      const r = await fetch(`${demo.server.origin}/api/getCustomersView`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.server.token}` }
      })
      const env = (await r.json()) as { ok: boolean; value: { psa: string; orgs: unknown[] } }
      expect(env.ok).toBe(true)
      expect(env.value.psa).toBe('syncro')
      expect(env.value.orgs).toHaveLength(12)
    } finally {
      await demo.close()
    }
  })
})
