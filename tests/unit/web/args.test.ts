import { describe, expect, it } from 'vitest'
import { parseWebArgs } from '../../../src/main/web/args'

describe('parseWebArgs', () => {
  it('reads --port in both spellings and defaults to 0 (any free port)', () => {
    expect(parseWebArgs([]).port).toBe(0)
    expect(parseWebArgs(['--port', '8123']).port).toBe(8123)
    expect(parseWebArgs(['--port=9000', '--data-dir', '/x']).port).toBe(9000)
  })

  it.each(['abc', '-1', '70000', '1.5'])('refuses --port %s', (p) => {
    expect(() => parseWebArgs(['--port', p])).toThrow(/--port/)
  })

  it('reads --static-dir', () => {
    expect(parseWebArgs(['--static-dir', '/srv/ui']).staticDir).toBe('/srv/ui')
    expect(parseWebArgs([]).staticDir).toBeUndefined()
  })

  it('runs the background jobs only with --background', () => {
    expect(parseWebArgs([]).background).toBe(false)
    expect(parseWebArgs(['--port', '0', '--background']).background).toBe(true)
  })
})
