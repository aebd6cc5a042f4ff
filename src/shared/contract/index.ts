import type { z } from 'zod'
import { z as zod } from 'zod'
import { assetsMethods } from './assets'
import { auditMethods } from './audit'
import { billingMethods } from './billing'
import { connectMethods } from './connect'
import { customersMethods } from './customers'
import { reportsMethods } from './reports'
import { systemMethods } from './system'
import { ticketingMethods } from './ticketing'
import { severityTicketingMethods } from './severity-ticketing'
import {
  NavigateTargetSchema,
  PauseStateSchema,
  SamplingIntervalSchema,
  settingsMethods,
  UiPrefsSchema
} from './settings'
import type { MethodDef } from './define'
import { ProgressEventSchema } from './progress'

// The one table: every method the UI, the CLI and the browser bridge can call.
// Adding a method = one entry here (in its domain file) + one handler in the core.
export const methods = {
  ...systemMethods,
  ...settingsMethods,
  ...connectMethods,
  ...customersMethods,
  ...billingMethods,
  ...ticketingMethods,
  ...severityTicketingMethods,
  ...reportsMethods,
  ...assetsMethods,
  ...auditMethods
} satisfies Record<string, MethodDef>

export type Methods = typeof methods
export type MethodName = keyof Methods
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>

/** Events the core pushes to the UI. */
export const events = {
  integrationsChanged: zod.object({ kind: zod.string() }),
  syncFinished: zod.object({ runId: zod.string(), result: zod.string() }),
  /** Billing settings (incl. the schedule) changed: the scheduler re-reads them. */
  billingSettingsChanged: zod.object({}),
  /** An alert cycle changed alerts or tickets (Ticketing/Activity screens re-read listAlerts/listAlertTickets). */
  alertsChanged: zod.object({ ticketsCreated: zod.number(), notesAdded: zod.number(), queued: zod.number() }),
  /** Settings or pause changed (any door): the tray, the login item and the Settings screen follow. */
  settingsChanged: zod.object({
    prefs: UiPrefsSchema,
    samplingIntervalMinutes: SamplingIntervalSchema,
    pause: PauseStateSchema
  }),
  /** The desktop shell asks the window to open a screen (a tray item or a notification was clicked). */
  navigate: NavigateTargetSchema,
  /** A long action (refresh, assets pull, billing sync, export) moved on: one shape for all of them. */
  progress: ProgressEventSchema
}
export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export const methodNames = Object.keys(methods) as MethodName[]
export const eventNames = Object.keys(events) as EventName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name)
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)
}

/** Handlers receive parsed input and return the output type (re-validated on the way out). */
export type Handlers = {
  [M in MethodName]: (input: z.output<Methods[M]['input']>) => Promise<z.input<Methods[M]['output']>>
}

/** What a renderer/CLI client looks like: one typed function per method. */
export type Api = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>
}

export { method } from './define'
export type { MethodDef } from './define'
