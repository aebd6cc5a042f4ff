import { z } from 'zod'
import { method } from './define'
import { bodyTemplate, Choice, oneLineTemplate, SeveritySchema, TicketFieldsSchema } from './ticketing'

// Ticketing for a source that raises alerts by severity (SaaS Alerts): every event is an alert of its
// severity; the priority comes from the severity, optional per-event-type overrides change the issue
// type (Autotask issue/sub-issue type, Syncro problem type). Modelled on the SaaS Alerts → PSA
// integration's "Alert Priority Mapping", "Ticket defaults", "Note defaults" and "Custom Issue Type"
// steps; the required ones must be set before automated ticketing can be switched on.

export { SeveritySchema }
export type Severity = z.infer<typeof SeveritySchema>
export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', medium: 'Medium', low: 'Low' }

const SeverityRuleSchema = z.object({
  /** Off = events of this severity are recorded, never ticketed. */
  enabled: z.boolean().default(true),
  /** The PSA priority of tickets for this severity (required while the severity is on). */
  priority: Choice
})
const rule = () => SeverityRuleSchema.parse({})

export const EventTypeOverrideSchema = z.object({
  /** The source's event type, e.g. `mfa.disable` (exact, case-insensitive). */
  eventType: z.string().trim().min(1).max(200),
  /** Syncro problem type / Autotask issue type; null = the default. */
  issueType: Choice,
  /** Autotask only; null = the default. */
  subIssueType: Choice
})
export type EventTypeOverride = z.output<typeof EventTypeOverrideSchema>

/** Ticket defaults that must be set (among the fields the PSA has) before tickets are created, as in SaaS Alerts' wizard. */
export const REQUIRED_SEVERITY_DEFAULTS = ['issueType', 'status', 'queue', 'source'] as const

/** What groups repeats into one ticket: always the source, the organization and the severity, plus these. */
export const GroupBySchema = z.enum(['event-type-and-user', 'event-type', 'user'])

export const SeverityTicketingSchema = z.object({
  /** "Automated Ticketing" for this source; refused while required defaults are missing. */
  enabled: z.boolean().default(false),
  severities: z
    .object({
      critical: SeverityRuleSchema.default(rule),
      medium: SeverityRuleSchema.default(rule),
      low: SeverityRuleSchema.default(rule)
    })
    .default(() => ({ critical: rule(), medium: rule(), low: rule() })),
  /** Ticket defaults; `priority` is not used (the severity decides it). */
  defaults: TicketFieldsSchema.default(() => TicketFieldsSchema.parse({})),
  eventTypeOverrides: z
    .array(EventTypeOverrideSchema)
    .max(500)
    .refine(
      (list) => new Set(list.map((o) => o.eventType.toLowerCase())).size === list.length,
      'Each event type can be overridden once.'
    )
    .default([]),
  groupBy: GroupBySchema.default('event-type-and-user'),
  /** Placeholders as for JumpCloud; {alertType} is the event's description, {subject} its user. */
  subjectTemplate: oneLineTemplate(250).default('{alertType}: {subject} ({org})'),
  bodyTemplate: bodyTemplate.default('SaaS Alerts reported "{alertType}" in {org}.\nUser: {user}\nTime: {time}'),
  note: z
    .object({
      title: oneLineTemplate(200).nullable().default(null),
      template: bodyTemplate.default('SaaS Alerts reported "{alertType}" again in {org}.\nUser: {user}\nTime: {time}'),
      /** Required: internal = hidden from the client. */
      visibility: z.enum(['internal', 'public']).nullable().default(null)
    })
    .default(() => ({
      title: null,
      template: 'SaaS Alerts reported "{alertType}" again in {org}.\nUser: {user}\nTime: {time}',
      visibility: null
    })),
  /** Set each organization's PSA contract (when it has one) on every ticket created for it. */
  contractOnTickets: z.boolean().default(false),
  /** Organization id → its PSA contract id (Autotask contract / Syncro contract); optional per org. */
  orgContracts: z
    .record(
      z.string().trim().min(1).max(200),
      z
        .string()
        .trim()
        .regex(/^\d{1,15}$/)
    )
    .default({})
})
export type SeverityTicketing = z.output<typeof SeverityTicketingSchema>

// Methods of a severity source's ticketing settings (the source is a registered source kind).
const SourceInput = z.object({ source: z.string().trim().min(1).max(40) })

export const SeverityTicketingViewSchema = z.object({
  source: z.string(),
  settings: SeverityTicketingSchema,
  /** What must be set before automated ticketing can be switched on; empty = ready. */
  missing: z.array(z.string()),
  /** The source's organizations with their mapped PSA customer (for per-org contracts). */
  orgs: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      customerId: z.string().nullable(),
      customerName: z.string().nullable()
    })
  )
})
export type SeverityTicketingView = z.output<typeof SeverityTicketingViewSchema>

export const severityTicketingMethods = {
  getSourceTicketing: method(
    "A severity source's ticketing settings (priority per severity, overrides, note defaults) and what is missing",
    SourceInput,
    SeverityTicketingViewSchema
  ),
  saveSourceTicketing: method(
    "Save a severity source's ticketing settings; switching it on is refused while required defaults are missing",
    SourceInput.extend({ settings: SeverityTicketingSchema }),
    SeverityTicketingViewSchema
  )
}
