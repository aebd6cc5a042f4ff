import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'
import { useTempDirs } from '../helpers/tmp'

const tmp = useTempDirs()

describe('psa-bridge pause / resume / status', () => {
  it('pause is stored in the data dir: a later status (another process) says paused, resume clears it', async () => {
    const dir = tmp()
    expect((await cli(['--data-dir', dir, 'status'])).out).toContain('scheduled work: running')
    expect(await cli(['--data-dir', dir, 'pause'])).toMatchObject({ code: 0, out: 'Scheduled work is paused.' })
    const status = await cli(['--data-dir', dir, 'status'])
    expect(status.out).toMatch(/scheduled work: paused since \d{4}-\d\d-\d\dT/)
    expect(status.out).not.toContain('next scheduled push')
    // With the schedule on, the next slot is named and said to be skipped.
    await cli(['--data-dir', dir, 'call', 'saveBillingSettings', '--input', '{"scheduleEnabled":true}'])
    expect((await cli(['--data-dir', dir, 'status'])).out).toMatch(/next scheduled push: .* \(skipped while paused\)/)
    const json = JSON.parse((await cli(['--data-dir', dir, 'status', '--json'])).out) as { pause: { paused: boolean } }
    expect(json.pause.paused).toBe(true)
    expect((await cli(['--data-dir', dir, 'resume', '--json'])).out).toContain('"paused": false')
    expect((await cli(['--data-dir', dir, 'status'])).out).toContain('scheduled work: running')
  })
})
