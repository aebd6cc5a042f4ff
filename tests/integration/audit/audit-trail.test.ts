import { kindLabel } from '../../../src/shared/registry'
import { describe, expect, it } from 'vitest'
import type { AuditRow, Door } from '../../../src/shared/contract/audit'
import type { CustomersView } from '../../../src/shared/contract/customers'
import type { TicketingView } from '../../../src/shared/contract/ticketing'
import type { MethodName } from '../../../src/shared/contract'
import { auditCatalog } from '../../../src/main/app/audit/catalog'
import { plantFleet } from '../../helpers/asset-fleet'
import { useSimApp, type SimApp } from '../../helpers/sim-app'

const start = useSimApp()

/** A call through one door, like the window (IPC), the browser bridge or the CLI would make it. */
function via(s: SimApp, door: Door) {
  return async <T = unknown>(method: MethodName, input: unknown = {}): Promise<T> => {
    const r = await s.app.dispatch(method, input, door)
    if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`)
    return r.value as T
  }
}

async function audit(s: SimApp, filter: object = {}): Promise<AuditRow[]> {
  return (await s.call<{ rows: AuditRow[] }>('listAudit', filter)).rows
}

const audited = (Object.keys(auditCatalog) as MethodName[]).filter((m) => !('notAudited' in auditCatalog[m]))

// Audited methods this scenario does not call, with why; everything else must leave a row below.
const NOT_EXERCISED: Partial<Record<MethodName, string>> = {
  acknowledgeGroup: 'needs an alert group: facts-only describer, covered by the unit test',
  snoozeGroup: 'needs an alert group: facts-only describer, covered by the unit test'
}

describe('audit trail', () => {
  it("records every kind of person's change with its door and old → new values, never a secret, across restarts", async () => {
    const s = await start({ psa: 'syncro', orgs: 6 })
    const c = s.sims.credentials
    const win = via(s, 'window')
    const bridge = via(s, 'bridge')
    const cli = via(s, 'cli')

    // Credentials (the harness saved Syncro and JumpCloud through the app itself: door "internal").
    await win('saveSyncro', { subdomain: c.syncro.subdomain, apiToken: c.syncro.apiToken, replace: true })
    await bridge('saveAutotask', {
      username: c.autotask.username,
      secret: c.autotask.secret,
      integrationCode: c.autotask.integrationCode
    })
    await win('saveSaasAlerts', { apiKey: c.saasalerts.apiKey })
    await win('saveSyncro', { subdomain: c.syncro.subdomain, apiToken: c.syncro.apiToken, replace: true }) // active
    await cli('saveJumpCloud', { apiKey: c.jumpcloud.apiKey, providerId: c.jumpcloud.providerId, replace: true })

    // A pair whose hand mapping teaches "Dental" = "Dentistry" (see tests/integration/customers/learning.test.ts).
    s.sims.jumpcloud.state.orgs[5]!.name = 'Quillfeather Dental'
    s.sims.syncro.account().customers[5]!.business_name = 'Quillfeather Dentistry'
    await s.call('refreshData', { from: 'both' })
    const cv = await s.call<CustomersView>('getCustomersView')
    const dental = cv.orgs.find((o) => o.name === 'Quillfeather Dental')!
    await win('mapOrg', {
      source: dental.source,
      orgId: dental.id,
      customerId: cv.customers.find((k) => k.name === 'Quillfeather Dentistry')!.id
    })
    await win('removeLearnedEquivalence', { a: 'dental', b: 'dentistry' })
    const [o1, o2, o3, o4] = cv.orgs
    const [k1, k2] = cv.customers

    // Mapping made, changed, removed; ignore / un-ignore; disable.
    await bridge('mapOrg', { source: o1!.source, orgId: o1!.id, customerId: k1!.id })
    await bridge('mapOrg', { source: o1!.source, orgId: o1!.id, customerId: k2!.id })
    await win('unmapOrg', { source: o1!.source, orgId: o1!.id })
    await win('mapOrg', { source: o1!.source, orgId: o1!.id, customerId: k1!.id })
    await win('setOrgIgnored', { source: o2!.source, orgId: o2!.id, ignored: true })
    await win('setOrgIgnored', { source: o2!.source, orgId: o2!.id, ignored: false })
    await win('setOrgDisabled', { source: o4!.source, orgId: o4!.id, disabled: true })
    await win('setCatchAllCustomer', { customerId: k2!.id })
    await win('setCustomerIgnored', { customerId: k1!.id, ignored: true })
    await win('setCustomerIgnored', { customerId: k1!.id, ignored: false })
    const suggested = (await s.call<CustomersView>('getCustomersView')).orgs.find((o) => o.status === 'suggested')
    if (suggested) await win('acceptSuggestion', { source: suggested.source, orgId: suggested.id })
    await win('acceptAllSuggestions', {})
    await win('createCustomerForOrg', { source: o3!.source, orgId: o3!.id, confirmSimilar: true })

    // Billing mapping, settings, approval, config import.
    const targets = await s.call<{ containers: Array<{ id: string; items: Array<{ id: string }> }> }>(
      'listBillingTargets',
      { source: o1!.source, orgId: o1!.id }
    )
    const container = targets.containers.find((x) => x.items.length > 0)!
    const row = await win<{ mappingId: string }>('saveBillingMapping', {
      source: o1!.source,
      orgId: o1!.id,
      containerId: container.id,
      itemId: container.items[0]!.id,
      metric: 'users',
      nonBillable: 0,
      unitCost: null
    })
    await win('saveBillingMapping', {
      mappingId: row.mappingId,
      source: o1!.source,
      orgId: o1!.id,
      containerId: container.id,
      itemId: container.items[0]!.id,
      metric: 'users',
      nonBillable: 1,
      unitCost: null
    })
    const plan = await s.call<{ items: Array<{ mappingId: string; newQuantity: number | null }> }>('previewSync', {})
    const planned = plan.items.find((i) => i.mappingId === row.mappingId)!.newQuantity!
    await win('approveDecrease', { mappingId: row.mappingId, to: planned })
    await cli('saveBillingSettings', { reviewDecreases: true, timeZone: 'Europe/Berlin' })
    await bridge('saveSettings', { notifications: false, samplingIntervalMinutes: 30 })
    await cli('setPaused', { paused: true })
    await win('setBillingMappingEnabled', { mappingId: row.mappingId, enabled: false, confirm: true })
    const config = await s.call('exportConfig', {})
    await cli('importConfig', { config })
    const mappingAfterImport = (await s.call<{ mappings: Array<{ mappingId: string }> }>('getBillingView')).mappings[0]!
    await win('deleteBillingMapping', { mappingId: mappingAfterImport.mappingId })

    // Ticketing toggles.
    const ts = await s.call<TicketingView>('getTicketingSettings')
    await win('saveTicketingSettings', { ...ts.settings, enabled: !ts.settings.enabled })
    const sev = await s.call<{ settings: Record<string, unknown> }>('getSourceTicketing', { source: 'saasalerts' })
    await win('saveSourceTicketing', { source: 'saasalerts', settings: { ...sev.settings, contractOnTickets: true } })
    await win('sendTestTicket', { customerId: k1!.id })

    // Assets.
    const fleet = await plantFleet(s.sims, 'syncro', o1!.id, k1!.id)
    await s.call('pullAssets', {})
    const laptop = fleet.deviceIds['ACC-LT-01']!
    await win('acceptAssetMatch', { deviceId: laptop })
    await win('unmatchAsset', { deviceId: laptop })
    await win('matchAssetTo', { deviceId: laptop, assetId: fleet.assetIds['Accounting laptop']! })
    await win('acceptAllAssetMatches', {})
    await win('setAssetIgnored', { side: 'device', id: fleet.deviceIds['RECEPTION']!, ignored: true })
    await win('setAssetTypeMapping', { mapping: { server: 'Managed Windows Device' } })
    await win('createAssets', { deviceIds: [fleet.deviceIds['NEW-HIRE-01']!] })

    await win('disableIntegration', { kind: 'saasalerts' })

    let rows = await audit(s, { limit: 10_000 })
    const methods = new Set(rows.map((r) => r.method))
    for (const m of audited) {
      if (NOT_EXERCISED[m]) continue
      expect(methods.has(m), `${m} left no audit row`).toBe(true)
    }

    // Old → new, subject and door of a mapping change.
    const changed = rows.find((r) => r.method === 'mapOrg' && r.changes[0]?.old !== null)!
    expect(changed).toMatchObject({
      door: 'bridge',
      kind: 'mapping',
      subject: `${o1!.name} (${kindLabel(o1!.source)} org ${o1!.id})`
    })
    expect(changed.changes).toEqual([
      { field: 'customer', old: `${k1!.name} (#${k1!.id})`, new: `${k2!.name} (#${k2!.id})` }
    ])
    const unmapped = rows.find((r) => r.method === 'unmapOrg')!
    expect(unmapped.changes).toEqual([{ field: 'customer', old: `${k2!.name} (#${k2!.id})`, new: null }])
    const ignores = rows.filter((r) => r.method === 'setOrgIgnored').map((r) => r.changes)
    expect(ignores).toEqual([
      [{ field: 'ignored', old: true, new: false }],
      [{ field: 'ignored', old: false, new: true }]
    ])
    const settings = rows.find((r) => r.method === 'saveBillingSettings')!
    expect(settings.door).toBe('cli')
    expect(settings.changes).toEqual(
      expect.arrayContaining([
        { field: 'reviewDecreases', old: false, new: true },
        { field: 'timeZone', old: 'America/New_York', new: 'Europe/Berlin' }
      ])
    )
    expect(rows.find((r) => r.method === 'saveSettings')).toMatchObject({
      door: 'bridge',
      kind: 'settings',
      changes: [
        { field: 'notifications', old: true, new: false },
        { field: 'samplingIntervalMinutes', old: 60, new: 30 }
      ]
    })
    expect(rows.find((r) => r.method === 'setPaused')).toMatchObject({
      door: 'cli',
      changes: [{ field: 'paused', old: false, new: true }]
    })
    expect(rows.find((r) => r.method === 'approveDecrease')).toMatchObject({
      kind: 'approval',
      changes: [{ field: 'approved decrease to', old: null, new: planned }]
    })
    const autotask = rows.find((r) => r.method === 'saveAutotask')!
    expect(autotask).toMatchObject({ door: 'bridge', kind: 'credentials', subject: 'Autotask' })
    expect(autotask.changes).toEqual(expect.arrayContaining([{ field: 'connected', old: false, new: true }]))
    expect(rows.find((r) => r.method === 'removeLearnedEquivalence')!.changes).toEqual([
      {
        field: 'learned',
        old: '"Dental" = "Dentistry" (from Quillfeather Dental → Quillfeather Dentistry)',
        new: null
      }
    ])

    // No secret anywhere: rows, filters' search, the CSV export.
    const secrets = [
      c.syncro.apiToken,
      c.autotask.secret,
      c.autotask.integrationCode,
      c.jumpcloud.apiKey,
      c.saasalerts.apiKey
    ]
    const csv = Buffer.from((await s.call<{ base64: string }>('exportAudit', {})).base64, 'base64').toString('utf8')
    for (const secret of secrets) {
      expect(JSON.stringify(rows)).not.toContain(secret)
      expect(csv).not.toContain(secret)
      expect(await audit(s, { search: secret })).toEqual([])
    }
    expect(csv).toContain(`"${o1!.name} (${kindLabel(o1!.source)} org ${o1!.id})"`)

    // A no-op save leaves no row; filters by kind and door; kept across a restart.
    const count = rows.length
    await win('saveBillingSettings', { reviewDecreases: true })
    await s.restart()
    rows = await audit(s, { limit: 10_000 })
    expect(rows.length).toBe(count)
    const kinds = new Set((await audit(s, { kinds: ['credentials'] })).map((r) => r.kind))
    expect([...kinds]).toEqual(['credentials'])
    expect((await audit(s, { door: 'cli' })).map((r) => r.method).sort()).toEqual(
      ['importConfig', 'saveBillingSettings', 'saveJumpCloud', 'setPaused'].sort()
    )
  })
})
