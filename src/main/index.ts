// Electron entry: wiring only. Everything with logic lives in ./shell (tested with a mocked electron).
import * as electron from 'electron'
import Store from 'electron-store'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp, resolveDataDir, type App } from './app/app'
import { desktopBackgroundJobs } from './app/service'
import { startDesktop } from './shell/desktop'
import { createKeyValuePrefsStore } from './core/prefs'

// UI preferences and the close-notice flag: one electron-store file in the data dir (ui-prefs.json).
let prefsStore: Store<Record<string, unknown>> | null = null
const uiPrefs = (dataDir: string) =>
  (prefsStore ??= new Store<Record<string, unknown>>({ cwd: dataDir, name: 'ui-prefs' }))

const here = dirname(fileURLToPath(import.meta.url)) // out/main

electron.app.setAppUserModelId('com.psabridge.app') // Windows: notifications need an AUMID

startDesktop({
  electron,
  resolveDataDir,
  // Keychain unless PSA_BRIDGE_SECRET_STORE says otherwise; the host opens folders and owns the login item.
  createCore: (dataDir, host) => createApp({ dataDir, env: process.env, host }),
  argv: process.argv,
  env: process.env,
  paths: { preload: join(here, '../preload/index.cjs'), renderer: join(here, '../renderer') },
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  // createCore above returns the full App; the shell only sees its structural ShellCore part.
  // The scheduled jobs run here unless `psa-bridge service` already runs them for this data dir.
  background: (core) => desktopBackgroundJobs(core as App),
  prefs: (dataDir) => createKeyValuePrefsStore(uiPrefs(dataDir)),
  closeNotice: (dataDir) => {
    const store = uiPrefs(dataDir)
    return { shown: () => store.get('closeNoticeShown') === true, markShown: () => store.set('closeNoticeShown', true) }
  }
}).catch((e: unknown) => {
  electron.dialog.showErrorBox('PSA Bridge could not start', e instanceof Error ? e.message : String(e))
  electron.app.exit(1)
})
