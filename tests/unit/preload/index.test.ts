import { describe, expect, it, vi } from 'vitest'
import { methodNames } from '../../../src/shared/contract'

const exposed = vi.hoisted(() => [] as Array<[string, unknown]>)
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => undefined, removeListener: () => undefined }
}))

describe('preload entry', () => {
  it('exposes one API object as window.psaBridge, with one function per method plus on', async () => {
    await import('../../../src/preload/index')
    expect(exposed).toHaveLength(1)
    const [key, api] = exposed[0]!
    expect(key).toBe('psaBridge')
    expect(Object.keys(api as object).sort()).toEqual([...methodNames, 'on'].sort())
  })
})
