import { afterEach, expect } from 'vitest'
import { AppError } from '../../src/shared/errors'

/** Keeps the simulators a test starts and closes them after it: `const track = useSims<XSim>()`, `track(sim)`. */
export function useSims<S extends { close(): Promise<void> }>(): (sim: S) => S {
  const open: S[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })
  return (sim) => {
    open.push(sim)
    return sim
  }
}

/** The AppError a connector call rejects with (fails the test when it resolves or throws something else). */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}
