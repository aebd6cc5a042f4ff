import { z } from 'zod'
import { method } from './define'
import { ALERT_TYPE_IDS, PsaKindSchema, SourceKindSchema, type AlertTypeId } from '../registry'
import { ALERT_STATES } from './enum-values'

// Ticketing: JumpCloud Directory Insights events → alerts → PSA tickets (one per group) and notes.
// View models are shaped so the Ticketing and Activity screens can render them directly.

const Id = z.string().trim().min(1).max(200)
const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

export const AlertTypeSchema = z.enum(ALERT_TYPE_IDS)
export type AlertType = z.infer<typeof AlertTypeSchema>

/** Severities of a source that alerts by severity (SaaS Alerts `alertStatus`). */
export const SeveritySchema = z.enum(['critical', 'medium', 'low'])
/** What an alert row is: a fixed alert type, or a severity. */
export const AlertKindSchema = z.union([AlertTypeSchema, SeveritySchema])

/** attention = cannot be delivered until a setting changes (what to change is in `lastError`); not retried by itself. */
export const AlertStateSchema = z.enum(ALERT_STATES)
export type AlertState = z.infer<typeof AlertStateSchema>

// Templates are typed by a person: a control character in one (a pasted NUL, an escape) would be sent
// to the PSA in every ticket, so it is refused when saved or imported. Bodies may have line breaks and tabs.
export const oneLineTemplate = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((t) => !/\p{Cc}/u.test(t), 'Control characters (line breaks, NUL, escapes) are not allowed here.')
export const bodyTemplate = z
  .string()
  .max(4000)
  .refine(
    (t) => !/[^\P{Cc}\n\r\t]/u.test(t),
    'Control characters other than line breaks and tabs (e.g. NUL) are not allowed in a template.'
  )

/** A PSA choice value; null = not set (use the defaults / the PSA's own default). */
export const Choice = z.string().trim().max(200).nullable().default(null)

/** The ticket fields a user can set per alert type and as defaults. Values are the PSA's choice `value`s. */
export const TicketFieldsSchema = z.object({
  priority: Choice,
  /** Syncro problem type / Autotask issue type. */
  issueType: Choice,
  /** Autotask only. */
  subIssueType: Choice,
  status: Choice,
  daysDue: z.number().int().min(0).max(365).nullable().default(null),
  /** Syncro user id / Autotask resource id (the core adds the Autotask role). */
  technicianId: Choice,
  /** Autotask only. */
  queue: Choice,
  /** Autotask only. */
  source: Choice
})
export type TicketFields = z.output<typeof TicketFieldsSchema>

export const AlertTypeSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  /** A null field falls back to `defaults`. */
  overrides: TicketFieldsSchema.default(TicketFieldsSchema.parse({}))
})

const perType = () => AlertTypeSettingsSchema.parse({})
type PerTypeShape = { [K in AlertTypeId]: z.ZodDefault<typeof AlertTypeSettingsSchema> }
const typeShape = Object.fromEntries(
  ALERT_TYPE_IDS.map((id) => [id, AlertTypeSettingsSchema.default(perType)])
) as PerTypeShape
const perTypeAll = () =>
  Object.fromEntries(ALERT_TYPE_IDS.map((id) => [id, perType()])) as {
    [K in AlertTypeId]: z.output<typeof AlertTypeSettingsSchema>
  }

export const TicketingSettingsSchema = z.object({
  /** Master "Automated Ticketing" toggle: off = no polling, no tickets. */
  enabled: z.boolean().default(false),
  defaults: TicketFieldsSchema.default(TicketFieldsSchema.parse({})),
  /** One entry per alert type of every source that alerts by type (derived from the source registry). */
  types: z.object(typeShape).default(() => perTypeAll()),
  /** Placeholders: {org} {user} {device} {subject} (the user or device the alert is about) {alertType} {time}. Never used for grouping. */
  subjectTemplate: oneLineTemplate(250).default('{alertType}: {subject} ({org})'),
  /** Body of a new ticket (same placeholders). */
  bodyTemplate: bodyTemplate.default(
    'JumpCloud reported "{alertType}" in {org}.\nUser: {user}\nDevice: {device}\nTime: {time}'
  ),
  note: z
    .object({
      title: oneLineTemplate(200).default('Repeated alert: {alertType}'),
      template: bodyTemplate.default(
        'JumpCloud reported "{alertType}" again in {org}.\nUser: {user}\nDevice: {device}\nTime: {time}'
      ),
      // Rendered once per repeat. All repeats of one group found in one cycle are listed in ONE note (oldest
      // first, under a line saying how many): one request and one notification instead of many.
      /** internal = hidden from the client (Syncro hidden comment / Autotask internal note). */
      visibility: z.enum(['internal', 'public']).default('internal')
    })
    .default(() => ({
      title: 'Repeated alert: {alertType}',
      template: 'JumpCloud reported "{alertType}" again in {org}.\nUser: {user}\nDevice: {device}\nTime: {time}',
      visibility: 'internal' as const
    }))
})
export type TicketingSettings = z.output<typeof TicketingSettingsSchema>

const ChoiceList = z.array(z.object({ value: z.string(), label: z.string() }))

export const TicketChoicesSchema = z.object({
  statuses: ChoiceList,
  priorities: ChoiceList,
  issueTypes: ChoiceList,
  subIssueTypes: z.array(z.object({ value: z.string(), label: z.string(), parent: z.string() })),
  queues: ChoiceList,
  sources: ChoiceList,
  technicians: ChoiceList,
  closedStatuses: z.array(z.string()),
  /** Fields the PSA requires on a new ticket: at least one field of each entry must be set (with the PSA's words). */
  requiredOneOf: z
    .array(
      z.object({
        fields: z.array(z.enum(['queue', 'technicianId', 'priority', 'status', 'issueType'])),
        message: z.string()
      })
    )
    .optional()
})

/** A saved value that is no longer in the PSA's list: shown, and such alerts are not sent with it. */
export const SettingProblemSchema = z.object({
  /** 'defaults' or an alert type. */
  scope: z.string(),
  field: z.string(),
  value: z.string(),
  message: z.string()
})

export const TicketingViewSchema = z.object({
  psa: PsaKindSchema.nullable(),
  settings: TicketingSettingsSchema,
  alertTypes: z.array(z.object({ id: AlertTypeSchema, label: z.string(), eventTypes: z.array(z.string()) })),
  /** The PSA's own lists; null = not loaded yet (PSA not connected or unreachable). */
  choices: TicketChoicesSchema.nullable(),
  choicesFetchedAt: z.string().nullable(),
  choicesError: z.string().nullable(),
  problems: z.array(SettingProblemSchema),
  /** Last intake poll: cursor and result. */
  lastPoll: z.object({ at: z.string().nullable(), cursor: z.string().nullable(), error: z.string().nullable() })
})
export type TicketingView = z.infer<typeof TicketingViewSchema>

export const AlertRowSchema = z.object({
  eventId: z.string(),
  /** The org the alert is about, by its source (org ids are per source, as in org-ref.ts). */
  source: SourceKindSchema,
  orgId: z.string(),
  orgName: z.string().nullable(),
  alertType: AlertKindSchema,
  alertLabel: z.string(),
  eventType: z.string(),
  occurredAt: z.string(),
  user: z.string().nullable(),
  device: z.string().nullable(),
  groupKey: z.string(),
  state: AlertStateSchema,
  /** How a delivered alert landed: a new ticket, a note on the group's ticket. */
  delivery: z.enum(['ticket', 'note', 'none']).nullable(),
  attempts: Count,
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  ticketUrl: z.string().nullable(),
  receivedAt: z.string(),
  deliveredAt: z.string().nullable(),
  /** Seconds since the event occurred (for "queued for 2 h"). */
  ageSeconds: Count
})
export type AlertRow = z.infer<typeof AlertRowSchema>

export const AlertListSchema = z.object({
  alerts: z.array(AlertRowSchema),
  counts: z.object({
    queued: Count,
    delivered: Count,
    waitingMapping: Count,
    suppressed: Count,
    disabled: Count,
    /** Parked until a setting changes (see each alert's lastError for what to change). */
    attention: Count
  }),
  /** Age in seconds of the oldest queued alert; null = queue empty. */
  oldestQueuedSeconds: Count.nullable()
})
export type AlertList = z.infer<typeof AlertListSchema>

export const AlertTicketRowSchema = z.object({
  groupKey: z.string(),
  customerId: z.string(),
  customerName: z.string().nullable(),
  psa: PsaKindSchema,
  /** creating = request sent, outcome unknown yet (resolved by marker lookup before any new create). */
  state: z.enum(['creating', 'open', 'closed']),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  ticketUrl: z.string().nullable(),
  isTest: z.boolean(),
  createdAt: z.string().nullable(),
  /** Alerts delivered into this ticket (the first + its notes). */
  alerts: Count,
  snoozedUntil: z.string().nullable(),
  acknowledgedAt: z.string().nullable()
})
export type AlertTicketRow = z.infer<typeof AlertTicketRowSchema>

export const AlertCycleResultSchema = z.object({
  /** false when automated ticketing is off (nothing polled or created). */
  ran: z.boolean(),
  fetched: Count,
  newAlerts: Count,
  ticketsCreated: Count,
  notesAdded: Count,
  suppressed: Count,
  failed: Count,
  queued: Count,
  waitingMapping: Count,
  /** Alerts that need a setting changed before they can be delivered, and the first reason. */
  attention: Count,
  attentionReason: z.string().nullable(),
  pollError: z.string().nullable(),
  message: z.string()
})
export type AlertCycleResult = z.infer<typeof AlertCycleResultSchema>

export const TestTicketResultSchema = z.object({
  ticketId: z.string(),
  ticketNumber: z.string().nullable(),
  ticketUrl: z.string().nullable(),
  subject: z.string(),
  message: z.string()
})

const Ok = z.object({ message: z.string() })

export const ticketingMethods = {
  getTicketingSettings: method(
    'Ticketing settings with the alert types, the PSA choice lists and any stale values',
    z.object({}),
    TicketingViewSchema
  ),
  saveTicketingSettings: method(
    'Save the ticketing settings (validated against the PSA choice lists)',
    TicketingSettingsSchema,
    TicketingViewSchema
  ),
  refreshTicketMetadata: method(
    'Re-read statuses, priorities, issue types, queues, sources and technicians from the PSA',
    z.object({}),
    TicketingViewSchema
  ),
  sendTestTicket: method(
    'Create a clearly marked [TEST] ticket for a customer with the current defaults',
    z.object({
      customerId: Id,
      alertType: AlertTypeSchema.default('user-lockout'),
      /** A source that alerts by severity: the ticket follows its settings for `severity` (and `eventType`). */
      source: z.string().trim().min(1).max(40).optional(),
      severity: SeveritySchema.optional(),
      eventType: z.string().trim().min(1).max(200).optional()
    }),
    TestTicketResultSchema
  ),
  listAlerts: method(
    'Alerts (queued, delivered, waiting for a mapping, suppressed), newest first, with their tickets and queue age',
    z.object({
      state: AlertStateSchema.optional(),
      /** Only the alerts of this source. */
      source: SourceKindSchema.optional(),
      limit: z.number().int().min(1).max(5000).default(200)
    }),
    AlertListSchema
  ),
  listAlertTickets: method(
    'Tickets PSA Bridge generated (for Activity), newest first',
    z.object({ limit: z.number().int().min(1).max(5000).default(200) }),
    z.array(AlertTicketRowSchema)
  ),
  acknowledgeGroup: method(
    'Acknowledge an alert group: repeats are recorded but add no notes until its ticket is closed',
    z.object({ groupKey: Id, acknowledged: z.boolean().default(true) }),
    Ok
  ),
  snoozeGroup: method(
    'Snooze an alert group until a time (null = un-snooze): repeats are recorded but add no notes',
    z.object({ groupKey: Id, until: z.iso.datetime({ offset: true }).nullable() }),
    Ok
  ),
  pollAlertsNow: method(
    'Poll JumpCloud for new events and deliver due alerts now (retryNow = ignore the backoff of queued alerts)',
    z.object({ retryNow: z.boolean().default(false) }),
    AlertCycleResultSchema
  )
}
