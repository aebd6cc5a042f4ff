import { NO_PSA_MESSAGE, PSA_CHOICES } from '../../../../shared/registry'
import { useEffect, useMemo, useState } from 'react'
import type { BillingMappingRow, PlanRow } from '../../../../shared/contract/billing'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorNotice, StatusNotice } from '../../components/Notice'
import { useBilling } from '../../stores/billing'
import { formatTime, scheduleText, targetLabel } from './format'
import { MappingEditor } from './MappingEditor'
import { MappingTable } from './MappingTable'
import { OrgsWithoutBilling } from './OrgsWithoutBilling'
import { PrerequisitesPanel } from './PrerequisitesPanel'
import { SettingsPanel } from './SettingsPanel'
import { SyncDayPanel, syncDaySources } from './SyncDayPanel'
import { countsText, SyncPanel } from './SyncPanel'
import './billing.css'

export function BillingScreen() {
  const view = useBilling((s) => s.view)
  const error = useBilling((s) => s.error)
  const notice = useBilling((s) => s.notice)
  const editing = useBilling((s) => s.editing)
  const plan = useBilling((s) => s.plan)
  const pushed = useBilling((s) => s.pushed)
  const [disabling, setDisabling] = useState<BillingMappingRow | null>(null)

  useEffect(() => void useBilling.getState().load(), [])

  const psaQuantities = useMemo(
    () => new Map<string, PlanRow>((pushed ?? plan)?.items.map((i) => [i.mappingId, i]) ?? []),
    [plan, pushed]
  )

  if (!view) {
    return error ? (
      <ErrorNotice message={error.message} hint={error.hint} />
    ) : (
      <p className="muted" role="status">
        Loading billing…
      </p>
    )
  }

  const existing = editing?.mappingId ? (view.mappings.find((m) => m.mappingId === editing.mappingId) ?? null) : null
  return (
    <div className="billing">
      <p className="screen__intro">
        Each month the highest count of users or devices (the high-water mark) is written to the PSA. Preview shows what
        would change before anything is written.
      </p>
      {!view.psa && <ErrorNotice message={NO_PSA_MESSAGE} hint={`Connect ${PSA_CHOICES} on the Connect step.`} />}
      <div className="billing__stamp muted">
        Month {view.month} · Last push{' '}
        {view.lastRun
          ? `${formatTime(view.lastRun.startedAt)} (${view.lastRun.status}: ${countsText(view.lastRun.counts)})`
          : 'never'}
        {view.nextRunAt ? ` · Next scheduled ${formatTime(view.nextRunAt)}` : ''}
      </div>
      {view.psa && view.mappings.length > 0 && <p className="billing__schedule muted">{scheduleText(view.settings)}</p>}
      <div className="billing__messages">
        {error && <ErrorNotice message={error.message} hint={error.hint} />}
        {notice && <StatusNotice>{notice}</StatusNotice>}
      </div>
      {editing && (
        <MappingEditor
          key={`${editing.source}:${editing.orgId}:${editing.mappingId ?? ''}`}
          target={editing}
          psa={view.psa}
          existing={existing}
        />
      )}
      {view.mappings.length > 0 ? (
        <MappingTable rows={view.mappings} psaQuantities={psaQuantities} onDisable={setDisabling} />
      ) : (
        <p className="billing__empty">
          No billing mappings yet. Pick an organization below to choose where its count is billed.
        </p>
      )}
      <OrgsWithoutBilling orgs={view.orgsWithoutBilling} />
      <SyncPanel hasMappings={view.mappings.some((m) => m.enabled)} />
      <div className="billing__side">
        <PrerequisitesPanel psa={view.psa} />
        <SettingsPanel
          key={JSON.stringify(view.settings)}
          settings={view.settings}
          psa={view.psa}
          nextRunAt={view.nextRunAt}
        />
        {view.psa &&
          syncDaySources().map((kind) => (
            <SyncDayPanel
              key={`${kind}:${JSON.stringify(view.settings.sourceBilling[kind] ?? {})}`}
              kind={kind}
              view={view}
            />
          ))}
      </div>
      <ConfirmDialog
        open={disabling !== null}
        title={`Disable billing of ${disabling?.orgName ?? disabling?.orgId ?? ''}?`}
        confirmLabel="Disable billing"
        danger
        onCancel={() => setDisabling(null)}
        onConfirm={() => {
          if (disabling) void useBilling.getState().setEnabled(disabling.mappingId, false)
          setDisabling(null)
        }}
      >
        {disabling
          ? `${targetLabel(disabling.target)} stops being updated. Its quantity in the PSA stays as it is; you can enable it again later.`
          : null}
      </ConfirmDialog>
    </div>
  )
}
