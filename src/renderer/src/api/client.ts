import type { PsaBridgeApi } from '../../../shared/bridge-types'
import { createApi, httpTransport, ipcTransport, type ClientApi } from './transport'

export { ApiError, toApiError, createApi, type ClientApi, type Transport } from './transport'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser bridge. */
    psaBridge?: PsaBridgeApi
  }
}

/** The one API object screens and stores call: IPC in Electron, HTTP in the browser bridge. */
export const api: ClientApi = createApi(window.psaBridge ? ipcTransport(window.psaBridge) : httpTransport())
