import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../src/main/core/dispatch'
import type { Handlers } from '../../../src/shared/contract'
import { methodNames } from '../../../src/shared/contract'
import { AppError } from '../../../src/shared/errors'

function fakeHandlers(overrides: Partial<Handlers>): Handlers {
  const all = Object.fromEntries(
    methodNames.map((n) => [
      n,
      vi.fn(async () => {
        throw new Error('not in this test')
      })
    ])
  )
  return { ...all, ...overrides } as Handlers
}

describe('dispatch', () => {
  it('refuses unknown and inherited method names without calling anything', async () => {
    const h = fakeHandlers({})
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 42, null]) {
      const r = await dispatch(h, name, {})
      expect(r).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
  })

  it('validates input before the handler runs and names the field', async () => {
    const saveSyncro = vi.fn()
    const r = await dispatch(fakeHandlers({ saveSyncro }), 'saveSyncro', { subdomain: 7 })
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'subdomain' } })
    expect(saveSyncro).not.toHaveBeenCalled()
  })

  it('strips anything the output schema does not declare (a secret cannot leak by accident)', async () => {
    const listIntegrations = vi.fn(async () => [
      {
        kind: 'syncro',
        role: 'psa',
        displayName: 'x',
        settings: {},
        secretSaved: true,
        createdAt: 'c',
        verifiedAt: null,
        apiToken: 'TOPSECRET'
      }
    ]) as unknown as Handlers['listIntegrations']
    const r = await dispatch(fakeHandlers({ listIntegrations }), 'listIntegrations', {})
    expect(JSON.stringify(r)).not.toContain('TOPSECRET')
    expect(r.ok).toBe(true)
  })

  it('returns AppErrors as values and hides unexpected ones', async () => {
    const a = await dispatch(
      fakeHandlers({
        getStatus: async () => {
          throw new AppError('auth', 'nope', { hint: 'h' })
        }
      }),
      'getStatus',
      {}
    )
    expect(a).toEqual({ ok: false, error: { code: 'auth', message: 'nope', hint: 'h' } })
    const log = { error: vi.fn() }
    const b = await dispatch(
      fakeHandlers({
        getStatus: async () => {
          throw new Error('db path /secret')
        }
      }),
      'getStatus',
      {},
      log
    )
    expect(b).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(b)).not.toContain('/secret')
    expect(log.error).toHaveBeenCalled()
  })
})
