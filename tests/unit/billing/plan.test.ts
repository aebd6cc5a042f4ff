import { describe, expect, it } from 'vitest'
import { computePlan, isWrite, type PlanInput, type PlanSettings } from '../../../src/main/billing/plan'
import { appError } from './app-error-matcher'

const STRICT: PlanSettings = { reviewDecreases: true, allowZero: false }
const LOOSE: PlanSettings = { reviewDecreases: false, allowZero: true }

function input(over: Partial<PlanInput>): PlanInput {
  return { mappingId: 'map-1', orgId: 'org-1', metric: 'users', nonBillable: 0, hwm: 10, current: 10, ...over }
}

function planOne(over: Partial<PlanInput>, settings: PlanSettings = STRICT) {
  const [item] = computePlan([input(over)], settings)
  if (!item) throw new Error('no plan item')
  return item
}

describe('computePlan', () => {
  it('leaves an equal quantity unchanged (no write)', () => {
    const p = planOne({ hwm: 12, nonBillable: 2, current: 10 })
    expect(p).toMatchObject({ newQuantity: 10, delta: 0, action: 'unchanged', code: 'same' })
    expect(isWrite(p)).toBe(false)
  })

  it('increases when HWM minus non-billable exceeds the current quantity, whatever the review setting', () => {
    for (const settings of [STRICT, LOOSE]) {
      const p = planOne({ hwm: 15, nonBillable: 2, current: 10 }, settings)
      expect(p).toMatchObject({ newQuantity: 13, delta: 3, action: 'increase', code: 'increase' })
      expect(p.reason).toContain('13')
      expect(isWrite(p)).toBe(true)
    }
  })

  it('decreases directly when review is off', () => {
    const p = planOne({ hwm: 7, current: 10 }, { reviewDecreases: false, allowZero: false })
    expect(p).toMatchObject({ newQuantity: 7, delta: -3, action: 'decrease', code: 'decrease' })
    expect(isWrite(p)).toBe(true)
  })

  it('holds a decrease for review, and releases it only for an approval of exactly that quantity', () => {
    expect(planOne({ hwm: 7, current: 10 })).toMatchObject({
      newQuantity: 7,
      action: 'held',
      code: 'decrease-needs-review'
    })
    expect(planOne({ hwm: 7, current: 10, approvedDecrease: { to: 7 } })).toMatchObject({
      newQuantity: 7,
      action: 'decrease',
      code: 'decrease-approved'
    })
    // The count moved after approval: the old approval does not cover the new number.
    const stale = planOne({ hwm: 6, current: 10, approvedDecrease: { to: 7 } })
    expect(stale).toMatchObject({ newQuantity: 6, action: 'held', code: 'decrease-needs-review' })
    expect(stale.reason).toContain('7')
    expect(isWrite(stale)).toBe(false)
  })

  it('ignores an approval when the quantity goes up instead', () => {
    expect(planOne({ hwm: 12, current: 10, approvedDecrease: { to: 8 } })).toMatchObject({
      newQuantity: 12,
      action: 'increase'
    })
  })

  it('floors at 0 when non-billable exceeds the HWM, and blocks 0 unless allowed', () => {
    expect(planOne({ hwm: 3, nonBillable: 5, current: 4 })).toMatchObject({
      newQuantity: 0,
      action: 'blocked',
      code: 'zero-not-allowed'
    })
    // Zero allowed but decreases reviewed: held, not written.
    expect(planOne({ hwm: 3, nonBillable: 5, current: 4 }, { reviewDecreases: true, allowZero: true })).toMatchObject({
      newQuantity: 0,
      action: 'held'
    })
    expect(planOne({ hwm: 3, nonBillable: 5, current: 4 }, LOOSE)).toMatchObject({
      newQuantity: 0,
      delta: -4,
      action: 'decrease'
    })
    // Approval does not override the zero guard.
    expect(planOne({ hwm: 0, current: 4, approvedDecrease: { to: 0 } })).toMatchObject({
      action: 'blocked',
      code: 'zero-not-allowed'
    })
  })

  it('treats 0 → 0 as unchanged (nothing is written, so the zero guard has nothing to block)', () => {
    expect(planOne({ hwm: 1, nonBillable: 1, current: 0 })).toMatchObject({ newQuantity: 0, action: 'unchanged' })
  })

  it('blocks when the PSA target vanished, still showing the computed quantity', () => {
    const p = planOne({ hwm: 12, current: null }, LOOSE)
    expect(p).toMatchObject({ newQuantity: 12, delta: null, action: 'blocked', code: 'target-vanished' })
    expect(isWrite(p)).toBe(false)
  })

  it('blocks an unknown HWM and never pushes a guess', () => {
    for (const settings of [STRICT, LOOSE]) {
      const p = planOne({ hwm: null, current: 10 }, settings)
      expect(p).toMatchObject({ newQuantity: null, delta: null, action: 'blocked', code: 'hwm-unknown' })
    }
    expect(planOne({ hwm: null, current: null })).toMatchObject({ newQuantity: null, action: 'blocked' })
  })

  it('plans each item independently and keeps order and identity', () => {
    const plan = computePlan(
      [input({ mappingId: 'a', hwm: 11 }), input({ mappingId: 'b', hwm: 9 }), input({ mappingId: 'c', hwm: null })],
      STRICT
    )
    expect(plan.map((p) => [p.mappingId, p.action])).toEqual([
      ['a', 'increase'],
      ['b', 'held'],
      ['c', 'blocked']
    ])
    expect(computePlan([], STRICT)).toEqual([])
  })

  it('rejects malformed input with a validation error pointing at the field', () => {
    const cases: [Partial<PlanInput> | Record<string, unknown>, string][] = [
      [{ hwm: -1 }, 'items.0.hwm'],
      [{ hwm: 2.5 }, 'items.0.hwm'],
      [{ current: -3 }, 'items.0.current'],
      [{ nonBillable: -1 }, 'items.0.nonBillable'],
      [{ metric: 'seats' }, 'items.0.metric'],
      [{ approvedDecrease: { to: 1.5 } }, 'items.0.approvedDecrease.to'],
      [{ mappingId: '' }, 'items.0.mappingId']
    ]
    for (const [over, field] of cases) {
      expect(() => computePlan([input(over as Partial<PlanInput>)], STRICT)).toThrow(appError('validation', field))
    }
    expect(() => computePlan([], { reviewDecreases: 'yes' } as unknown as PlanSettings)).toThrow(
      appError('validation', 'settings.reviewDecreases')
    )
  })
})
