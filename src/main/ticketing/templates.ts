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

export function render(template: string, v: TemplateValues): string {
  return template.replace(/\{(org|user|device|subject|alertType|time)\}/g, (_, k: keyof TemplateValues) => v[k])
}

/** The line that carries the exactly-once marker in a ticket body or note. */
export function markerLine(marker: string): string {
  return `[${marker}]`
}
