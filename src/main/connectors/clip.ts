// Text cut to a PSA field's length, marking the cut, so the PSA does not refuse the whole write.
// Counted in code points: cutting between the halves of a surrogate pair would leave invalid UTF-16.

export function clipText(text: string, max: number | undefined): string {
  if (!max || text.length <= max) return text
  const points = Array.from(text)
  if (points.length <= max) return text
  return `${points.slice(0, Math.max(0, max - 1)).join('')}…`
}
