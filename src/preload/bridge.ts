import type { PsaBridgeApi } from '../shared/bridge-types'
import { eventChannel, methodChannel } from '../shared/ipc-channels'
import { EVENT_NAMES, METHOD_NAMES } from './names.gen'

/** The slice of `ipcRenderer` the bridge uses (injected so it can be tested without Electron). */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

type ErrorShape = { code: string; message: string; hint?: string; field?: string }

const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES)

/**
 * One function per contract method, each bound to its own channel — there is deliberately no
 * generic `invoke(name)`, so a compromised renderer can reach nothing the contract does not list.
 */
export function buildBridge(ipc: BridgeIpc): PsaBridgeApi {
  const api: Record<string, unknown> = {}
  for (const name of METHOD_NAMES) {
    const channel = methodChannel(name)
    api[name] = (input?: unknown) => ipc.invoke(channel, input).then(unwrapEnvelope)
  }
  api.on = (name: unknown, cb: unknown): (() => void) => {
    if (typeof name !== 'string' || !eventNames.has(name))
      throw new Error(`Unknown event: ${String(name).slice(0, 80)}`)
    if (typeof cb !== 'function') throw new Error('on(name, cb): cb must be a function')
    const channel = eventChannel(name)
    // The IpcRendererEvent (it carries `sender`) is never handed to the page: payload only.
    const listener = (_event: unknown, payload: unknown) => (cb as (p: unknown) => void)(payload)
    ipc.on(channel, listener)
    return () => {
      ipc.removeListener(channel, listener)
    }
  }
  return Object.freeze(api) as unknown as PsaBridgeApi
}

/**
 * Main replies with an Envelope; the page gets the value, or a rejection with the error shape as a
 * plain object (an Error would lose its code crossing contextBridge).
 */
function unwrapEnvelope(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'value' in reply) return reply.value
    if (reply.ok === false && 'error' in reply && isErrorShape(reply.error))
      return Promise.reject(copyShape(reply.error))
  }
  const bad: ErrorShape = { code: 'internal', message: 'The application sent a reply the window does not understand.' }
  return Promise.reject(bad)
}

function isErrorShape(v: unknown): v is ErrorShape {
  return (
    typeof v === 'object' &&
    v !== null &&
    'code' in v &&
    typeof v.code === 'string' &&
    'message' in v &&
    typeof v.message === 'string'
  )
}

function copyShape(e: ErrorShape): ErrorShape {
  const out: ErrorShape = { code: e.code, message: e.message }
  if (typeof e.hint === 'string') out.hint = e.hint
  if (typeof e.field === 'string') out.field = e.field
  return out
}
