import type { SimAsset, SimComment, SimCustomer, SimLine, SimSchedule, SimTicket, SyncroAccount } from './model'

// Wire projections of sim records, with the per-endpoint quirks of syncro.md §5.

export function customerJson(c: SimCustomer) {
  const fullname = [c.firstname, c.lastname].filter(Boolean).join(' ') || null
  return {
    id: c.id,
    firstname: c.firstname,
    lastname: c.lastname,
    fullname,
    business_name: c.business_name,
    email: c.email,
    phone: null,
    mobile: null,
    created_at: c.created_at,
    updated_at: c.updated_at,
    address: null,
    address_2: null,
    city: null,
    state: null,
    zip: null,
    notes: null,
    get_sms: false,
    opt_out: false,
    disabled: c.disabled,
    no_email: false,
    location_id: null,
    properties: {},
    tax_rate_id: null,
    invoice_cc_emails: null,
    referred_by: null,
    ref_customer_id: null,
    business_and_full_name: [c.business_name, fullname].filter(Boolean).join(' - '),
    // syncro.md §5.1: business name if set, else the person's name.
    business_then_name: c.business_name ?? fullname ?? '',
    contacts: []
  }
}

/** Money in cents and in dollars; quantity a decimal string (syncro.md §5.3 [S1][S2]). */
export function lineJson(l: SimLine) {
  return {
    id: l.id,
    cost_cents: l.cost_cents,
    description: l.description,
    name: l.name,
    position: l.position,
    product_id: l.product_id,
    quantity: l.quantity,
    retail_cents: l.retail_cents,
    schedule_id: l.schedule_id,
    taxable: l.taxable,
    user_id: l.user_id,
    price_cost: l.cost_cents / 100,
    price_retail: l.retail_cents / 100,
    product_category: null,
    asset_type_id: null,
    recurring_type_id: l.recurring_type_id,
    device_ids: [],
    one_time_charge: l.one_time_charge
  }
}

export function scheduleJson(s: SimSchedule) {
  const subtotal = s.lines.reduce((sum, l) => sum + Math.round(Number(l.quantity) * l.retail_cents), 0) / 100
  return {
    id: s.id,
    account_id: 1,
    customer_id: s.customer_id,
    email_customer: false,
    frequency: s.frequency,
    name: s.name,
    next_run: s.next_run,
    snail_mail: false,
    charge_mop: false,
    subtotal,
    invoice_unbilled_ticket_charges: false,
    paused: s.paused,
    last_invoice_paid: null,
    // syncro.md §5.3: `lines`, not `line_items` [S2].
    lines: s.lines.map(lineJson)
  }
}

export function commentJson(c: SimComment) {
  // `do_not_email` is write-only: never returned (syncro.md §5.5 [S2]).
  const { id, created_at, updated_at, ticket_id, subject, body, tech, hidden, user_id } = c
  return { id, created_at, updated_at, ticket_id, subject, body, tech, hidden, user_id }
}

/** `list`: GET /tickets items lack attachments/timers/line items but add a few list fields (syncro.md §5.5 [S1]). */
export function ticketJson(t: SimTicket, a: SyncroAccount, list = false) {
  const owner = a.customers.find((c) => c.id === t.customer_id)
  const user = a.users.find((u) => u.id === t.user_id)
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    created_at: t.created_at,
    customer_id: t.customer_id,
    customer_business_then_name: owner ? customerJson(owner).business_then_name : null,
    due_date: t.due_date,
    start_at: null,
    end_at: null,
    location_id: null,
    problem_type: t.problem_type,
    status: t.status,
    properties: {},
    user_id: t.user_id,
    updated_at: t.updated_at,
    pdf_url: null,
    priority: t.priority,
    // Every ticket record carries contract_id (GET /tickets example of the spec).
    contract_id: t.contract_id,
    resolved_at: t.resolved_at,
    tag_list: [],
    comments: t.comments.map(commentJson),
    ...(list
      ? { contact_fullname: null, customer_reply: false, sla_breached: false }
      : { attachments: [], ticket_timers: [], line_items: [] }),
    user: user
      ? {
          id: user.id,
          email: user.email,
          full_name: user.full_name,
          group: user.admin ? 'Admins' : 'Employees',
          admin: user.admin,
          color: '1e3e96'
        }
      : null
  }
}

export function assetJson(x: SimAsset, a: SyncroAccount) {
  const owner = a.customers.find((c) => c.id === x.customer_id)
  return {
    id: x.id,
    name: x.name,
    customer_id: x.customer_id,
    contact_id: null,
    created_at: x.created_at,
    updated_at: x.updated_at,
    properties: x.properties ?? {},
    asset_type: x.asset_type,
    asset_serial: x.asset_serial,
    external_rmm_link: null,
    customer: owner ? customerJson(owner) : null,
    rmm_links: []
  }
}
