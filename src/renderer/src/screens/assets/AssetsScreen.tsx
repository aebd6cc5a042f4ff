import { useCallback, useEffect, useMemo, useState } from 'react'
import type { AssetRow, AssetsView, AssetTab } from '../../../../shared/contract/assets'
import type { ReportFormat } from '../../../../shared/contract/reports'
import { ActionProgress } from '../../components/ActionProgress'
import { api, toApiError } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorNotice, StatusNotice } from '../../components/Notice'
import { downloadReport } from '../customers/ExportReportButton'
import { AssetTable, type AssetAction } from './AssetTable'
import { TypeMappingPanel } from './TypeMappingPanel'
import { candidatesByCustomer, createRowFilter } from './filter'
import './assets.css'

const TABS: Array<{ id: AssetTab; label: string }> = [
  { id: 'matched', label: 'Matched' },
  { id: 'unmatched', label: 'Unmatched' },
  { id: 'psa-only', label: 'Only in PSA' },
  { id: 'ignored', label: 'Ignored' }
]

type Plan = Awaited<ReturnType<typeof api.previewAssetCreate>>

export function AssetsScreen() {
  const [view, setView] = useState<AssetsView | null>(null)
  const [customerId, setCustomerId] = useState('')
  const [tab, setTab] = useState<AssetTab>('matched')
  const [query, setQuery] = useState('')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; hint?: string } | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [plan, setPlan] = useState<Plan | null>(null)
  const [unmapped, setUnmapped] = useState(false)

  const load = useCallback(async () => {
    setView(await api.getAssetsView(customerId ? { customerId } : {}))
  }, [customerId])
  const run = useCallback(
    async (fn: () => Promise<string | void>) => {
      setBusy(true)
      setError(null)
      try {
        const msg = await fn()
        if (msg) setNotice(msg)
        await load()
      } catch (e) {
        setError(toApiError(e))
      } finally {
        setBusy(false)
      }
    },
    [load]
  )
  useEffect(() => {
    let live = true
    api.getAssetsView(customerId ? { customerId } : {}).then(
      (v) => live && setView(v),
      (e: unknown) => live && setError(toApiError(e))
    )
    return () => {
      live = false
    }
  }, [customerId])

  // Every row's search text is built once, when the view arrives; a keystroke only scans them.
  const filter = useMemo(() => createRowFilter(view?.rows ?? []), [view])
  const rows = useMemo(() => filter(tab, query), [filter, tab, query])
  const candidates = useMemo(() => candidatesByCustomer(view?.rows ?? []), [view])
  // Stable callbacks: the grid's rows are memoized and a keystroke must not re-render the ones that stay in view.
  const onAction = useCallback(
    (action: AssetAction, r: AssetRow, assetId?: string) =>
      void run(async () => {
        // A device goes by its source and id, as its row carries them.
        const device = { source: r.source ?? undefined, deviceId: r.deviceId! }
        if (action === 'accept') await api.acceptAssetMatch(device)
        if (action === 'unmatch') await api.unmatchAsset(device)
        if (action === 'match') await api.matchAssetTo({ ...device, assetId: assetId! })
        if (action === 'ignore' || action === 'unignore')
          await api.setAssetIgnored({
            side: r.deviceId ? 'device' : 'asset',
            id: (r.deviceId ?? r.assetId)!,
            source: r.deviceId ? (r.source ?? undefined) : undefined,
            ignored: action === 'ignore'
          })
      }),
    [run]
  )
  const onToggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const n = new Set(s)
        if (n.has(id)) n.delete(id)
        else n.add(id)
        return n
      }),
    []
  )
  const exportAs = (format: ReportFormat) =>
    void run(async () => downloadReport(await api.exportAssetsReport(customerId ? { format, customerId } : { format })))

  return (
    <section className="assets" aria-label="Assets">
      <div className="assets__toolbar">
        <label>
          Customer{' '}
          <select value={customerId} onChange={(e) => setCustomerId(e.target.value)} aria-label="Customer">
            <option value="">All customers</option>
            {view?.customers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              const r = await api.pullAssets(customerId ? { customerId } : { unmapped })
              return `Pulled ${r.devices} devices and ${r.assets} PSA assets for ${r.customers} customers.`
            })
          }
        >
          Pull assets
        </button>
        <ActionProgress action="assetsPull" label="Pull progress" />
        {!customerId && (
          <label title="Devices they share with a PSA customer suggest org mappings on the Customers screen">
            <input type="checkbox" checked={unmapped} onChange={(e) => setUnmapped(e.target.checked)} /> also unmapped
            organizations and customers
          </label>
        )}
        <button
          type="button"
          disabled={busy || !view?.counts.matched}
          onClick={() =>
            void run(async () => {
              const r = await api.acceptAllAssetMatches(customerId ? { customerId } : {})
              return `Accepted ${r.accepted} suggestions.`
            })
          }
        >
          Accept all suggestions
        </button>
        <button
          type="button"
          disabled={busy || selected.size === 0}
          onClick={() => void run(async () => setPlan(await api.previewAssetCreate({ deviceIds: [...selected] })))}
        >
          Create {selected.size || ''} in PSA…
        </button>
        <span className="segmented" role="group" aria-label="Export report">
          {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
            <button key={f} type="button" className="segmented__item" disabled={busy} onClick={() => exportAs(f)}>
              {f === 'xlsx' ? 'Excel' : f.toUpperCase()}
            </button>
          ))}
        </span>
      </div>
      {error && <ErrorNotice message={error.message} hint={error.hint} />}
      {notice && <StatusNotice>{notice}</StatusNotice>}
      {view && (
        <TypeMappingPanel
          view={view}
          busy={busy}
          onChange={(kind, type) =>
            void run(async () => {
              await api.setAssetTypeMapping({ mapping: { [kind]: type } })
            })
          }
        />
      )}
      <div className="assets__tabs">
        {/* A tablist holds only its tabs (axe aria-required-children): the search box sits beside it. */}
        <div className="assets__tablist" role="tablist" aria-label="Asset status">
          {TABS.map((t) => (
            <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
              {t.label} ({view?.counts[t.id] ?? 0})
            </button>
          ))}
        </div>
        <input
          type="search"
          aria-label="Search assets"
          placeholder="Search device, serial, MAC, asset"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <AssetTable
        rows={rows}
        query={query}
        candidates={candidates}
        selected={selected}
        busy={busy}
        onToggle={onToggle}
        onAction={onAction}
      />
      <ConfirmDialog
        open={plan !== null}
        title="Create in PSA"
        confirmLabel={`Create ${plan?.create.length ?? 0} assets`}
        onCancel={() => setPlan(null)}
        onConfirm={() => {
          const ids = plan?.create.map((c) => c.deviceId) ?? []
          setPlan(null)
          void run(async () => {
            const r = await api.createAssets({ deviceIds: ids })
            setSelected(new Set())
            return `Created ${r.created.length} assets; ${r.refused.length} refused, ${r.failed.length} failed.`
          })
        }}
      >
        <p>Check first that these devices are not already in the PSA under another name: creating is not undone.</p>
        <ul aria-label="Will be created">
          {plan?.create.map((c) => (
            <li key={c.deviceId}>
              {c.name} as {c.typeLabel}
            </li>
          ))}
        </ul>
        {plan && plan.refused.length > 0 && (
          <ul aria-label="Will not be created">
            {plan.refused.map((r) => (
              <li key={r.deviceId}>
                {r.deviceId}: {r.reason}
              </li>
            ))}
          </ul>
        )}
      </ConfirmDialog>
    </section>
  )
}
