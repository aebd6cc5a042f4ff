import { useCallback, useState } from 'react'
import {
  LAST_SYNC_DAY,
  SourceBillingSchema,
  sourceBillingProblems,
  type BillingView,
  type SourceBilling
} from '../../../../shared/contract/billing'
import { SOURCE_KINDS, sourceInfo, type SourceKind } from '../../../../shared/registry'
import { api } from '../../api/client'
import { SelectField } from '../../components/Field'
import { RemotePicker } from '../../components/RemotePicker'
import { useBilling } from '../../stores/billing'
import { SyncDayOrgRow, type SyncDayOrg } from './SyncDayOrgRow'

// The User Sync Day settings of each source billed on a day of the month (the registry says which; SaaS Alerts:
// billable users): on/off, the day, the Default Contract Service picked from the PSA's catalogue, and per org its
// contract, "add the default contract service" and unit cost/price overrides. Checked here with the contract's own
// schema and rules before saving; the core checks them again.

/** 1–28, then "last day" (stored as 31): every month has days 1–28, so no day is skipped in a short month. */
const DAY_OPTIONS = [
  ...Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
  { value: String(LAST_SYNC_DAY), label: 'Last day of the month' }
]

export function syncDaySources(): SourceKind[] {
  return SOURCE_KINDS.filter((k) => sourceInfo(k).billing.pushed === 'sync-day')
}

export function SyncDayPanel({ kind, view }: { kind: SourceKind; view: BillingView }) {
  const label = sourceInfo(kind).label
  const saved = SourceBillingSchema.parse(view.settings.sourceBilling[kind] ?? {})
  const [draft, setDraft] = useState<SourceBilling>(saved)
  const [saving, setSaving] = useState(false)
  const orgs = orgsOf(kind, view)
  const nameOf = (id: string) => orgs.find((o) => o.orgId === id)?.orgName ?? id
  const parsed = SourceBillingSchema.safeParse(draft)
  const problems = parsed.success
    ? sourceBillingProblems(label, parsed.data, nameOf).map((p) => p.message)
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved)
  const put = (patch: Partial<SourceBilling>) => setDraft((d) => ({ ...d, ...patch }))
  const loadServices = useCallback(
    () =>
      api.listPsaServices({}).then((list) =>
        list.map((s) => ({
          id: s.id,
          name: s.name,
          meta: s.unitPrice === undefined ? undefined : `price ${s.unitPrice}`
        }))
      ),
    []
  )
  const dayOptions = DAY_OPTIONS.some((o) => o.value === String(draft.syncDay))
    ? DAY_OPTIONS
    : [...DAY_OPTIONS, { value: String(draft.syncDay), label: `${draft.syncDay} (last day in shorter months)` }]

  return (
    <section className="card" aria-label={`${label} billable users`}>
      <h2 className="card__title">{label} billable users</h2>
      <p className="card__description">
        Pushed once a month, on the User Sync Day (billing time zone), with the users {label} bills on its latest
        billing date. Organizations without a contract still get tickets, but no user counts.
      </p>
      <div className="settings-grid">
        <label className="check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => put({ enabled: e.target.checked })} />
          <span>
            <span className="check__label">Sync billable users to contracts</span>
            <span className="field__help">Needs a Default Contract Service.</span>
          </span>
        </label>
        <SelectField
          label="User Sync Day"
          name={`${kind}-syncDay`}
          value={String(draft.syncDay)}
          options={dayOptions}
          onChange={(v) => put({ syncDay: Number(v) })}
        />
        <div className="field">
          <span>Default Contract Service</span>
          <RemotePicker
            label="Default Contract Service"
            what="services"
            placeholder="Search the PSA's services"
            selected={draft.defaultService}
            load={loadServices}
            onChoose={(c) => put({ defaultService: { id: c.id, name: c.name } })}
          />
        </div>
      </div>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Organization</th>
            <th scope="col">PSA customer</th>
            <th scope="col">Contract</th>
            <th scope="col">Add default service</th>
            <th scope="col">Unit cost</th>
            <th scope="col">Unit price</th>
          </tr>
        </thead>
        <tbody>
          {orgs.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                No {label} organization is mapped to a customer yet (Customers screen).
              </td>
            </tr>
          )}
          {orgs.map((o) => (
            <SyncDayOrgRow
              key={o.orgId}
              kind={kind}
              org={o}
              value={draft.orgs[o.orgId]}
              onChange={(next) => {
                const all = { ...draft.orgs }
                if (next) all[o.orgId] = next
                else delete all[o.orgId]
                put({ orgs: all })
              }}
            />
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <ul className="field__error" aria-label={`${label} billing needs`}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!dirty || saving || problems.length > 0}
          onClick={() => {
            setSaving(true)
            void useBilling
              .getState()
              .saveSettings({ sourceBilling: { ...view.settings.sourceBilling, [kind]: draft } })
              .finally(() => setSaving(false))
          }}
        >
          {saving ? 'Saving…' : `Save ${label} billing`}
        </button>
        {dirty && (
          <button type="button" className="button" onClick={() => setDraft(saved)}>
            Discard changes
          </button>
        )}
      </div>
    </section>
  )
}

/** This source's orgs mapped to a customer: with a billing mapping, or without one yet. */
function orgsOf(kind: SourceKind, view: BillingView): SyncDayOrg[] {
  const out = new Map<string, SyncDayOrg>()
  for (const m of view.mappings)
    if (m.source === kind)
      out.set(m.orgId, { orgId: m.orgId, orgName: m.orgName ?? m.orgId, customerName: m.customerName, billed: true })
  for (const o of view.orgsWithoutBilling)
    if (o.source === kind && !out.has(o.orgId))
      out.set(o.orgId, { orgId: o.orgId, orgName: o.orgName, customerName: o.customerName, billed: false })
  return [...out.values()].sort((a, b) => a.orgName.localeCompare(b.orgName))
}
