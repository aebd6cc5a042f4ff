import { useState, type ReactNode } from 'react'
import type { BillingSettings } from '../../../../shared/contract/billing'
import { Field, SelectField } from '../../components/Field'
import { useBilling } from '../../stores/billing'
import { formatTime, hasUnitCost, type Psa } from './format'

const DAYS = Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))

/** Billing settings as a draft: nothing changes until "Save settings" (the core re-validates zone and time). */
export function SettingsPanel({
  settings,
  psa,
  nextRunAt
}: {
  settings: BillingSettings
  psa: Psa
  nextRunAt: string | null
}) {
  const [draft, setDraft] = useState(settings)
  const [saving, setSaving] = useState(false)
  const s = draft.schedule
  const put = (patch: Partial<BillingSettings>) => setDraft((d) => ({ ...d, ...patch }))
  const dirty = JSON.stringify(draft) !== JSON.stringify(settings)

  return (
    <section className="card" aria-label="Billing settings">
      <h2 className="card__title">Settings</h2>
      <div className="settings-grid">
        <Check
          label="Review decreases"
          help="Hold decreases until approved."
          checked={draft.reviewDecreases}
          onChange={(v) => put({ reviewDecreases: v })}
        />
        <Check
          label="Allow zero"
          help="Otherwise a quantity of 0 is blocked."
          checked={draft.allowZero}
          onChange={(v) => put({ allowZero: v })}
        />
        {hasUnitCost(psa) && (
          <Check
            label="Sync unit cost and price"
            help="Write each mapping's unit cost and price to the PSA too, also when only they changed."
            checked={draft.syncUnitCost}
            onChange={(v) => put({ syncUnitCost: v })}
          />
        )}
        <Field
          label="Billing time zone"
          name="timeZone"
          value={draft.timeZone}
          onChange={(v) => put({ timeZone: v })}
          help="Months are cut in this zone."
        />
      </div>
      <h3 className="card__subtitle">Scheduled push</h3>
      <div className="settings-grid">
        <Check
          label="Push on a schedule"
          help={draft.scheduleEnabled && nextRunAt ? `Next: ${formatTime(nextRunAt)}` : 'Off: push by hand only.'}
          checked={draft.scheduleEnabled}
          onChange={(v) => put({ scheduleEnabled: v })}
        />
        <SelectField
          label="Frequency"
          name="scheduleKind"
          value={s.kind}
          options={[
            { value: 'daily', label: 'Daily' },
            { value: 'monthly', label: 'Monthly' }
          ]}
          onChange={(v) =>
            put({
              schedule:
                v === 'monthly'
                  ? { kind: 'monthly', day: s.kind === 'monthly' ? s.day : 1, time: s.time, zone: s.zone }
                  : { kind: 'daily', time: s.time, zone: s.zone }
            })
          }
        />
        {s.kind === 'monthly' && (
          <SelectField
            label="Day of month"
            name="scheduleDay"
            value={String(s.day)}
            options={DAYS}
            onChange={(v) => put({ schedule: { ...s, day: Number(v) } })}
          />
        )}
        <Field
          label="Time"
          name="scheduleTime"
          value={s.time}
          placeholder="12:00"
          onChange={(v) => put({ schedule: { ...s, time: v } })}
          help="24-hour HH:MM."
        />
        <Field
          label="Schedule time zone"
          name="scheduleZone"
          value={s.zone}
          onChange={(v) => put({ schedule: { ...s, zone: v } })}
          help="e.g. America/New_York"
        />
      </div>
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!dirty || saving}
          onClick={() => {
            setSaving(true)
            void useBilling
              .getState()
              .saveSettings(draft)
              .finally(() => setSaving(false))
          }}
        >
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        {dirty && (
          <button type="button" className="button" onClick={() => setDraft(settings)}>
            Discard changes
          </button>
        )}
      </div>
    </section>
  )
}

function Check(props: { label: string; help: ReactNode; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span>
        <span className="check__label">{props.label}</span>
        <span className="field__help">{props.help}</span>
      </span>
    </label>
  )
}
