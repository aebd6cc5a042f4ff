import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs'

// Files named on the command line (config import, call --input-file, match): read whole, but only
// regular files of a sane size — `config import /dev/zero` or a FIFO must be refused, not read forever.

/** Far above any real configuration or match file (5,000 orgs export to well under 5 MB). */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024

export class InputFileError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ELOOP: 'too many symbolic links'
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  return (code && REASONS[code]) ?? (e instanceof Error ? e.message : String(e))
}

/** The file's text (UTF-8, a leading byte-order mark removed); throws InputFileError saying why not. */
export function readInputText(path: string, maxBytes = MAX_INPUT_BYTES): string {
  let fd: number
  try {
    // stat first: opening a FIFO would block until someone writes to it.
    if (!statSync(path).isFile()) throw new InputFileError(`cannot read ${path}: not a regular file`)
    fd = openSync(path, 'r')
  } catch (e) {
    if (e instanceof InputFileError) throw e
    throw new InputFileError(`cannot read ${path}: ${why(e)}`)
  }
  try {
    const st = fstatSync(fd)
    if (!st.isFile()) throw new InputFileError(`cannot read ${path}: not a regular file`)
    if (st.size > maxBytes) throw new InputFileError(`cannot read ${path}: larger than ${maxBytes} bytes`)
    // Read at most one byte more than allowed, whatever the size said (the file may be growing).
    const buf = Buffer.alloc(Math.min(maxBytes + 1, Math.max(st.size, 0) + 1))
    let n = 0
    for (let r = 1; r > 0 && n < buf.length; n += r) r = readSync(fd, buf, n, buf.length - n, null)
    if (n > maxBytes) throw new InputFileError(`cannot read ${path}: larger than ${maxBytes} bytes`)
    return buf
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
  } finally {
    closeSync(fd)
  }
}

/** The file parsed as JSON; a missing file and invalid JSON are told apart. */
export function readJsonFile(path: string): unknown {
  const text = readInputText(path)
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new InputFileError(`cannot read ${path} as JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
}
