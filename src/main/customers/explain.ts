import type { WordMatch } from './align'
import type { NormalizedName } from './normalize'
import { changePhrases, sameNameReason } from './reason'
import type { Scored } from './similarity'

// A short phrase a person can check for why two names were scored as they were: which word was read as which.

/** The words at `idx`, quoted. A loop, not `map(…).join(…)`: the arrays `map` made had another shape now and then,
 * and the optimised reasons were thrown away. */
function quoted(name: NormalizedName, idx: readonly number[]): string {
  let out = ''
  for (let k = 0; k < idx.length; k++) out += k === 0 ? name.surfaces[idx[k]!]! : ` ${name.surfaces[idx[k]!]!}`
  return `'${out}'`
}
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function matchPhrase(a: NormalizedName, b: NormalizedName, m: WordMatch): string | null {
  const [x, y] = [quoted(a, m.i), quoted(b, m.j)]
  switch (m.rel) {
    case 'joined':
      return `same name ignoring spaces: ${x} / ${y}`
    case 'abbreviation': {
      const aShort = m.i.length === 1 && a.spelledTokens[m.i[0]!]!.length < b.spelledTokens[m.j[0]!]!.length
      return aShort ? `same name after expanding ${x} → ${capital(y)}` : `same name after expanding ${y} → ${x}`
    }
    case 'initialism':
      return m.i.length === 1 ? `${x} read as the initials of ${y}` : `${y} read as the initials of ${x}`
    case 'learned':
      return `${x} = ${y}, learned from an earlier mapping`
    case 'typo':
      return `${m.distance === 2 ? 'two-letter' : 'one-letter'} difference: ${x} / ${y}`
    case 'same': {
      const [i, j] = [m.i[0]!, m.j[0]!]
      if (a.tokens[i] === b.tokens[j]) return null
      return `same name with the accent spelled out: ${x} / ${y}`
    }
  }
}

export function explainScored(a: NormalizedName, b: NormalizedName, scored: Scored): string {
  const al = scored.alignment
  switch (scored.kind) {
    case 'none':
      return 'nothing comparable in one of the names'
    case 'same':
      return sameNameReason(a, b)
    case 'different': {
      const numbers = [...(al?.extraA.map((i) => a.tokens[i]!) ?? []), ...(al?.extraB.map((j) => b.tokens[j]!) ?? [])]
      const what = numbers.some((t) => /\d/.test(t)) ? 'different numbers' : 'different words'
      const side = (name: NormalizedName, idx: number[]) =>
        idx.map((i) => `'${name.surfaces[i]}'`).join(' ') || '(none)'
      return `${what}: ${side(a, al?.extraA ?? [])} / ${side(b, al?.extraB ?? [])}`
    }
    default: {
      const detail = (al?.matches ?? []).map((m) => matchPhrase(a, b, m)).filter((p): p is string => p !== null)
      if (scored.kind === 'spacing' && detail.length === 0)
        detail.push(`same name ignoring spaces: '${a.raw.trim()}' / '${b.raw.trim()}'`)
      if (scored.kind === 'order') detail.push('same words in a different order')
      if (scored.kind === 'partial' && al) {
        const words = (name: NormalizedName, idx: number[]) => idx.map((i) => `'${name.surfaces[i]}'`).join(' ')
        const only = al.extraA.length > 0 ? words(a, al.extraA) : words(b, al.extraB)
        return [`similar, but only one name has ${only}`, ...detail].join('; ')
      }
      const explained = new Set(
        (al?.matches ?? [])
          .filter((m) => m.rel !== 'same')
          .flatMap((m) => [...m.i.map((i) => a.surfaces[i]!), ...m.j.map((j) => b.surfaces[j]!)])
      )
      return [...detail, ...changePhrases(a, b, 2, explained)].join('; ')
    }
  }
}
