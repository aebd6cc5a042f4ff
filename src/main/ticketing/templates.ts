// Subject / body / note templates. Placeholders: {org} {user} {device} {subject} (user or device, what
// the alert is about) {alertType} {time}.
// Unknown placeholders are left as typed, so a typo is visible in the ticket rather than silently empty.

export interface TemplateValues {
  org: string
  user: string
  device: string
  subject: string
  alertType: string
  time: string
}

// One pass: a value that itself contains "{org}" is text, never expanded again.
export function render(template: string, v: TemplateValues): string {
  return template.replace(/\{(org|user|device|subject|alertType|time)\}/g, (_, k: keyof TemplateValues) => inline(v[k]))
}

/**
 * Values come from Directory Insights events (a username, a hostname) and are not ours: control
 * characters (NUL, CR/LF, escapes, Unicode line separators) would break a one-line subject or make the
 * PSA refuse the ticket for good — a NUL cannot be stored in a Postgres text column — so each run
 * becomes one space.
 */
function inline(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
}

/** The line that carries the exactly-once marker in a ticket body or note. */
export function markerLine(marker: string): string {
  return `[${marker}]`
}
