import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..', '..')
/** The e2e run's private copy of out/node + out/renderer (see global-setup.ts). */
export const E2E_APP_DIR = join(ROOT, '.tmp', 'e2e-app')
