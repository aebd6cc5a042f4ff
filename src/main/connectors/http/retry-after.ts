/**
 * Parses a Retry-After header (RFC 9110 §10.2.3: delay-seconds or HTTP-date) into milliseconds from `nowMs`.
 * Returns undefined when absent or unparseable, 0 for dates in the past.
 */
export function parseRetryAfter(value: string | undefined | null, nowMs: number = Date.now()): number | undefined {
  if (value == null) return undefined
  const text = value.trim()
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  // HTTP-dates always name a day/month; this keeps Date.parse from reading '-5' as a year.
  if (!/[a-z]/i.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - nowMs)
}
