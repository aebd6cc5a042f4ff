import type { ProgressAction, ProgressEvent } from '../../shared/contract/progress'
import type { App } from '../app/app'

/** Where progress goes: stderr in the real CLI (never stdout, which may be a --json document). */
export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

const BAR = 24

/** One line of text for an event: "Reading customers: 3 of 10" (no count when the total is unknown). */
export function progressLine(e: ProgressEvent): string {
  const count = e.total !== undefined ? `: ${e.done} of ${e.total}` : ''
  return e.error ? `${e.step}: failed: ${e.error}` : `${e.step}${count}`
}

/**
 * On a TTY one bar redrawn in place ("\r", cleared to the end), ended by a newline when the action finishes;
 * otherwise plain lines, one per change, that a log file or a pipe can keep.
 */
export function createProgressPrinter(stream: ProgressStream): { show(e: ProgressEvent): void } {
  let lastPlain = ''
  return {
    show(e) {
      if (!stream.isTTY) {
        const line = e.finished && !e.error ? `${e.step}` : progressLine(e)
        if (line !== lastPlain) stream.write(`${line}\n`)
        lastPlain = line
        return
      }
      const filled = e.total ? Math.round((BAR * Math.min(e.done, e.total)) / e.total) : 0
      const bar = e.total !== undefined ? `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ` : ''
      const text = `${bar}${progressLine(e)}`.slice(0, Math.max(20, (stream.columns ?? 80) - 1))
      stream.write(`\r\x1b[2K${text}${e.finished ? '\n' : ''}`)
    }
  }
}

/** Runs `work` while the progress events of `action` are printed to `stream` (nothing when there is none). */
export async function withCliProgress<T>(
  app: Pick<App, 'events'>,
  stream: ProgressStream | undefined,
  action: ProgressAction,
  work: () => Promise<T>
): Promise<T> {
  if (!stream) return work()
  // Loaded here, not at the top: progress-output is part of every CLI start (issue 12: cold start).
  const { ProgressEventSchema } = await import('../../shared/contract/progress')
  const printer = createProgressPrinter(stream)
  const off = app.events.on('progress', (raw) => {
    const e = ProgressEventSchema.safeParse(raw)
    if (e.success && e.data.action === action) printer.show(e.data)
  })
  try {
    return await work()
  } finally {
    off()
  }
}
