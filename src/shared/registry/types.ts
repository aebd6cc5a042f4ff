import type { z } from 'zod'

// The shape of one kind's shared description (PSA or source). Pure data + zod: the renderer, the
// contract and the main process all read it, so it imports nothing but zod.

/** A field of the Connect form; `name` is the save method's input key (an error's `field` lands on it). */
export interface ConnectField {
  readonly name: string
  readonly label: string
  readonly kind: 'text' | 'secret' | 'select'
  readonly options?: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly help?: string
  readonly placeholder?: string
  /** Pre-fill from the saved integration's non-secret settings. */
  readonly settingKey?: string
  readonly defaultValue?: string
  /** Runs as the user types and on submit; a message blocks the request. */
  readonly validate?: (value: string) => string | null
  /** What is sent for a typed value (trimmed, normalised). */
  readonly normalize?: (value: string) => string
}

/** How a kind is connected: its contract save method, the input it takes and the form that builds it. */
export interface ConnectDescription {
  /** Contract method name, e.g. 'saveSyncro'. */
  readonly method: string
  readonly summary: string
  readonly input: z.ZodType
  /** Card title on Connect. */
  readonly title: string
  readonly description: string
  readonly fields: readonly ConnectField[]
}

/** The editable ticket fields (keys of the contract's TicketFields). */
export type TicketFieldKey =
  'priority' | 'issueType' | 'subIssueType' | 'status' | 'daysDue' | 'technicianId' | 'queue' | 'source'

export type BillingMetric = 'users' | 'devices'

export interface PsaDescription {
  readonly label: string
  /** The PSA's own words for what carries a customer's billing. */
  readonly words: {
    /** "Recurring invoice" / "Contract" (picker label). */
    readonly container: string
    /** "Line item" / "Contract service". */
    readonly item: string
    /** "recurring invoices" / "active Recurring Service contracts" (plural, in a sentence). */
    readonly containers: string
    /** "recurring invoice" / "active Recurring Service contract" (singular, in a sentence). */
    readonly containerOne: string
    /** What a mapped customer needs to be billed, in a sentence. */
    readonly prerequisite: string
  }
  /** What "Check prerequisites" reports missing, and how to fix it in this PSA. */
  readonly prerequisites: {
    readonly container: string
    readonly item: string
    readonly fixContainer: string
    readonly fixItem: string
  }
  /** The ticket fields this PSA has, in column order, with the PSA's own label. */
  readonly ticketFields: ReadonlyArray<{ readonly key: TicketFieldKey; readonly label: string }>
  readonly billing: {
    readonly metrics: readonly BillingMetric[]
    /** Whether a unit cost can be written with the quantity. */
    readonly unitCost: boolean
  }
  readonly connect: ConnectDescription
}

export interface SourceDescription {
  readonly label: string
  /** What one tenant is called ("organization"). */
  readonly orgWord: string
  readonly billing: {
    readonly metrics: readonly BillingMetric[]
    /** What the pushed number means, in a sentence. */
    readonly meaning: string
    /**
     * When it is pushed: 'monthly-hwm' = every push, the month's high-water mark; 'sync-day' = on the User Sync Day
     * of the month only, the billable users of the latest billing date (settings in billing/source-billing.ts).
     */
    readonly pushed: 'monthly-hwm' | 'sync-day'
    /** Counts are sampled through the month (and replayed from create/delete events) for a high-water mark. */
    readonly sampled: boolean
  }
  /** The alert types this source raises (ids of the contract's AlertType). */
  readonly alertTypes: readonly string[]
  /** 'type' = the fixed `alertTypes` above; 'severity' = every event is an alert of its severity (critical/medium/low), with optional per-event-type overrides. */
  readonly alertsBy: 'type' | 'severity'
  /** Whether it lists devices (matched to the PSA's assets on the Assets screen). */
  readonly devices: boolean
  readonly connect: ConnectDescription
}
