import { z } from 'zod'
import { methodNames, type Api, type EventName, type EventPayload, type MethodName } from '../../../shared/contract'
import { AppError, AppErrorSchema, type AppErrorShape } from '../../../shared/errors'
import { bridgeRejectionToAppError, type PsaBridgeApi } from '../../../shared/bridge-types'

/** What every failed call throws: the core's stable code, message, hint and field. */
export class ApiError extends AppError {
  constructor(shape: AppErrorShape) {
    super(shape.code, shape.message, { hint: shape.hint, field: shape.field })
    this.name = 'ApiError'
  }
}

/** How calls reach the core: Electron's preload, or the browser bridge over HTTP. */
export interface Transport {
  call(name: MethodName, input: unknown): Promise<unknown>
  on(name: EventName, cb: (payload: unknown) => void): () => void
}

export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason
  return new ApiError(bridgeRejectionToAppError(reason).toJSON())
}

export function ipcTransport(bridge: PsaBridgeApi): Transport {
  return {
    async call(name, input) {
      const fn = bridge[name] as (i: unknown) => Promise<unknown>
      try {
        return await fn(input)
      } catch (e) {
        throw toApiError(e)
      }
    },
    on: (name, cb) => bridge.on(name, cb as (p: EventPayload<typeof name>) => void)
  }
}

// The bridge's replies come from outside the page: check the envelope before trusting it.
const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema })
])

export function httpTransport(fetchFn: typeof fetch = fetch.bind(globalThis), base = ''): Transport {
  let source: EventSource | null = null
  return {
    async call(name, input) {
      let res: Response
      try {
        res = await fetchFn(`${base}/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {})
        })
      } catch {
        throw new ApiError({
          code: 'unavailable',
          message: 'PSA Bridge is not running.',
          hint: 'Start it again and reload this page.'
        })
      }
      if (res.status === 401) {
        throw new ApiError({
          code: 'auth',
          message: 'This browser session is no longer signed in to PSA Bridge.',
          hint: 'Open the link PSA Bridge printed when it started (it changes on every launch).'
        })
      }
      const body: unknown = await res.json().catch(() => null)
      const env = EnvelopeSchema.safeParse(body)
      if (!env.success)
        throw new ApiError({
          code: 'bad-response',
          message: `PSA Bridge answered ${res.status} with an unexpected reply.`
        })
      if (!env.data.ok) throw new ApiError(env.data.error)
      return env.data.value
    },
    on(name, cb) {
      source ??= new EventSource(`${base}/api/events`)
      // Typed as Event: the SSE MessageEvent type differs between the DOM and Node typings.
      const listener = (e: Event) => {
        try {
          cb(JSON.parse(String((e as Event & { data?: unknown }).data)) as unknown)
        } catch {
          // A malformed event is dropped: the next refresh brings the truth anyway.
        }
      }
      source.addEventListener(name, listener)
      return () => source?.removeEventListener(name, listener)
    }
  }
}

export type ClientApi = Api & { on<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void }

/** One typed function per contract method, derived from the contract so none can be missed. */
export function createApi(transport: Transport): ClientApi {
  const api: Record<string, unknown> = {}
  for (const name of methodNames) api[name] = (input: unknown) => transport.call(name, input)
  api.on = (name: EventName, cb: (p: unknown) => void) => transport.on(name, cb)
  return api as ClientApi
}
