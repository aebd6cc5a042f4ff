import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..', '..')

/**
 * One id per `playwright test` run, set by the config in the main process and inherited by the
 * workers, so two runs on one machine never share a build snapshot or an artifacts folder.
 */
export function e2eRunId(): string {
  process.env.PSA_BRIDGE_E2E_RUN ??= `${Date.now().toString(36)}-${process.pid}`
  return process.env.PSA_BRIDGE_E2E_RUN
}

/** The run's private copy of out/node + out/renderer (see global-setup.ts). */
export const E2E_APP_DIR = join(ROOT, '.tmp', `e2e-app-${e2eRunId()}`)
