import { z } from 'zod'

// Its own module: the settings contract (and so `status`) needs the doors without the whole audit contract.

/** Which door a call came through: the desktop window (IPC), the browser bridge, the CLI, or the app itself. */
export const DoorSchema = z.enum(['window', 'bridge', 'cli', 'internal'])
export type Door = z.infer<typeof DoorSchema>
export const DOOR_LABELS: Record<Door, string> = {
  window: 'App window',
  bridge: 'Browser bridge',
  cli: 'CLI',
  internal: 'PSA Bridge itself'
}
