// Scratch rows reused across calls: this runs ~10^5 times per suggest-all and allocation showed up as GC time.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]

/**
 * Optimal-string-alignment distance (Levenshtein + adjacent transposition), so "Smtih"/"Smith" is 1.
 * With `max`, only distances up to it are exact: anything larger comes back as max + 1 (most candidate words differ
 * a lot). Then only the cells within `max` of the diagonal are filled: any alignment through a cell further off
 * costs more than `max` already, so those cells stand in as max + 1.
 */
export function osaDistance(a: string, b: string, max = Infinity): number {
  const m = a.length
  const n = b.length
  if (m === 0) return n
  if (n === 0) return m
  if (m - n > max || n - m > max) return max + 1
  if (rows[0]!.length <= n + 1) rows = [new Int32Array(n + 2), new Int32Array(n + 2), new Int32Array(n + 2)]
  // Half-width of the band; unbounded, it covers every cell.
  const w = max < m + n ? max : m + n
  const far = w + 1
  // Plain rotation, no array destructuring: that goes through an iterator per row until the code is optimised, and
  // the first suggest-all runs this ~50,000 times mostly before it is.
  let prev2 = rows[0]!
  let prev = rows[1]!
  let cur = rows[2]!
  for (let j = 0; j <= n && j <= w; j++) prev[j] = j
  if (w < n) prev[w + 1] = far
  for (let i = 1; i <= m; i++) {
    const lo = i - w > 1 ? i - w : 1
    const hi = i + w < n ? i + w : n
    cur[lo - 1] = lo === 1 ? i : far
    let rowMin = cur[lo - 1]!
    const ai = a.charCodeAt(i - 1)
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1)
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (hi < n) cur[hi + 1] = far
    if (rowMin > max) return max + 1
    const spare = prev2
    prev2 = prev
    prev = cur
    cur = spare
  }
  const d = prev[n]!
  return d > max ? max + 1 : d
}
