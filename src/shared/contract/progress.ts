import { z } from 'zod'

/** The long actions that report progress; a screen or the CLI shows the ones it started. */
export const ProgressActionSchema = z.enum(['refresh', 'assetsPull', 'billingSync', 'hwmRebuild', 'export'])
export type ProgressAction = z.infer<typeof ProgressActionSchema>

/**
 * One event shape for every long action: `step` is a short human text ("Reading customers"), `done` of
 * `total` (absent when the count is not known yet). The last event of an action has `finished: true`,
 * and `error` when it failed.
 */
export const ProgressEventSchema = z.object({
  actionId: z.string().min(1),
  action: ProgressActionSchema,
  step: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  finished: z.boolean().optional(),
  error: z.string().optional()
})
export type ProgressEvent = z.infer<typeof ProgressEventSchema>
