import { useState } from 'react'
import type { RunCounts } from '../../../../shared/contract/billing'
import { ActionProgress } from '../../components/ActionProgress'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useBilling } from '../../stores/billing'
import { formatTime, writesOf } from './format'
import { PlanTable } from './PlanTable'

/** Preview → plan table → "Push changes" (confirmed with the number of writes) → result summary. */
export function SyncPanel({ hasMappings }: { hasMappings: boolean }) {
  const plan = useBilling((s) => s.plan)
  const pushed = useBilling((s) => s.pushed)
  const running = useBilling((s) => s.running)
  const coreRunning = useBilling((s) => s.view?.running ?? false)
  const [confirming, setConfirming] = useState(false)
  const writes = plan ? writesOf(plan.items) : 0
  const { preview, push } = useBilling.getState()
  const idle = running === null && !coreRunning

  return (
    <section className="card" aria-label="Preview and push">
      <div className="card__header">
        <h2 className="card__title">Preview and push</h2>
        <div className="form__actions">
          <button type="button" className="button" disabled={!idle || !hasMappings} onClick={() => void preview()}>
            {running === 'preview' ? 'Previewing…' : 'Preview'}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!idle || !plan || writes === 0}
            onClick={() => setConfirming(true)}
          >
            {running === 'push' ? 'Pushing…' : 'Push changes'}
          </button>
        </div>
      </div>
      <p className="card__description">
        Preview reads the counts and the PSA quantities and writes nothing. Push writes only the rows that change.
      </p>
      <ActionProgress action="billingSync" label={running === 'preview' ? 'Preview progress' : 'Sync progress'} />
      <ActionProgress action="hwmRebuild" label="Time zone change progress" />
      {coreRunning && !running && <p className="muted">A sync started elsewhere (schedule or tray) is running.</p>}
      {plan && (
        <>
          <p className="sync__summary" role="status">
            Plan for {plan.month}: {writes} to write · {plan.counts.unchanged} unchanged · {plan.counts.held} held ·{' '}
            {plan.counts.blocked} blocked
            {plan.counts.failed > 0 ? ` · ${plan.counts.failed} failed` : ''}
          </p>
          <PlanTable result={plan} label="Billing plan" />
        </>
      )}
      {pushed && (
        <>
          <p className="sync__summary" role="status">
            Push {pushed.status === 'ok' ? 'finished' : pushed.status} at {formatTime(pushed.finishedAt)}:{' '}
            {countsText(pushed.counts)}
            {pushed.error ? ` — ${pushed.error}` : ''}
          </p>
          <PlanTable result={pushed} label="Push result" />
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Write ${writes} ${writes === 1 ? 'quantity' : 'quantities'} to the PSA?`}
        confirmLabel={`Push ${writes} ${writes === 1 ? 'change' : 'changes'}`}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false)
          void push()
        }}
      >
        The counts are read again first; if they moved since the preview, the new numbers are written. Unchanged, held
        and blocked rows are not touched.
      </ConfirmDialog>
    </section>
  )
}

export function countsText(c: RunCounts): string {
  return `${c.written} written · ${c.unchanged} unchanged · ${c.held} held · ${c.blocked} blocked · ${c.failed} failed`
}
