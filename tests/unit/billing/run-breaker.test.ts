import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { BREAKER_LIMIT, SystemicBreaker } from '../../../src/main/billing/run-errors'

const down = () => new AppError('unavailable', 'HTTP 503')

describe('SystemicBreaker', () => {
  it('a fatal error stops at once; a validation error never does', () => {
    const b = new SystemicBreaker()
    expect(b.failure(new AppError('validation', 'bad'), 'a')).toBeNull()
    expect(b.failure(new AppError('auth', 'key'), 'b')?.code).toBe('auth')
  })

  it(`trips after ${BREAKER_LIMIT} transient failures on different items with no success between`, () => {
    const b = new SystemicBreaker()
    expect(b.failure(down(), 'a')).toBeNull()
    expect(b.failure(down(), 'a')).toBeNull() // the same item twice is still one bad item
    expect(b.failure(down(), 'b')).toBeNull()
    b.success()
    expect(b.failure(down(), 'c')).toBeNull()
    expect(b.failure(down(), 'd')).toBeNull()
    expect(b.failure(new AppError('timeout', 'slow'), 'e')?.code).toBe('timeout')
  })

  it('reports a remote that never answered, and not one that answered once', () => {
    const b = new SystemicBreaker()
    expect(b.neverAnswered()).toBeNull()
    b.failure(down(), 'a')
    expect(b.neverAnswered()?.code).toBe('unavailable')
    b.success()
    expect(b.neverAnswered()).toBeNull()
  })
})
