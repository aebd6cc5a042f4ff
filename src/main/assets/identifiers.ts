// Normalised hardware identifiers for device ↔ asset matching. Each function returns '' for a value that must
// never match anything (empty, a vendor placeholder, a virtual or shared address).

/**
 * Serial numbers firmware vendors ship when the OEM did not fill the SMBIOS field, and the stand-ins RMM/PSA
 * exports use. Compared after normalisation (upper case, no spaces, no punctuation).
 */
const PLACEHOLDER_SERIALS = new Set(
  [
    'To Be Filled By O.E.M.',
    'To be filled by OEM',
    'Default string',
    'System Serial Number',
    'Chassis Serial Number',
    'Base Board Serial Number',
    'Serial Number',
    'SerialNumber',
    'Not Specified',
    'Not Applicable',
    'Not Available',
    'None',
    'Null',
    'N/A',
    'NA',
    'Unknown',
    'Invalid',
    'OEM',
    'O.E.M.',
    'Default',
    'Type1ProductConfigId',
    'Empty',
    'No Asset Tag',
    '123456789',
    '1234567890',
    '0123456789',
    'ABCDEFGHIJ'
  ].map(squash)
)

function squash(s: string): string {
  return s.toUpperCase().replace(/[^0-9A-Z]/g, '')
}

/** Upper case without spaces; '' for placeholders, one repeated character ("0", "00000000", "XXXX"), or < 3 chars. */
export function normalizeSerial(raw: string | null | undefined): string {
  if (!raw) return ''
  const s = raw.toUpperCase().replace(/\s+/g, '')
  if (s.length < 3) return ''
  const core = squash(s)
  if (core.length < 3 || PLACEHOLDER_SERIALS.has(core)) return ''
  if (/^(.)\1*$/.test(core)) return ''
  return s
}

/**
 * Addresses that many unrelated machines report: all-zero / broadcast, Windows WAN Miniport adapters
 * (ASCII " ASYN", "PPTP00"), Cisco AnyConnect's virtual adapter, FortiClient's, VMware's host-only
 * adapters VMnet1/VMnet8. Hex, no separators.
 */
const PLACEHOLDER_MACS = new Set([
  '000000000000',
  'FFFFFFFFFFFF',
  '204153594EFF',
  '505054503030',
  '00059A3C7A00',
  '00090FAA0001',
  '00090FFE0001',
  '005056C00001',
  '005056C00008'
])

/** Prefixes of virtual adapters on the host side: TAP-Windows (OpenVPN, 00:FF:…), VMware host-only (00:50:56:C0). */
const VIRTUAL_MAC_PREFIXES = ['00FF', '005056C0']

/**
 * 12 upper-case hex digits; '' for anything unusable: malformed, multicast (I/G bit), locally administered
 * (U/L bit: randomised Wi-Fi, Docker, Hyper-V switches, VPN adapters), a placeholder or a virtual host adapter.
 */
export function normalizeMac(raw: string | null | undefined): string {
  if (!raw) return ''
  const hex = raw.toUpperCase().replace(/[\s:.-]/g, '')
  if (!/^[0-9A-F]{12}$/.test(hex)) return ''
  const first = parseInt(hex.slice(0, 2), 16)
  if (first & 0x01 || first & 0x02) return ''
  if (PLACEHOLDER_MACS.has(hex) || VIRTUAL_MAC_PREFIXES.some((p) => hex.startsWith(p))) return ''
  return hex
}

const PLACEHOLDER_HOSTS = new Set(['localhost', 'unknown', 'none', 'null', 'n/a', '(none)', 'computer', 'pc'])

/** Lower case, first DNS label only ("PC-12.corp.example.com" → "pc-12"); '' for placeholders. */
export function normalizeHostname(raw: string | null | undefined): string {
  if (!raw) return ''
  const t = raw.trim()
  const dot = t.indexOf('.')
  const label = (dot === -1 ? t : t.slice(0, dot)).trim().toLowerCase()
  if (label.length < 2 || PLACEHOLDER_HOSTS.has(label)) return ''
  return label
}
