import type { Api, EventName, EventPayload } from './contract'
import { AppError, AppErrorSchema } from './errors'

/**
 * `window.psaBridge` in the Electron renderer (exposed by src/preload). One function per contract
 * method — it resolves with the method's output, or rejects with the AppError *shape*
 * ({ code, message, hint?, field? }) as a plain object, because contextBridge strips every
 * property of an Error except its message. Use `bridgeRejectionToAppError` in the catch.
 */
export type PsaBridgeApi = Api & {
  /** Subscribe to a contract event; returns the unsubscribe function. Unknown names throw. */
  on<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void
}

/** Turns whatever a bridge call rejected with into an AppError (the code survives the bridge). */
export function bridgeRejectionToAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason
  const shape = AppErrorSchema.safeParse(reason)
  if (shape.success) return AppError.from(shape.data)
  const message = reason instanceof Error ? reason.message : 'The application did not answer.'
  return new AppError('internal', message)
}
