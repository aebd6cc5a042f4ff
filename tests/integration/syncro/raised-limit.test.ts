import { describe, expect, it } from 'vitest'
import { useSimApp } from '../../helpers/sim-app'

// A suite that raises the simulator's Syncro limit (fuzzing, thousands of requests a minute) must get an app whose
// own limiter allows as much; otherwise the 181st request of a minute queues for up to a minute (the hostile-contract
// "hang" of seed 1695472079) and this test runs out of time.
const start = useSimApp()

describe('useSimApp with a raised Syncro limit', () => {
  it('the app sends more than the documented 180 requests a minute without waiting for a slot', async () => {
    const s = await start({ psa: 'syncro', orgs: 2, syncroRateLimit: { limit: 1_000_000, windowMs: 60_000 } })
    while (s.sims.syncro.requests.length <= 200) await s.call('listPsaServices')
    expect(s.sims.syncro.requests.length).toBeGreaterThan(200)
  })
})
