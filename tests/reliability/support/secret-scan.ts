import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import ExcelJS from 'exceljs'

// Looks for secrets wherever they could leak: files byte for byte (SQLite with its -wal/-shm, logs), text the
// doors handed out, and inside report files whose bytes are compressed (XLSX is a zip, PDF streams are deflated).

/** The forms a secret may take when it leaks: as is, base64, base64url, URL-encoded. */
export function secretForms(secret: string): string[] {
  const b = Buffer.from(secret)
  return [...new Set([secret, b.toString('base64'), b.toString('base64url'), encodeURIComponent(secret)])]
}

export interface Hit {
  where: string
  secret: string
  form: string
}

export class SecretScanner {
  readonly hits: Hit[] = []
  /** Places scanned (files, replies, decoded reports). */
  scanned = 0
  constructor(private readonly secrets: Record<string, string>) {}

  text(where: string, content: string | Buffer): void {
    this.scanned++
    const hay = typeof content === 'string' ? content : content.toString('latin1')
    for (const [name, secret] of Object.entries(this.secrets))
      for (const form of secretForms(secret)) if (hay.includes(form)) this.hits.push({ where, secret: name, form })
  }

  /** Every file under `dir`, recursively. */
  dir(dir: string): void {
    for (const entry of readdirSync(dir)) {
      const p = join(dir, entry)
      if (statSync(p).isDirectory()) this.dir(p)
      else this.text(p, readFileSync(p))
    }
  }

  /** A report file (the base64 a door handed out): its bytes, and what its compressed parts contain. */
  async report(where: string, fileName: string, base64: string): Promise<void> {
    const bytes = Buffer.from(base64, 'base64')
    this.text(where, bytes)
    if (fileName.endsWith('.xlsx')) {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(bytes as unknown as ArrayBuffer)
      const cells: string[] = []
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.text)))))
      this.text(`${where} (cells)`, cells.join('\n'))
    }
    if (fileName.endsWith('.pdf')) {
      const raw = bytes.toString('latin1')
      const streams: string[] = []
      for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
        try {
          streams.push(inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1'))
        } catch {
          streams.push(m[1]!)
        }
      }
      this.text(`${where} (streams)`, streams.join('\n'))
    }
  }
}
