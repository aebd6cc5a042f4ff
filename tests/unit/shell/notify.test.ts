import { describe, expect, it, vi } from 'vitest'
import { createNotifier } from '../../../src/main/shell/notify'
import { createFakeElectron } from './fake-electron'

vi.mock('electron', () => ({}))

describe('createNotifier', () => {
  it('shows a notification and wires its click', () => {
    const { Notification } = createFakeElectron().electron
    const on = vi.spyOn(Notification.prototype, 'on')
    const onClick = vi.fn()
    expect(createNotifier(Notification as never, onClick)('Title', 'Body')).toBe(true)
    expect(Notification.shown).toEqual([{ title: 'Title', body: 'Body', click: onClick }])
    expect(on).toHaveBeenCalledWith('click', onClick)
  })

  it('is a no-op where the platform has no notification service', () => {
    const { Notification } = createFakeElectron().electron
    Notification.isSupported = () => false
    expect(createNotifier(Notification as never)('Title', 'Body')).toBe(false)
    expect(Notification.shown).toEqual([])
  })
})
