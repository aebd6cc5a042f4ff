import { useState } from 'react'
import type { ReportFile, ReportFormat } from '../../../../shared/contract/reports'
import { api, toApiError } from '../../api/client'
import { useCustomers } from '../../stores/customers'

const FORMATS: Array<{ format: ReportFormat; label: string }> = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'Excel' },
  { format: 'pdf', label: 'PDF' }
]

/** Saves the core's reply as a file: works the same in Electron and in the browser bridge (no fs access). */
export function downloadReport(file: ReportFile): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.click()
  // Revoked on the next tick: the click has handed the blob to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** "Export report: CSV | Excel | PDF" on the Customers toolbar; errors go to the screen's error notice. */
export function ExportReportButton() {
  const [busy, setBusy] = useState<ReportFormat | null>(null)
  const exportAs = async (format: ReportFormat) => {
    setBusy(format)
    try {
      downloadReport(await api.exportMappingReport({ format }))
    } catch (e) {
      useCustomers.setState({ error: toApiError(e), notice: null })
    } finally {
      setBusy(null)
    }
  }
  return (
    <div
      className="segmented"
      role="group"
      aria-label="Export report"
      title="Every organization with its customer, billing target, HWM and last sync"
    >
      <span className="segmented__item" aria-hidden="true" style={{ cursor: 'default', opacity: 0.75 }}>
        Export report
      </span>
      {FORMATS.map((f) => (
        <button
          key={f.format}
          type="button"
          className="segmented__item"
          disabled={busy !== null}
          aria-busy={busy === f.format}
          onClick={() => void exportAs(f.format)}
        >
          {busy === f.format ? `${f.label}…` : f.label}
        </button>
      ))}
    </div>
  )
}
