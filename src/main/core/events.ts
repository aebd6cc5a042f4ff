import { EventEmitter } from 'node:events'
import type { EventName, EventPayload } from '../../shared/contract'
import { events as eventSchemas } from '../../shared/contract'

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
  on<E extends EventName>(name: E, cb: (payload: EventPayload<E>) => void): () => void
  onAny(cb: (name: EventName, payload: unknown) => void): () => void
}

export function createEventBus(): EventBus {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(100)
  return {
    emit(name, payload) {
      // Validated like any other output: a malformed event is a bug, not something to push to the UI.
      const parsed = eventSchemas[name].parse(payload)
      emitter.emit(name, parsed)
      emitter.emit('*', name, parsed)
    },
    on(name, cb) {
      const fn = cb as (p: unknown) => void
      emitter.on(name, fn)
      return () => emitter.off(name, fn)
    },
    onAny(cb) {
      emitter.on('*', cb)
      return () => emitter.off('*', cb)
    }
  }
}
