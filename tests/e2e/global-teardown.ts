import { rmSync } from 'node:fs'
import { E2E_APP_DIR } from './support/paths'

export default function globalTeardown(): void {
  rmSync(E2E_APP_DIR, { recursive: true, force: true })
}
