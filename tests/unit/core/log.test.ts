import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../src/main/core/log'
import { useTempDirs } from '../../helpers/tmp'

const tmp = useTempDirs()

describe('logger', () => {
  it('writes JSON lines and redacts registered secrets wherever they appear', () => {
    const dir = tmp()
    const log = createLogger({ dataDir: dir })
    log.redact('tok_ABCDEF123456')
    log.info('calling api', { url: 'https://x/?api_key=tok_ABCDEF123456', nested: { h: 'Bearer tok_ABCDEF123456' } })
    log.debug('not at info level')
    const text = readFileSync(join(dir, 'logs', 'psa-bridge.log'), 'utf8')
    expect(text).not.toContain('tok_ABCDEF123456')
    expect(text).toContain('[redacted]')
    const lines = text.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'calling api' })
  })
})
