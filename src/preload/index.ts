// Sandboxed preload (CommonJS, see electron.vite.config.ts): it may require only 'electron', so
// everything else it uses is bundled — keep its imports to ./bridge and type-only contract names.
import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_GLOBAL } from '../shared/ipc-channels'
import { buildBridge } from './bridge'

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, buildBridge(ipcRenderer))
