// Electron entry: wiring only. Everything with logic lives in ./shell (tested with a mocked electron).
import * as electron from 'electron'
import Store from 'electron-store'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp, resolveDataDir, type App } from './app/app'
import { createBackground } from './app/background'
import { startDesktop } from './shell/desktop'

const here = dirname(fileURLToPath(import.meta.url)) // out/main

electron.app.setAppUserModelId('com.psabridge.app') // Windows: notifications need an AUMID

startDesktop({
  electron,
  resolveDataDir,
  createCore: (dataDir) => createApp({ dataDir, env: process.env }), // keychain unless PSA_BRIDGE_SECRET_STORE says otherwise,
  argv: process.argv,
  env: process.env,
  paths: { preload: join(here, '../preload/index.cjs'), renderer: join(here, '../renderer') },
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  // createCore above returns the full App; the shell only sees its structural ShellCore part.
  background: (core) => createBackground(core as App),
  closeNotice: (dataDir) => {
    const store = new Store<{ closeNoticeShown: boolean }>({
      cwd: dataDir,
      name: 'ui-prefs',
      defaults: { closeNoticeShown: false }
    })
    return { shown: () => store.get('closeNoticeShown') === true, markShown: () => store.set('closeNoticeShown', true) }
  }
}).catch((e: unknown) => {
  electron.dialog.showErrorBox('PSA Bridge could not start', e instanceof Error ? e.message : String(e))
  electron.app.exit(1)
})
