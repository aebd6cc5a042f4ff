import { describe, expect, it, vi } from 'vitest'
import { methodNames, type EventName } from '../../../src/shared/contract'
import type { Envelope } from '../../../src/shared/errors'
import { forwardEvents, isTrustedSender, registerIpcHandlers, type IpcCore } from '../../../src/main/shell/ipc'
import { APP_ORIGIN } from '../../../src/main/shell/security'
import { createFakeElectron, FakeWebContents } from './fake-electron'

vi.mock('electron', () => ({}))

function fakeCore() {
  let listener: ((name: EventName, payload: unknown) => void) | null = null
  const core = {
    dispatch: vi.fn(async (name: unknown, input: unknown): Promise<Envelope<unknown>> => ({
      ok: true,
      value: { name, input }
    })),
    events: {
      onAny: vi.fn((cb: (name: EventName, payload: unknown) => void) => {
        listener = cb
        return () => (listener = null)
      })
    },
    log: { error: vi.fn() }
  } satisfies IpcCore
  return { core, emit: (name: EventName, payload: unknown) => listener?.(name, payload) }
}

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })
const origins = [APP_ORIGIN, 'http://localhost:5173']

function setup() {
  const fake = createFakeElectron()
  const { core, emit } = fakeCore()
  const dispose = registerIpcHandlers(fake.electron.ipcMain, core, origins)
  const call = (channel: string, event: unknown, input?: unknown) => {
    const h = fake.ipcHandlers.get(channel)
    if (!h) throw new Error(`no handler for ${channel}`)
    return h(event, input) as Promise<Envelope<unknown>>
  }
  return { fake, core, emit, dispose, call }
}

describe('IPC registration', () => {
  it('registers exactly one handler per contract method, on its own channel', () => {
    const { fake } = setup()
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(methodNames.map((n) => `psa:${n}`).sort())
    expect(methodNames.length).toBeGreaterThan(0)
  })

  it('removes every handler on dispose', () => {
    const { fake, dispose } = setup()
    dispose()
    expect(fake.ipcHandlers.size).toBe(0)
  })
})

describe('IPC sender check', () => {
  const foreign: Array<[string, unknown]> = [
    ['other origin', frame('https://evil.example/index.html')],
    ['lookalike custom host', frame('app://bundle.evil/index.html')],
    ['other custom scheme', frame('evil://bundle/index.html')],
    ['file page', frame('file:///work/out/renderer/index.html')],
    ['about:blank', frame('about:blank')],
    ['dev port not ours', frame('http://localhost:5174/')],
    ['iframe on our origin', frame('app://bundle/index.html', { url: 'app://bundle/index.html' })],
    ['missing frame (null)', { senderFrame: null }],
    ['missing frame (undefined)', {}],
    [
      'frame getter throws (destroyed)',
      Object.defineProperty({}, 'senderFrame', {
        get() {
          throw new Error('Render frame was disposed')
        }
      })
    ]
  ]

  it.each(foreign)('refuses %s without calling the core', async (_label, event) => {
    const { core, call } = setup()
    for (const name of methodNames) {
      const reply = await call(`psa:${name}`, event, { apiToken: 'tok_secret_123456' })
      expect(reply).toEqual({ ok: false, error: { code: 'permission', message: expect.any(String) } })
    }
    expect(core.dispatch).not.toHaveBeenCalled()
    // The refusal is logged without the input (it may hold a secret).
    expect(JSON.stringify(core.log.error.mock.calls)).not.toContain('tok_secret_123456')
  })

  it.each(['app://bundle/index.html', 'app://bundle/customers?x=1', 'http://localhost:5173/'])(
    'passes calls from %s to dispatch with the input untouched',
    async (url) => {
      const { core, call } = setup()
      const input = { subdomain: 'acme', nested: { a: [1, 2] } }
      for (const name of methodNames) {
        const reply = await call(`psa:${name}`, frame(url), input)
        expect(reply).toEqual({ ok: true, value: { name, input } })
      }
      expect(core.dispatch).toHaveBeenCalledTimes(methodNames.length)
      expect(core.dispatch.mock.calls[0]![1]).toBe(input)
    }
  )

  it('returns the core envelope as is, errors included', async () => {
    const { core, call } = setup()
    core.dispatch.mockResolvedValueOnce({
      ok: false,
      error: { code: 'validation', message: 'subdomain: bad', field: 'subdomain' }
    })
    expect(await call(`psa:${methodNames[0]}`, frame('app://bundle/'), {})).toEqual({
      ok: false,
      error: { code: 'validation', message: 'subdomain: bad', field: 'subdomain' }
    })
  })

  it('isTrustedSender needs an exact origin match', () => {
    expect(isTrustedSender(frame('app://bundle/x'), [APP_ORIGIN])).toBe(true)
    expect(isTrustedSender(frame('http://localhost:5173/'), [APP_ORIGIN])).toBe(false)
    expect(isTrustedSender(frame('app://BUNDLE/x'), [APP_ORIGIN])).toBe(false)
  })
})

describe('event forwarding', () => {
  it('sends each core event to the window on psa-event:<name>, skipping a destroyed window', () => {
    const { core, emit } = fakeCore()
    const wc = new FakeWebContents()
    let target: FakeWebContents | null = wc
    const stop = forwardEvents(core, () => target)
    emit('syncFinished', { runId: 'r1', result: 'ok' })
    expect(wc.sent).toEqual([['psa-event:syncFinished', { runId: 'r1', result: 'ok' }]])
    wc.destroyed = true
    emit('syncFinished', { runId: 'r2', result: 'ok' })
    target = null
    emit('syncFinished', { runId: 'r3', result: 'ok' })
    expect(wc.sent).toHaveLength(1)
    stop()
    wc.destroyed = false
    target = wc
    emit('syncFinished', { runId: 'r4', result: 'ok' })
    expect(wc.sent).toHaveLength(1)
  })
})
