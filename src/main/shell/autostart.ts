import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { HIDDEN_ARG } from './login-item'

/**
 * Linux: Electron's login item does nothing there; the freedesktop autostart spec is what every desktop
 * (GNOME, KDE, XFCE) reads: `$XDG_CONFIG_HOME/autostart/<name>.desktop`.
 */
export function linuxAutostart(opts: {
  configHome: string
  execPath: string
  enabled: boolean
  fs?: { mkdir(dir: string): void; write(file: string, text: string): void; remove(file: string): void }
}): string {
  const fs = opts.fs ?? {
    mkdir: (d: string) => void mkdirSync(d, { recursive: true }),
    write: (f: string, t: string) => writeFileSync(f, t, { mode: 0o644 }),
    remove: (f: string) => rmSync(f, { force: true })
  }
  const dir = join(opts.configHome, 'autostart')
  const file = join(dir, 'psa-bridge.desktop')
  if (!opts.enabled) {
    fs.remove(file)
    return file
  }
  // Exec quoting per the Desktop Entry spec: the path in double quotes, with \ " ` $ escaped.
  const exec = `"${opts.execPath.replace(/[\\"`$]/g, (c) => `\\${c}`)}" ${HIDDEN_ARG}`
  fs.mkdir(dir)
  fs.write(
    file,
    [
      '[Desktop Entry]',
      'Type=Application',
      'Name=PSA Bridge',
      `Exec=${exec}`,
      'X-GNOME-Autostart-enabled=true',
      ''
    ].join('\n')
  )
  return file
}
