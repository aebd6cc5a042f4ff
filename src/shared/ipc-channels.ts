// Channel names shared by the Electron main process and the preload. This file must stay free of
// runtime imports: the sandboxed preload can require nothing but 'electron', so whatever it
// imports is bundled into it.

/** `ipcMain.handle` channel of a contract method: one channel per method, nothing generic. */
export const METHOD_CHANNEL_PREFIX = 'psa:'
/** `webContents.send` channel of a contract event. */
export const EVENT_CHANNEL_PREFIX = 'psa-event:'

export const methodChannel = (name: string): string => METHOD_CHANNEL_PREFIX + name
export const eventChannel = (name: string): string => EVENT_CHANNEL_PREFIX + name

/** The key under which the preload exposes the API on `window`. */
export const BRIDGE_GLOBAL = 'psaBridge'
