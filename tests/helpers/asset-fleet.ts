import type { AllSims as Sims } from '../sims/all'

/** The simulators this helper plants into (the e2e worker's set has these too). */
type AllSims = Pick<Sims, 'jumpcloud' | 'syncro' | 'autotask'>

// Plants one client's messy fleet in the JumpCloud sim (devices of `orgId`) and in a PSA sim (assets of
// `customerId`), with the pairing a careful human would make. Realistic traps: placeholder serials, a dock MAC
// reported by five laptops, a hostname reused by a replacement laptop, a retired asset, devices not in the PSA.

export interface PlantedFleet {
  /** hostname → PSA asset name the matcher must suggest. */
  expectedMatches: Record<string, string>
  /** Devices that must stay unmatched (create candidates or conflicts). */
  unmatched: string[]
  /** Devices with nothing in the PSA: what "Create in PSA" may create. */
  newDevices: string[]
  deviceIds: Record<string, string>
  assetIds: Record<string, string>
}

const DOCK = 'a0:ce:c8:11:22:33'

const DEVICES = [
  { hostname: 'ACC-LT-01', serialNumber: 'PF2ABC12', macs: ['3c:52:82:00:00:01'], chassisTypes: 'Notebook' },
  {
    hostname: 'RECEPTION',
    serialNumber: 'To Be Filled By O.E.M.',
    macs: ['3c:52:82:00:00:02'],
    chassisTypes: 'Desktop'
  },
  { hostname: 'WS-07.corp.example.com', serialNumber: 'Default string', macs: [], chassisTypes: 'Desktop' },
  ...[1, 2, 3, 4, 5].map((n) => ({
    hostname: `HOT-DESK-${n}`,
    serialNumber: n % 2 ? '0' : 'System Serial Number',
    macs: [DOCK],
    chassisTypes: 'Notebook'
  })),
  { hostname: 'CEO-LT', serialNumber: '5CG0000NEW', macs: [], chassisTypes: 'Notebook' },
  { hostname: 'NEW-HIRE-01', serialNumber: 'R90XYZ77', macs: ['3c:52:82:00:00:09'], chassisTypes: 'Notebook' },
  { hostname: 'FILE-SRV', serialNumber: 'CZC7777SRV', macs: ['3c:52:82:00:00:10'], chassisTypes: 'Rack Mount Chassis' }
]

export interface AssetSpec {
  name: string
  serial: string | null
  mac?: string
  hostname?: string
  active?: boolean
}
const ASSETS: AssetSpec[] = [
  { name: 'Accounting laptop', serial: ' pf2 abc12 ' },
  { name: 'Front desk PC', serial: 'To be filled by O.E.M.', mac: '3C-52-82-00-00-02' },
  { name: 'ws-07', serial: null, hostname: 'ws-07' },
  { name: 'Dock', serial: null, mac: DOCK.toUpperCase() },
  { name: 'CEO-LT', serial: '5CG0000OLD' },
  { name: 'OLD-SERVER', serial: 'CZC0RETIRED', active: false }
]

export async function plantFleet(
  sims: AllSims,
  psa: 'syncro' | 'autotask',
  orgId: string,
  customerId: string
): Promise<PlantedFleet> {
  const ids = sims.jumpcloud.control.addSystems({ orgId, systems: DEVICES })
  const deviceIds = Object.fromEntries(DEVICES.map((d, i) => [d.hostname, ids[i]!]))
  const assetIds = await plantAssets(sims, psa, customerId, ASSETS)
  return {
    expectedMatches: {
      'ACC-LT-01': 'Accounting laptop',
      RECEPTION: 'Front desk PC',
      'WS-07.corp.example.com': 'ws-07'
    },
    unmatched: [
      'HOT-DESK-1',
      'HOT-DESK-2',
      'HOT-DESK-3',
      'HOT-DESK-4',
      'HOT-DESK-5',
      'CEO-LT',
      'NEW-HIRE-01',
      'FILE-SRV'
    ],
    newDevices: ['NEW-HIRE-01', 'FILE-SRV'],
    deviceIds,
    assetIds
  }
}

/** Adds PSA assets to one customer in the Syncro or Autotask simulator; returns asset name → id. */
export async function plantAssets(
  sims: AllSims,
  psa: 'syncro' | 'autotask',
  customerId: string,
  specs: readonly AssetSpec[]
): Promise<Record<string, string>> {
  const assetIds: Record<string, string> = {}
  if (psa === 'syncro') {
    const res = await fetch(`${sims.syncro.url}/__sim/assets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        assets: specs.map((a) => ({
          customer_id: Number(customerId),
          name: a.active === false ? `${a.name} (retired)` : a.name,
          asset_type: 'Managed Windows Device',
          asset_serial: a.serial,
          properties: {
            ...(a.mac ? { 'MAC Address': a.mac } : {}),
            ...(a.hostname ? { Hostname: a.hostname } : {})
          }
        }))
      })
    })
    const { ids: made } = (await res.json()) as { ids: number[] }
    specs.forEach((a, i) => (assetIds[a.name] = String(made[i])))
  } else {
    const t = sims.autotask.state.tables
    for (const a of specs) {
      const id = 9_000_000 + t.ConfigurationItems.length
      t.ConfigurationItems.push({
        id,
        companyID: Number(customerId),
        referenceTitle: a.name,
        serialNumber: a.serial,
        configurationItemType: 1,
        isActive: a.active !== false,
        productID: 1,
        createDate: '2025-01-10T00:00:00Z',
        lastModifiedTime: '2025-01-10T00:00:00Z',
        rmmDeviceAuditHostname: a.hostname ?? null,
        rmmDeviceAuditMacAddress: a.mac ?? null
      })
      assetIds[a.name] = String(id)
    }
  }
  return assetIds
}
