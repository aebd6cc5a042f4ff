import { readFileSync, statSync } from 'node:fs'
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
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'calling api' })
  })
})

describe('logger redaction of secrets with special characters', () => {
  // Autotask secrets are generated with punctuation; a user may paste anything into a token field.
  const secret = 'Ab"c\\d$e*f~G#h@i%j k'

  it('redacts a secret that JSON escapes (quote, backslash)', () => {
    const dir = tmp()
    const log = createLogger({ dataDir: dir })
    log.redact(secret)
    log.error('handler failed', { error: `Autotask said: bad secret ${secret}` })
    const text = readFileSync(join(dir, 'logs', 'psa-bridge.log'), 'utf8')
    expect(text).not.toContain(JSON.stringify(secret).slice(1, -1))
    expect(JSON.parse(text.trim()).error).toBe('Autotask said: bad secret [redacted]')
  })

  it('redacts a secret quoted percent-encoded in a URL', () => {
    const dir = tmp()
    const log = createLogger({ dataDir: dir })
    log.redact(secret)
    log.warn('request failed', { url: `https://x.example/v1?key=${encodeURIComponent(secret)}` })
    const text = readFileSync(join(dir, 'logs', 'psa-bridge.log'), 'utf8')
    expect(text).not.toContain(encodeURIComponent(secret))
    expect(JSON.parse(text.trim()).url).toBe('https://x.example/v1?key=[redacted]')
  })

  it('redacts a secret holding a newline or tab', () => {
    const dir = tmp()
    const log = createLogger({ dataDir: dir })
    log.redact('line1\nline2\tend')
    log.error('oops', { error: 'got line1\nline2\tend back' })
    const text = readFileSync(join(dir, 'logs', 'psa-bridge.log'), 'utf8')
    expect(JSON.parse(text.trim()).error).toBe('got [redacted] back')
  })
})

describe.skipIf(process.platform === 'win32')('log file permissions', () => {
  it('creates the log directory and file readable by the owner only', () => {
    const dir = tmp()
    const log = createLogger({ dataDir: dir })
    log.info('hello')
    expect(statSync(join(dir, 'logs')).mode & 0o777).toBe(0o700)
    expect(statSync(join(dir, 'logs', 'psa-bridge.log')).mode & 0o777).toBe(0o600)
  })
})
