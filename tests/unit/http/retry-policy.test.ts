import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from '../../../src/main/connectors/http'
import { backoffDelay, shouldRetry } from '../../../src/main/connectors/http/retry-policy'

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z')
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000)
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000)
  })
  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0)
  })
  it('ignores absent or garbage values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
  })
})

describe('shouldRetry', () => {
  const ctx = (status?: number, code?: string) => ({ method: 'X', url: '/', status, code })
  it.each([
    [ctx(429), true, true],
    [ctx(429), false, true],
    [ctx(500), true, true],
    [ctx(500), false, false],
    [ctx(503), false, false],
    [ctx(undefined, 'ECONNREFUSED'), false, true],
    [ctx(undefined, 'ECONNRESET'), true, true],
    [ctx(undefined, 'ECONNRESET'), false, false],
    [ctx(undefined, 'ETIMEDOUT'), false, false],
    [ctx(undefined, 'ETIMEDOUT'), true, true],
    [ctx(undefined, 'ENOTFOUND'), true, false],
    [ctx(undefined, 'ERR_CANCELED'), true, false],
    [ctx(400), true, false],
    [ctx(404), true, false]
  ])('%o idempotent=%s → %s', (c, idempotent, expected) => {
    expect(shouldRetry(c, idempotent)).toBe(expected)
  })
  it('lets the vendor veto or allow, but never a write that may have happened', () => {
    expect(shouldRetry(ctx(500), true, () => false)).toBe(false)
    expect(shouldRetry(ctx(400), true, () => true)).toBe(true)
    expect(shouldRetry(ctx(400), true, () => undefined)).toBe(false)
    expect(shouldRetry(ctx(500), false, () => true)).toBe(false)
  })
})

describe('backoffDelay (full jitter)', () => {
  it('grows exponentially up to the cap and scales with the random draw', () => {
    expect(backoffDelay(1, 500, 60_000, () => 0.999)).toBe(499)
    expect(backoffDelay(3, 500, 60_000, () => 0.5)).toBe(1000)
    expect(backoffDelay(20, 500, 60_000, () => 0.5)).toBe(30_000)
    expect(backoffDelay(4, 500, 60_000, () => 0)).toBe(0)
  })
})
