// Scratch rows reused across calls: this runs ~10^5 times per suggest-all and allocation showed up as GC time.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]

/**
 * Optimal-string-alignment distance (Levenshtein + adjacent transposition), so "Smtih"/"Smith" is 1.
 * With `max`, gives up as soon as the distance must exceed it and returns max + 1 (most candidate words differ a lot).
 */
export function osaDistance(a: string, b: string, max = Infinity): number {
  const m = a.length
  const n = b.length
  if (m === 0) return n
  if (n === 0) return m
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)]
  // Plain rotation, no array destructuring: that goes through an iterator per row until the code is optimised, and
  // the first suggest-all runs this ~50,000 times mostly before it is.
  let prev2 = rows[0]!
  let prev = rows[1]!
  let cur = rows[2]!
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= m; i++) {
    cur[0] = i
    let rowMin = i
    const ai = a.charCodeAt(i - 1)
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1)
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1))
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    const spare = prev2
    prev2 = prev
    prev = cur
    cur = spare
  }
  return prev[n]!
}
