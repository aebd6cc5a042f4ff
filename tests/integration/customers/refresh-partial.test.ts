import { describe, expect, it } from 'vitest'
import { useSimApp } from '../../helpers/sim-app'

const start = useSimApp()

describe('refreshData with only one side connected', () => {
  it('refreshes the organizations and says the customers were skipped (no PSA yet), instead of failing', async () => {
    const s = await start({ psa: 'none', seed: 3, orgs: 4 })
    const r = await s.call<{ orgs: number | null; customers: number | null; message: string }>('refreshData', {
      from: 'both'
    })
    expect(r).toMatchObject({ orgs: 4, customers: null })
    expect(r.message).toMatch(/^Refreshed 4 organizations; skipped customers \(no PSA is connected yet\)\.$/)
    // Asking for the PSA side alone is still an error that says what to do.
    await expect(s.call('refreshData', { from: 'psa' })).rejects.toMatchObject({ envelope: { code: 'config' } })
  })
})
