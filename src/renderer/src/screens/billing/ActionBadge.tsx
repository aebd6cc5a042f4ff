/** A coloured pill for a plan action or an item result; the word itself carries the meaning (not the colour). */
export function ActionBadge({ value }: { value: string }) {
  return <span className={`badge badge--${value.replace(/[^a-z-]/g, '')}`}>{value}</span>
}
