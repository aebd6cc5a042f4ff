import type { PsaConnector, PsaKind } from '../../src/main/connectors/types'
import { startHarness } from './autotask/setup'
import { withSim } from './syncro/setup'

/** A connector against a fresh seeded simulator of its PSA, and how to stop that simulator. */
export interface PsaSimHarness {
  /** `now`: the simulator's clock (an adjustment's effective date must fall in its seeded periods). */
  start(): Promise<{ connector: PsaConnector; now(): Date; close(): Promise<void> }>
}

// One harness per registered PSA: a PSA added to the registry without one fails to compile, so the
// shared connector suite (psa-connectors.test.ts) runs against every PSA.
export const PSA_SIM_HARNESSES = {
  syncro: {
    async start() {
      const { sim, connect } = await withSim()
      return { connector: connect(), now: () => new Date(), close: () => sim.close() }
    }
  },
  autotask: {
    async start() {
      const h = await startHarness()
      return { connector: h.connector, now: () => h.sim.clock.now(), close: () => h.sim.close() }
    }
  }
} satisfies Record<PsaKind, PsaSimHarness>
