import { z } from 'zod'
import { mulberry32 } from './random'
import type { FaultSpec } from './types'

export const FaultSpecSchema = z.object({
  kind: z.enum(['status', 'delay', 'reset', 'malformed', 'drop-reply', 'hold-reply', 'hold-request']),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  retryAfter: z.number().nonnegative().optional(),
  delayMs: z.number().nonnegative().optional(),
  rate: z.number().min(0).max(1).optional(),
  count: z.number().int().positive().optional(),
  match: z.object({ method: z.string().optional(), path: z.string().optional() }).optional()
}) satisfies z.ZodType<FaultSpec>

interface ActiveFault {
  spec: FaultSpec
  path?: RegExp
  rng: () => number
  remaining: number
}

export interface FaultPlan {
  /** Sum of the delays of every 'delay' fault that fired. */
  delayMs: number
  /** The first non-delay fault that fired, if any. */
  fault?: FaultSpec
}

/** The active faults of one server; each gets its own PRNG so `rate` is reproducible from the server seed. */
export class FaultSet {
  private active: ActiveFault[] = []
  private added = 0
  /** Faults that fired since the server started, by label ('503', '429+retry-after', 'reset' …). */
  private counts: Record<string, number> = {}

  constructor(private readonly seed: number) {}

  add(spec: FaultSpec): void {
    const f = FaultSpecSchema.parse(spec) as FaultSpec
    this.added++
    this.active.push({
      spec: f,
      path: f.match?.path !== undefined ? new RegExp(f.match.path) : undefined,
      rng: mulberry32((this.seed + Math.imul(this.added, 0x9e3779b1)) >>> 0),
      remaining: f.count ?? Infinity
    })
  }

  clear(): void {
    this.active = []
  }

  fired(): Record<string, number> {
    return { ...this.counts }
  }

  /** Decides what happens to this request, consuming counts of the faults that fire. */
  plan(method: string, path: string): FaultPlan {
    const out: FaultPlan = { delayMs: 0 }
    for (const f of this.active) {
      if (out.fault && f.spec.kind !== 'delay') continue
      if (f.spec.match?.method && f.spec.match.method.toUpperCase() !== method.toUpperCase()) continue
      if (f.path && !f.path.test(path)) continue
      if (f.spec.rate !== undefined && !(f.rng() < f.spec.rate)) continue
      f.remaining--
      const label = faultLabel(f.spec)
      this.counts[label] = (this.counts[label] ?? 0) + 1
      if (f.spec.kind === 'delay') out.delayMs += f.spec.delayMs ?? 0
      else out.fault = f.spec
    }
    this.active = this.active.filter((f) => f.remaining > 0)
    return out
  }
}

/** How a fired fault is counted: its kind, or its status (with '+retry-after' when it sends one). */
export function faultLabel(f: FaultSpec): string {
  if (f.kind !== 'status') return f.kind
  return `${f.status ?? 503}${f.retryAfter !== undefined ? '+retry-after' : ''}`
}
