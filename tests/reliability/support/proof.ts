// Trial counts and seeds of the proof suites. `npm test` (CI) runs a reduced count with a fixed seed so a red run
// can be replayed; `npm run test:proof` runs the full counts with a fresh seed each time. Either way a failure
// names its seed: `PSA_BRIDGE_PROOF_SEED=<seed> npm run test:proof` replays it.

export const FULL = process.env.PSA_BRIDGE_PROOF === 'full'

/** The seed of this run: PSA_BRIDGE_PROOF_SEED, else a fresh one in the full run, else 1. */
export function proofSeed(): number {
  const fixed = Number(process.env.PSA_BRIDGE_PROOF_SEED)
  if (Number.isInteger(fixed) && fixed > 0) return fixed
  return FULL ? 1 + Math.floor(Math.random() * 2 ** 31) : 1
}

/** `ci` trials under `npm test`, `full` under `npm run test:proof`. */
export const trials = (ci: number, full: number): number => (FULL ? full : ci)

/** A test's time limit for `n` trials of up to `perTrialMs` each (a loaded machine stretches them), at least 15 min. */
export const timeFor = (n: number, perTrialMs: number): number => Math.max(900_000, n * perTrialMs)

/** Runs `fn`; a failure is re-thrown with the seed that replays it. */
export async function withSeed<T>(what: string, seed: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    const err = new Error(`${what} failed with seed ${seed} (replay: PSA_BRIDGE_PROOF_SEED=${seed}):\n${msg}`)
    if (e instanceof Error) err.stack = `${err.message}\n${e.stack ?? ''}`
    throw err
  }
}

/** One line for the run's log: what was tried and what it came to (the figures the project note quotes). */
export function report(suite: string, figures: Record<string, unknown>): void {
  console.log(`[proof] ${suite}: ${JSON.stringify(figures)}`)
}

/** Every 10th trial of a long run, a line saying how far it got (a run cut short still tells its count). */
export function progress(suite: string, seed: number, done: number, of: number): void {
  if (done % 10 === 0 && done < of) console.log(`[proof] ${suite}: ${done}/${of} trials passed (seed ${seed})`)
}
