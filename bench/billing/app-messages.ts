// What the billing benches' parent (simulators) and child (the app, billing/sync-child.ts) say over their IPC channel.
// Both sides zod-check what they receive: the other process is outside input.
import { z } from 'zod'

const Mb = z.number().nonnegative()
const Count = z.number().int().nonnegative()

export const ToChildSchema = z.discriminatedUnion('type', [
  /** Connect to these simulators, refresh, map every org to its target, then say 'ready'. */
  z.object({
    type: z.literal('start'),
    kind: z.enum(['syncro', 'autotask']),
    minute: z.number().int().positive(),
    sims: z.object({
      jumpcloud: z.object({
        consoleUrl: z.string(),
        insightsUrl: z.string(),
        apiKey: z.string(),
        providerId: z.string()
      }),
      psaUrl: z.string()
    }),
    targets: z.array(
      z.tuple([z.string(), z.object({ customerId: z.string(), containerId: z.string(), itemId: z.string() })])
    )
  }),
  /** Run one billing sync and reply 'synced'. */
  z.object({ type: z.literal('sync') }),
  /** Close the app, remove its data folder and exit. */
  z.object({ type: z.literal('done') })
])
export type ToChild = z.infer<typeof ToChildSchema>

export const ReadySchema = z.object({
  type: z.literal('ready'),
  /** Refresh + mapping every org. */
  setupMs: z.number().nonnegative(),
  rssConnectedMb: Mb,
  rssRefreshedMb: Mb,
  peakRefreshedMb: Mb,
  rssBeforeSyncMb: Mb,
  peakBeforeSyncMb: Mb
})
export type Ready = z.infer<typeof ReadySchema>

export const SyncedSchema = z.object({
  type: z.literal('synced'),
  status: z.string(),
  written: Count,
  unchanged: Count,
  failed: Count,
  /** The run's items, and how many distinct targets' containers they name (the PSA reads' lower bounds). */
  items: Count,
  containers: Count,
  wallMs: z.number().nonnegative(),
  /** The child's own CPU (the app alone) during the sync. */
  cpuMs: z.number().nonnegative(),
  rssAfterSyncMb: Mb,
  /** Whole process life so far: start-up, refresh, mapping and the syncs. */
  peakRssMb: Mb,
  /** With BENCH_TIMELINE=1: the rate windows' timeline of this sync (billing/window-trace.ts). */
  trace: z.string().optional()
})
export type Synced = z.infer<typeof SyncedSchema>

export const FromChildSchema = z.discriminatedUnion('type', [
  ReadySchema,
  SyncedSchema,
  z.object({ type: z.literal('error'), message: z.string() })
])
export type FromChild = z.infer<typeof FromChildSchema>
