import { describe, expectTypeOf, it } from 'vitest'
import type { PsaBridgeApi } from '../../src/shared/bridge-types'
import type {
  Api,
  EventName,
  EventPayload,
  Handlers,
  MethodInput,
  MethodName,
  MethodOutput
} from '../../src/shared/contract'

type AnyHandler = Handlers[MethodName]

describe('Handlers (the core must implement every contract method)', () => {
  it('a handlers object missing a method is not assignable', () => {
    expectTypeOf<Omit<Handlers, 'getStatus'>>().not.toExtend<Handlers>()
    const incomplete = {} as Omit<Handlers, 'listIntegrations'>
    // @ts-expect-error listIntegrations is missing
    const h: Handlers = incomplete
    void h
  })

  it('a handler that returns the wrong shape is not assignable', () => {
    type Wrong = Omit<Handlers, 'getStatus'> & { getStatus: (input: object) => Promise<{ version: number }> }
    expectTypeOf<Wrong>().not.toExtend<Handlers>()
  })

  it('every handler is async', () => {
    expectTypeOf<ReturnType<AnyHandler>>().toExtend<Promise<unknown>>()
  })
})

describe('bridge types (what the renderer sees as window.psaBridge)', () => {
  it('has one typed function per method, plus on', () => {
    expectTypeOf<keyof PsaBridgeApi>().toEqualTypeOf<MethodName | 'on'>()
    expectTypeOf<PsaBridgeApi['getStatus']>().toEqualTypeOf<
      (input: MethodInput<'getStatus'>) => Promise<MethodOutput<'getStatus'>>
    >()
    expectTypeOf<Api>().toExtend<Omit<PsaBridgeApi, 'on'>>()
  })

  it('on() takes only contract events and types the payload', () => {
    const bridge = {} as PsaBridgeApi
    bridge.on('syncFinished', (p) => expectTypeOf(p).toEqualTypeOf<EventPayload<'syncFinished'>>())
    // @ts-expect-error not a contract event
    bridge.on('nope', () => undefined)
    expectTypeOf<Parameters<PsaBridgeApi['on']>[0]>().toEqualTypeOf<EventName>()
  })
})
