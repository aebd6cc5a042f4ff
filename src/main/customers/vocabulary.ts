// Word lists used by the name normaliser. Kept apart so the rules read as data and can be reviewed in one place.

/**
 * Legal-form tokens. Removed only at the end of a name (or as a whole ", Inc." / "(Pty)" decoration), never in the
 * middle: "Co" in "Co-op Grocers" or "PC" in "PC Repair Shop" are part of the name.
 * Multi-letter dotted forms (L.L.C., P.C.) are collapsed before lookup, and trailing single letters are joined
 * ("L L C" → "llc"), so only the compact spelling is listed.
 */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'inc',
  'incorporated',
  'llc',
  'lc',
  'pllc',
  'ltd',
  'limited',
  'llp',
  'lllp',
  'lp',
  'co',
  'company',
  'corp',
  'corporation',
  'pc',
  'pa',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'pty',
  'oy',
  'ab',
  'kk',
  'bhd',
  'sdn',
  'ulc'
])

/** Legal words long enough that a one-letter slip ("Compnay") cannot be another word. */
export const LONG_LEGAL_SUFFIXES: readonly string[] = ['company', 'limited', 'incorporated', 'corporation']

/**
 * Abbreviations expanded wherever they appear. Chosen because in business names they have one dominant reading:
 * - "assoc" → associates: "& Assoc." is overwhelmingly a firm's partners ("Association" is usually spelled out).
 * - "med" → medical: in a business name "Med" next to Group/Center/Supply is medical; the only competing reading
 *   (Mediterranean) would need the other side to spell "Medical" for a different firm, which does not happen.
 * - "tech" → technology: "Acme Tech" / "Acme Technology(ies)" are the same firm in practice. "Technical" is NOT
 *   folded in: "Technical Services" is a different trade description.
 * Deliberately NOT expanded: "dr" / "st" / "mt" / "ft" (position-dependent, see POSITIONAL), "dist" (district or
 * distribution), "dev" (development or developers), "eng" (engineering or English), single compass letters.
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['assoc', 'associates'],
  ['assocs', 'associates'],
  ['mfg', 'manufacturing'],
  ['mfr', 'manufacturing'],
  ['intl', 'international'],
  ['natl', 'national'],
  ['svc', 'services'],
  ['svcs', 'services'],
  ['srvcs', 'services'],
  ['bros', 'brothers'],
  ['mgmt', 'management'],
  ['mgt', 'management'],
  ['dept', 'department'],
  ['ctr', 'center'],
  ['cntr', 'center'],
  ['centre', 'center'],
  ['tech', 'technology'],
  ['hosp', 'hospital'],
  ['univ', 'university'],
  ['grp', 'group'],
  ['sys', 'systems'],
  ['solns', 'solutions'],
  ['mktg', 'marketing'],
  ['acctg', 'accounting'],
  ['bldg', 'building'],
  ['constr', 'construction'],
  ['hldgs', 'holdings'],
  ['ins', 'insurance'],
  ['mtn', 'mountain']
])

/**
 * Abbreviations whose meaning depends on position: "St. Mary's Clinic" (saint) vs "Main St" (street),
 * "Dr. Lee Dental" (doctor) vs "Oak Dr" (drive). First token → `leading`, last token → `trailing`; in the middle
 * we read the name-like sense (`leading`), as in "Mount St. Helens Clinic" — both sides get the same rule, so
 * "Main St Deli" still matches "Main St. Deli"; only a "Main Street Deli" on the other side would be missed.
 */
export const POSITIONAL: ReadonlyMap<string, { leading: string; trailing: string }> = new Map([
  ['st', { leading: 'saint', trailing: 'street' }],
  ['dr', { leading: 'doctor', trailing: 'drive' }],
  ['mt', { leading: 'mount', trailing: 'mount' }],
  ['ft', { leading: 'fort', trailing: 'fort' }]
])

/** Letters that NFKD does not decompose into base + mark. */
export const EXTRA_FOLDS: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['Æ', 'AE'],
  ['œ', 'oe'],
  ['Œ', 'OE'],
  ['ø', 'o'],
  ['Ø', 'O'],
  ['ł', 'l'],
  ['Ł', 'L'],
  ['đ', 'd'],
  ['Đ', 'D'],
  ['ð', 'd'],
  ['Ð', 'D'],
  ['þ', 'th'],
  ['Þ', 'Th'],
  ['ı', 'i']
])

/** Words like "No." / "Nbr" before a number: "Clinic No. 2" = "Clinic #2" = "Clinic 2". */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(['no', 'nbr', 'num', 'number'])

/**
 * Common descriptive words in business names. A one-letter slip in one of these ("Plumbng", "Enginering") is a
 * typo; the same slip in any other word is as likely a different name ("Johnson"/"Johnston", "Petersen"/
 * "Peterson") and is only ever suggested, never bulk-accepted. Listed in singular (tokens are singularised).
 */
export const DESCRIPTIVE_WORDS: ReadonlySet<string> = new Set(
  `accounting advisor agency animal apartment architect architecture associate association attorney auto automotive
  bakery bank barbershop building builder business cabinetry capital care carpentry center chiropractic church clinic
  collision communication community company construction consulting consultant contracting contractor counseling
  county credit dental dentistry design development diagnostic distribution distributor education electric electrical
  electronic elementary energy engineering enterprise entertainment environmental equipment estate event family farm
  finance financial fitness florist food foundation freight funeral furniture garden glass group hardware health
  healthcare heating hospital hotel housing hvac imaging industrial industry inspection institute insurance
  international investment kitchen laboratory landscape landscaping law legal logistics maintenance management
  manufacturing marketing masonry mechanical media medical medicine ministry mortgage moving municipal network nursery
  nursing office optometry orthodontic orthodontics orthopedic orthopedics outfitter painting partner pediatric
  pediatrics pharmacy physical physician plumbing podiatry practice printing product professional property realty
  recovery rehabilitation remodeling rental repair research resource restaurant retail roofing salon school security
  service software solution specialty staffing storage studio supply surgery surgical surveying system technology
  therapy title towing trading transport transportation travel trucking trust university urgent veterinary warehouse
  wellness windows`.split(/\s+/)
)

/**
 * Words that say what kind of organisation a firm is rather than what it does (the "Group", "Associates",
 * "Services", "Community", "& Tax"). Added or dropped freely; any OTHER descriptive word on one side only ("Big Sky
 * Plumbing" / "Big Sky Plumbing Supply") names another line of business. Singular, as tokens are.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `group associate service partner company community solution enterprise office practice holding tax firm team
  consultant professional international`.split(/\s+/)
)
