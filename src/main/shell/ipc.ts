import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { methodNames, type EventName } from '../../shared/contract'
import type { Envelope } from '../../shared/errors'
import { eventChannel, methodChannel } from '../../shared/ipc-channels'
import { originOf } from './security'

/** The part of the core (src/main/app/app.ts `App`) the IPC layer needs. */
export interface IpcCore {
  dispatch(name: unknown, input: unknown, door: 'window'): Promise<Envelope<unknown>>
  events: { onAny(cb: (name: EventName, payload: unknown) => void): () => void }
  log: { error(msg: string, meta?: object): void }
}

type SenderFrame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url'> & { parent?: unknown }

/**
 * True when the call comes from the top frame of a page on one of our own origins. A missing frame
 * (navigated away or destroyed mid-call) is refused, as is any iframe.
 */
export function isTrustedSender(event: { senderFrame?: SenderFrame | null }, origins: readonly string[]): boolean {
  let frame: SenderFrame | null | undefined
  try {
    frame = event.senderFrame
  } catch {
    return false // Electron throws when the frame is gone
  }
  if (!frame || (frame.parent !== null && frame.parent !== undefined)) return false
  const origin = originOf(frame.url)
  return origin !== null && origins.includes(origin)
}

const FOREIGN_SENDER: Envelope<never> = {
  ok: false,
  error: { code: 'permission', message: 'This request did not come from the PSA Bridge window.' }
}

/**
 * One `ipcMain.handle('psa:<method>')` per contract method (derived, so a new method is exposed by
 * adding it to the contract). The sender is checked before the core is touched; the core's
 * dispatch validates the input. Returns a function removing the handlers.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: IpcCore,
  origins: readonly string[]
): () => void {
  const channels = methodNames.map((name) => {
    const channel = methodChannel(name)
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, origins)) {
        // Log the origin only: the input may carry a secret.
        core.log.error('IPC call refused: foreign sender', { method: name, origin: senderOrigin(event) })
        return FOREIGN_SENDER
      }
      return core.dispatch(name, input, 'window')
    })
    return channel
  })
  return () => channels.forEach((c) => ipcMain.removeHandler(c))
}

function senderOrigin(event: { senderFrame?: SenderFrame | null }): string | null {
  try {
    return event.senderFrame ? originOf(event.senderFrame.url) : null
  } catch {
    return null
  }
}

/** Pushes every core event to the window as `psa-event:<name>`; returns the unsubscribe. */
export function forwardEvents(
  core: Pick<IpcCore, 'events'>,
  target: () => Pick<WebContents, 'send' | 'isDestroyed'> | null
): () => void {
  return core.events.onAny((name, payload) => {
    const wc = target()
    if (wc && !wc.isDestroyed()) wc.send(eventChannel(name), payload)
  })
}
