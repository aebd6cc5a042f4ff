import { describe, expect, it } from 'vitest'
import { createProgressPrinter, progressLine } from '../../../src/main/cli/progress-output'
import type { ProgressEvent } from '../../../src/shared/contract/progress'

const ev = (e: Partial<ProgressEvent>): ProgressEvent => ({
  actionId: 'a',
  action: 'assetsPull',
  step: 'Reading',
  done: 0,
  ...e
})

function fakeStream(isTTY: boolean) {
  const chunks: string[] = []
  return { chunks, stream: { isTTY, columns: 60, write: (s: string) => void chunks.push(s) } }
}

describe('CLI progress output', () => {
  it('on a TTY redraws one bar in place and ends it with a newline', () => {
    const { chunks, stream } = fakeStream(true)
    const p = createProgressPrinter(stream)
    p.show(ev({ step: 'Reading devices', done: 0, total: 4 }))
    p.show(ev({ step: 'Reading devices', done: 2, total: 4 }))
    p.show(ev({ step: 'Done', done: 4, total: 4, finished: true }))
    expect(chunks).toEqual([
      '\r\x1b[2K[------------------------] Reading devices: 0 of 4',
      '\r\x1b[2K[############------------] Reading devices: 2 of 4',
      '\r\x1b[2K[########################] Done: 4 of 4\n'
    ])
    expect(chunks.join('').split('\n')).toHaveLength(2) // one line in the terminal, not one per event
  })

  it('on a TTY cuts a long step to the terminal width', () => {
    const { chunks, stream } = fakeStream(true)
    createProgressPrinter(stream).show(ev({ step: 'x'.repeat(200), done: 1, total: 2 }))
    expect(chunks[0]!.replace('\r\x1b[2K', '')).toHaveLength(59)
  })

  it('elsewhere writes plain lines, one per change, with a failure said plainly', () => {
    const { chunks, stream } = fakeStream(false)
    const p = createProgressPrinter(stream)
    p.show(ev({ step: 'Reading devices', done: 1, total: 4 }))
    p.show(ev({ step: 'Reading devices', done: 1, total: 4 }))
    p.show(ev({ step: 'Reading devices', done: 1, total: 4, finished: true, error: 'PSA said 503' }))
    expect(chunks).toEqual(['Reading devices: 1 of 4\n', 'Reading devices: failed: PSA said 503\n'])
    expect(chunks.join('')).not.toContain('\r')
  })

  it('a step without a known total has no count', () => {
    expect(progressLine(ev({ step: 'Reading unmapped organizations', done: 0 }))).toBe('Reading unmapped organizations')
  })
})
