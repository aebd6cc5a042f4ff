import { z } from 'zod'
import { method } from './define'
import { IntegrationSummarySchema } from './connect'
import { PauseStateSchema } from './settings'

export const StatusSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  secretStore: z.enum(['keychain', 'env', 'memory']),
  integrations: z.array(IntegrationSummarySchema),
  lastSync: z.object({ at: z.string(), result: z.string() }).nullable(),
  /** The alert backlog: queued for (re)delivery, and parked until a setting changes with the first reason. */
  alerts: z.object({
    queued: z.number().int().nonnegative(),
    attention: z.number().int().nonnegative(),
    /** Alerts of orgs with no PSA customer yet: delivered once their org is mapped. */
    waitingMapping: z.number().int().nonnegative(),
    attentionReason: z.string().nullable()
  }),
  /** Scheduled work paused by a person ("Sync now" still runs). */
  pause: PauseStateSchema,
  /** The next scheduled billing push (ISO), or null when the schedule is off. */
  nextRun: z.string().nullable()
})
export type Status = z.infer<typeof StatusSchema>

export const systemMethods = {
  getStatus: method('Application status: version, data directory, configured integrations', z.object({}), StatusSchema)
}
