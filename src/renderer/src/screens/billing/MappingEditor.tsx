import { useState } from 'react'
import type { BillingMappingRow } from '../../../../shared/contract/billing'
import { Field, SelectField } from '../../components/Field'
import { ErrorNotice } from '../../components/Notice'
import { useBilling, type EditorTarget } from '../../stores/billing'
import { orgKey } from '../../../../shared/contract/org-ref'
import { hasUnitCost, parseCount, parseMoney, targetWords, type Psa } from './format'

interface Props {
  target: EditorTarget
  psa: Psa
  /** The mapping being edited, if any: its values pre-fill the form. */
  existing: BillingMappingRow | null
}

/** Cascading pickers (container → item) read live from the PSA, plus metric, non-billable, unit cost and price. */
export function MappingEditor({ target, psa, existing }: Props) {
  const targets = useBilling((s) => s.targets[orgKey(target)])
  const { loadTargets, saveMapping, openEditor } = useBilling.getState()
  const words = targetWords(psa)
  const [containerId, setContainerId] = useState(existing?.target.containerId ?? '')
  const [itemId, setItemId] = useState(existing?.target.itemId ?? '')
  const [metric, setMetric] = useState<'users' | 'devices'>(existing?.metric ?? 'users')
  const [nonBillable, setNonBillable] = useState(String(existing?.nonBillable ?? 0))
  const [unitCost, setUnitCost] = useState(
    existing?.unitCost === null || existing?.unitCost === undefined ? '' : String(existing.unitCost)
  )
  const [unitPrice, setUnitPrice] = useState(
    existing?.unitPrice === null || existing?.unitPrice === undefined ? '' : String(existing.unitPrice)
  )
  const [tried, setTried] = useState(false)
  const [saving, setSaving] = useState(false)

  const containers = targets?.data?.containers ?? []
  const container = containers.find((c) => c.id === containerId)
  const own = (id: string) => existing?.target.containerId === containerId && existing.target.itemId === id
  const nb = parseCount(nonBillable)
  const cost = parseMoney(unitCost)
  const price = parseMoney(unitPrice)
  const errors = {
    container: !containerId ? `Choose a ${words.container.toLowerCase()}` : null,
    item: !itemId ? `Choose a ${words.item.toLowerCase()}` : null,
    nonBillable: nb === null ? 'A whole number, 0 or more' : null,
    unitCost: cost.ok ? null : 'An amount like 4.50, or empty',
    unitPrice: price.ok ? null : 'An amount like 9.99, or empty'
  }
  const valid = Object.values(errors).every((e) => e === null)

  const save = async () => {
    setTried(true)
    if (!valid || nb === null || !cost.ok || !price.ok) return
    setSaving(true)
    await saveMapping({
      ...(existing ? { mappingId: existing.mappingId } : {}),
      source: target.source,
      orgId: target.orgId,
      containerId,
      itemId,
      metric,
      nonBillable: nb,
      unitCost: hasUnitCost(psa) ? cost.value : null,
      unitPrice: hasUnitCost(psa) ? price.value : null
    })
    setSaving(false)
  }

  return (
    <section className="card editor" aria-label={`Billing of ${target.orgName}`}>
      <div className="card__header">
        <h2 className="card__title">Billing of {target.orgName}</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => void loadTargets(target, true)}
          disabled={targets?.loading}
        >
          {targets?.loading ? 'Reading PSA…' : 'Refresh data from PSA'}
        </button>
      </div>
      <p className="card__description">
        {targets?.data ? `Customer: ${targets.data.customerName ?? targets.data.customerId}. ` : ''}
        Pick the {words.item.toLowerCase()} whose quantity carries this organization&apos;s monthly high-water mark.
        Missing one? Create it in the PSA, then use “Refresh data from PSA”.
      </p>
      {targets?.error && <ErrorNotice message={targets.error.message} hint={targets.error.hint} />}
      {targets?.data && containers.length === 0 && (
        <ErrorNotice
          message={`This customer has no ${words.containers}.`}
          hint="Create one in the PSA, then use “Refresh data from PSA”."
        />
      )}
      <div className="editor__grid">
        <SelectField
          label={words.container}
          name="containerId"
          value={containerId}
          error={tried ? errors.container : null}
          options={[
            { value: '', label: targets?.loading && !targets.data ? 'Loading…' : 'Choose…' },
            ...containers.map((c) => ({ value: c.id, label: c.name }))
          ]}
          onChange={(v) => {
            setContainerId(v)
            setItemId('')
          }}
        />
        <SelectField
          label={words.item}
          name="itemId"
          value={itemId}
          error={tried ? errors.item : null}
          options={[
            { value: '', label: container ? 'Choose…' : `Choose a ${words.container.toLowerCase()} first` },
            ...(container?.items ?? []).map((i) => ({
              value: i.id,
              label: `${i.name} (qty ${i.quantity}${i.unitCost === null ? '' : ` @ ${i.unitCost}`})${i.mapped && !own(i.id) ? ' · already mapped' : ''}`
            }))
          ]}
          onChange={setItemId}
        />
        <SelectField
          label="Metric"
          name="metric"
          value={metric}
          options={[
            { value: 'users', label: 'Users' },
            { value: 'devices', label: 'Devices' }
          ]}
          onChange={(v) => setMetric(v === 'devices' ? 'devices' : 'users')}
        />
        <Field
          label="Non-billable count"
          name="nonBillable"
          value={nonBillable}
          onChange={setNonBillable}
          help="Subtracted from the HWM (e.g. service accounts)."
          error={tried ? errors.nonBillable : null}
        />
        {hasUnitCost(psa) && (
          <Field
            label="Unit cost"
            name="unitCost"
            value={unitCost}
            onChange={setUnitCost}
            help="Optional; written only when “Sync unit cost and price” is on."
            error={tried ? errors.unitCost : null}
          />
        )}
        {hasUnitCost(psa) && (
          <Field
            label="Unit price"
            name="unitPrice"
            value={unitPrice}
            onChange={setUnitPrice}
            help="Optional; what the customer pays per seat. Empty leaves the PSA's price alone."
            error={tried ? errors.unitPrice : null}
          />
        )}
      </div>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void save()} disabled={saving}>
          {saving ? 'Saving…' : 'Save mapping'}
        </button>
        <button type="button" className="button" onClick={() => openEditor(null)}>
          Cancel
        </button>
      </div>
    </section>
  )
}
