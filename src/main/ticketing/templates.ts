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
  return stripBidi(
    template.replace(/\{(org|user|device|subject|alertType|time)\}/g, (_, k: keyof TemplateValues) => inline(v[k]))
  )
}

/**
 * Bidirectional controls (U+202A–202E embeddings/overrides, U+2066–2069 isolates, LRM/RLM/ALM) make a
 * ticket read differently from what it says ("evil\u202Egpj.exe" shows as "evilexe.jpg"): removed.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

export function stripBidi(text: string): string {
  return text.replace(BIDI, '')
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
