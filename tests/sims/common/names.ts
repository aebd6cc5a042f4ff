import { mulberry32, pick } from './random'

// Word lists for realistic small-business client names of an MSP (dental, medical, trades, legal, retail).
const SURNAMES = [
  'Smith',
  'Johnson',
  'Garcia',
  'Miller',
  'Davis',
  'Martinez',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Hill',
  'Green',
  'Adams',
  'Baker',
  'Nelson',
  'Carter',
  'Mitchell',
  'Roberts',
  'Turner',
  'Phillips',
  'Campbell',
  'Parker',
  'Evans',
  'Edwards',
  'Collins',
  "O'Brien",
  'McAllister',
  'Nguyen',
  'Kowalski',
  'Fischer'
]
const ACCENTED_SURNAMES = ['Peña', 'Müller', 'Gonçalves', 'Søndergaard', 'Nuñez', 'Béland', 'Łukasz', 'Åberg']
const TRADES = [
  'Plumbing',
  'Electric',
  'Roofing',
  'Landscaping',
  'HVAC',
  'Construction',
  'Auto Repair',
  'Painting',
  'Flooring',
  'Heating & Cooling',
  'Pest Control',
  'Excavating',
  'Cabinetry',
  'Masonry'
]
const PLACES = [
  'Riverside',
  'Oak Ridge',
  'Lakeview',
  'Pine Valley',
  'Cedar Creek',
  'Maple Grove',
  'Hillcrest',
  'Fairview',
  'Brookside',
  'Summit',
  'Harbor Point',
  'Green Meadow',
  'Blue Sky',
  'Silver Lake',
  'Stone Bridge',
  'Westfield',
  'Northgate',
  'Sunnyvale',
  'Willow Bend',
  'Eagle Rock',
  'Clearwater',
  'Red Oak',
  'Bay Shore',
  'Highland'
]
const SAINTS = ['Mary', 'Joseph', 'Luke', 'Francis', 'Anne', 'Michael', 'Jude', 'Catherine', 'Patrick', 'Vincent']
const SAINT_PLACES = ['Clinic', 'Hospital', 'Academy', 'Parish', 'School', 'Medical Center', 'Home Care']
const ADJECTIVES = [
  'Bright',
  'Gentle',
  'Family',
  'Modern',
  'Premier',
  'Happy',
  'Advanced',
  'Complete',
  'Pacific',
  'Golden'
]
const DENTAL = ['Smiles Dental', 'Family Dentistry', 'Orthodontics', 'Dental Care', 'Pediatric Dentistry']
const MEDICAL_PAIRS: Array<[string, string]> = [
  ['Medical Group', 'Medical Supply'],
  ['Family Practice', 'Family Pharmacy'],
  ['Veterinary Clinic', 'Veterinary Hospital'],
  ['Physical Therapy', 'Physical Therapy Associates'],
  ['Dental Group', 'Dental Lab']
]
const BRANCHES = ['North', 'South', 'East', 'West', 'Downtown', 'Midtown']
const CORP_SUFFIXES = ['LLC', 'Inc.', 'Inc', 'Ltd', 'Co.', 'Corp.', 'LLP', 'PC', 'PLLC']
const PROFESSIONS = ['Law', 'Accounting', 'CPA', 'Insurance', 'Realty', 'Financial', 'Architects', 'Engineering']
const ACCENTED_FIXED = [
  'Café Olé Bakery',
  'Crème de la Crème Catering',
  'Señor Frío Refrigeration',
  'Zoë’s Crêperie',
  'Über Cool Daycare',
  'Ñandú Imports',
  'Björk & Fjord Design',
  'Jalapeño Grill',
  'Château Élan Winery'
]

type Gen = (rng: () => number) => string[]

// Each generator returns one name, or a near-miss pair that auto-matching must not confuse.
const GENERATORS: Array<[number, Gen]> = [
  [4, (r) => [`${pick(r, SURNAMES)} & Sons ${pick(r, TRADES)}${r() < 0.6 ? ` ${pick(r, CORP_SUFFIXES)}` : ''}`]],
  [4, (r) => [`${pick(r, SURNAMES)} ${pick(r, TRADES)}${r() < 0.5 ? ` ${pick(r, CORP_SUFFIXES)}` : ''}`]],
  [3, (r) => [`${r() < 0.5 ? 'St.' : 'Saint'} ${pick(r, SAINTS)}'s ${pick(r, SAINT_PLACES)}`]],
  [
    3,
    (r) => {
      const base = `${pick(r, ADJECTIVES)} ${pick(r, DENTAL)}`
      return r() < 0.6 ? [`${base} - ${pick(r, BRANCHES)}`] : [base]
    }
  ],
  [
    3,
    (r) => {
      const place = pick(r, PLACES)
      const [a, b] = pick(r, MEDICAL_PAIRS)
      return r() < 0.5 ? [`${place} ${a}`, `${place} ${b}`] : [`${place} ${a}`]
    }
  ],
  [3, (r) => [`${pick(r, SURNAMES)}, ${pick(r, SURNAMES)} & ${pick(r, SURNAMES)} ${pick(r, ['LLP', 'PC', 'PLLC'])}`]],
  [
    3,
    (r) => [`${pick(r, PLACES)} ${pick(r, PROFESSIONS)} ${pick(r, ['Group', 'Partners', 'Associates', 'Services'])}`]
  ],
  [2, (r) => [`The ${pick(r, PLACES)} ${pick(r, ['Company', 'Group', 'Collective', 'Market'])}`]],
  [1, (r) => [`${pick(r, ACCENTED_SURNAMES)} ${pick(r, TRADES)}${r() < 0.5 ? ` ${pick(r, CORP_SUFFIXES)}` : ''}`]],
  [1, (r) => [pick(r, ACCENTED_FIXED)]]
]
const TOTAL_WEIGHT = GENERATORS.reduce((s, [w]) => s + w, 0)

function generate(rng: () => number): string[] {
  let x = rng() * TOTAL_WEIGHT
  for (const [w, gen] of GENERATORS) {
    if ((x -= w) < 0) return gen(rng)
  }
  return (GENERATORS[0] as [number, Gen])[1](rng)
}

/** `n` unique, realistic company names, deterministic from `seed` (near-miss pairs included). */
export function companyNames(seed: number, n: number): string[] {
  const rng = mulberry32(seed)
  const out: string[] = []
  const seen = new Set<string>()
  const push = (name: string): void => {
    const key = name.toLowerCase()
    if (!seen.has(key) && out.length < n) {
      seen.add(key)
      out.push(name)
    }
  }
  let misses = 0
  while (out.length < n) {
    const before = out.length
    for (const name of generate(rng)) push(name)
    if (out.length === before && ++misses > 200) {
      // Word lists exhausted for this n: disambiguate like real companies do, by location.
      const [name] = generate(rng)
      push(`${name} (${pick(rng, PLACES)} ${Math.floor(rng() * 900) + 100})`)
    }
  }
  return out
}

// Words a matcher canonicalises or strips; gluing them to a neighbour would make a different company.
const JOIN_STOP = /^(the|saint|and|sons|inc|ltd|corp|co|llc|llp|pc|pllc)$/i

type Mutation = (s: string, rng: () => number) => string

const stripCorp = (s: string): string => s.replace(/,?\s+(LLC|Inc\.?|Ltd\.?|Co\.|Corp\.?|LLP|PC|PLLC)$/i, '')

// Each mutation is how a second person plausibly typed the same company into the other system.
const MUTATIONS: Mutation[] = [
  (s) => (s.includes(' & ') ? s.replace(' & ', ' and ') : s.replace(/ and /i, ' & ')),
  (s, r) => (stripCorp(s) !== s ? stripCorp(s) : `${s}${pick(r, [' LLC', ', Inc.', ' Inc', ' Ltd'])}`),
  (s) => (/\bSt\. /.test(s) ? s.replace(/\bSt\. /, 'Saint ') : s.replace(/\bSaint /, 'St. ')),
  (s) => {
    const dash = /\s+-\s+([^-()]+)$/.exec(s)
    if (dash) return s.replace(dash[0], ` (${dash[1]})`)
    const paren = /\s+\(([^()]+)\)$/.exec(s)
    return paren ? s.replace(paren[0], ` - ${paren[1]}`) : s
  },
  (s, r) =>
    pick(r, [
      s.toUpperCase(),
      s.toLowerCase(),
      s.toLowerCase().replace(/(^|\s)(\S)/g, (_m, sp: string, c: string) => sp + c.toUpperCase())
    ]),
  (s) => (/^The /i.test(s) ? s.replace(/^The /i, '') : `The ${s}`),
  (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
  // Space change: "Oak Ridge" → "Oakridge", or the reverse split of a long word.
  (s, r) => {
    const joins = [...s.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]+)\b/g)].filter(
      (m) => !JOIN_STOP.test(m[1] as string) && !JOIN_STOP.test(m[2] as string)
    )
    if (joins.length) {
      const m = pick(r, joins)
      return s.replace(m[0], `${m[1]}${(m[2] as string).toLowerCase()}`)
    }
    return s
  }
]

// A one-letter typo (drop, double or swap a letter) inside a word of 5+ letters; at most once per variant.
function typo(s: string, rng: () => number): string {
  const spots: number[] = []
  // Not in the words matchers canonicalise (Saint→St.), so a variant stays one typo away from the original.
  for (const m of s.matchAll(/\p{L}{5,}/gu))
    if (!/^saint$/i.test(m[0])) for (let i = 1; i < m[0].length - 1; i++) spots.push((m.index as number) + i)
  if (!spots.length) return s
  const i = pick(rng, spots)
  const kind = Math.floor(rng() * 3)
  if (kind === 0) return s.slice(0, i) + s.slice(i + 1)
  if (kind === 1) return s.slice(0, i) + s.charAt(i) + s.slice(i)
  return s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2)
}

/** How another person would have typed `name` in the other system; always differs from `name`. */
export function messyVariant(name: string, rng: () => number): string {
  for (let attempt = 0; attempt < 10; attempt++) {
    let s = name
    const n = 1 + Math.floor(rng() * 2)
    for (let k = 0; k < n; k++) s = pick(rng, MUTATIONS)(s, rng)
    if (rng() < 0.1) s = typo(s, rng)
    s = s.replace(/\s+/g, ' ').trim()
    if (s !== name) return s
  }
  // Only when every mutation was a no-op (e.g. a single short word): a case change always differs for letters.
  return name === name.toUpperCase() ? name.toLowerCase() : name.toUpperCase()
}
