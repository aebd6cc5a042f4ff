import type { Envelope } from '../../shared/errors'
import { methods, type Handlers } from '../../shared/contract'
import { dispatchIn, type CallOptions, type DispatchLog } from './dispatch-in'

export { dispatchIn, zodToAppError } from './dispatch-in'
export type { AuditHook, AuditPending, CallOptions, DispatchLog, MethodTable } from './dispatch-in'

/**
 * The single entry point shared by every door (IPC, browser bridge, CLI): checks the method
 * name, parses the input with the contract, runs the handler, and re-parses the output so
 * nothing outside the declared schema (a secret, an internal field) can ever leave the core.
 */
export function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  log?: DispatchLog,
  call: CallOptions = { door: 'internal' }
): Promise<Envelope<unknown>> {
  return dispatchIn(methods, handlers, name, rawInput, log, call)
}
