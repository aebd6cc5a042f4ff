import { EventEmitter } from 'node:events'
import { readFile, readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { eventNames, methodNames } from '../../../src/shared/contract'
import { buildBridge, type BridgeIpc } from '../../../src/preload/bridge'
import { renderNamesModule } from '../../../scripts/gen-bridge-names'

vi.mock('electron', () => ({}))

function fakeIpc(reply: (channel: string, input: unknown) => unknown = (_c, input) => ({ ok: true, value: input })) {
  const emitter = new EventEmitter()
  const ipc = {
    invoke: vi.fn(async (channel: string, input?: unknown) => reply(channel, input)),
    on: vi.fn((channel: string, l: (...a: unknown[]) => void) => emitter.on(channel, l)),
    removeListener: vi.fn((channel: string, l: (...a: unknown[]) => void) => emitter.removeListener(channel, l))
  } satisfies BridgeIpc
  return { ipc, emitter }
}

const call = (api: object, name: string, input?: unknown) =>
  (api as Record<string, (i?: unknown) => Promise<unknown>>)[name]!(input)

describe('preload bridge', () => {
  it('exposes exactly one function per contract method, plus on — nothing generic', () => {
    const api = buildBridge(fakeIpc().ipc)
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on'].sort())
    for (const v of Object.values(api)) expect(typeof v).toBe('function')
    expect(Object.isFrozen(api)).toBe(true)
    expect(methodNames).not.toContain('on')
  })

  it('each method invokes its own channel with the input and resolves with the value', async () => {
    const { ipc } = fakeIpc()
    const api = buildBridge(ipc)
    for (const name of methodNames) {
      const input = { probe: name }
      expect(await call(api, name, input)).toEqual(input)
      expect(ipc.invoke).toHaveBeenLastCalledWith(`psa:${name}`, input)
    }
    expect(ipc.invoke).toHaveBeenCalledTimes(methodNames.length)
  })

  it('rejects with the error shape as a plain object, so the code survives contextBridge', async () => {
    const error = {
      code: 'validation',
      message: 'subdomain: bad',
      field: 'subdomain',
      hint: 'Type acme',
      extra: 'dropped'
    }
    const api = buildBridge(fakeIpc(() => ({ ok: false, error })).ipc)
    const reason = await call(api, 'getStatus', {}).catch((e: unknown) => e)
    expect(reason).toEqual({ code: 'validation', message: 'subdomain: bad', field: 'subdomain', hint: 'Type acme' })
    expect(reason).not.toBeInstanceOf(Error)
  })

  it.each([
    null,
    undefined,
    'ok',
    42,
    {},
    { ok: true },
    { ok: false },
    { ok: false, error: 'boom' },
    { ok: 'yes', value: 1 }
  ])('rejects a malformed reply %j as internal', async (reply) => {
    const api = buildBridge(fakeIpc(() => reply).ipc)
    await expect(call(api, 'getStatus', {})).rejects.toMatchObject({ code: 'internal' })
  })

  it('on() delivers the payload only (never the IPC event) and unsubscribes', () => {
    const { ipc, emitter } = fakeIpc()
    const api = buildBridge(ipc)
    const cb = vi.fn()
    const off = api.on('syncFinished', cb)
    const ipcEvent = { sender: { send: () => undefined } }
    emitter.emit('psa-event:syncFinished', ipcEvent, { runId: 'r1', result: 'ok' })
    expect(cb).toHaveBeenCalledExactlyOnceWith({ runId: 'r1', result: 'ok' })
    off()
    emitter.emit('psa-event:syncFinished', ipcEvent, { runId: 'r2', result: 'ok' })
    expect(cb).toHaveBeenCalledTimes(1)
    expect(emitter.listenerCount('psa-event:syncFinished')).toBe(0)
  })

  it.each([
    'nope',
    '__proto__',
    'constructor',
    'toString',
    'psa:getStatus',
    'psa-event:syncFinished',
    'getStatus',
    '',
    42,
    null
  ])('on() refuses the unknown event %j', (name) => {
    const { ipc } = fakeIpc()
    const api = buildBridge(ipc)
    expect(() => (api.on as (n: unknown, cb: () => void) => void)(name, () => undefined)).toThrow(/Unknown event/)
    expect(ipc.on).not.toHaveBeenCalled()
  })

  it('on() refuses a non-function callback', () => {
    const api = buildBridge(fakeIpc().ipc)
    expect(() => (api.on as (n: string, cb: unknown) => void)('syncFinished', 'alert(1)')).toThrow(/function/)
  })
})

describe('preload names list', () => {
  it('matches the contract (regenerate with `npx tsx scripts/gen-bridge-names.ts`)', async () => {
    const file = await readFile(fileURLToPath(new URL('../../../src/preload/names.gen.ts', import.meta.url)), 'utf8')
    expect(file).toBe(renderNamesModule(methodNames, eventNames))
  })

  it('every event of the contract can be subscribed to', () => {
    const api = buildBridge(fakeIpc().ipc)
    for (const name of eventNames) expect(typeof api.on(name, () => undefined)).toBe('function')
  })
})

describe('preload bundle hygiene', () => {
  // A sandboxed preload can require only 'electron'; any other runtime import gets bundled, so it
  // must stay within these dependency-free files (type-only imports are erased).
  const allowed = new Set(['electron', './bridge', './names.gen', '../shared/ipc-channels'])
  const runtimeImports = (src: string) =>
    [...src.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm), ...src.matchAll(/^import\s+'([^']+)'/gm)].map(
      (m) => m[1]!
    )

  it('imports nothing at runtime but electron and its own dependency-free files', async () => {
    const dir = fileURLToPath(new URL('../../../src/preload/', import.meta.url))
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'))
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const f of files) {
      for (const spec of runtimeImports(await readFile(dir + f, 'utf8')))
        expect(allowed, `${f} imports ${spec}`).toContain(spec)
    }
    const channels = await readFile(
      fileURLToPath(new URL('../../../src/shared/ipc-channels.ts', import.meta.url)),
      'utf8'
    )
    expect(runtimeImports(channels)).toEqual([])
  })
})
