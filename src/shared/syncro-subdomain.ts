// Parses what a user types or pastes into the Syncro "Subdomain" field. Accepts a bare label
// ("acme") or a Syncro URL ("https://acme.syncromsp.com/api_tokens"); rejects everything else
// before any request is made, so the field can never point the app at another host.

export type SubdomainResult = { ok: true; subdomain: string } | { ok: false; message: string }

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const SYNCRO_SUFFIX = '.syncromsp.com'

export function parseSyncroSubdomain(raw: string): SubdomainResult {
  const text = raw.trim()
  if (text === '') return { ok: false, message: 'Enter your Syncro subdomain, e.g. "acme" for acme.syncromsp.com.' }
  if (text.length > 253) return { ok: false, message: 'That is too long to be a Syncro subdomain.' }
  // Non-ASCII letters (IDN homoglyphs such as Cyrillic "а") are never valid here.
  if (!/^[\x21-\x7e]+$/.test(text)) {
    return { ok: false, message: 'The subdomain may only contain the letters a–z, digits and hyphens.' }
  }
  const lower = text.toLowerCase()
  if (LABEL.test(lower)) return { ok: true, subdomain: lower }

  let host: string
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(lower)) {
    let url: URL
    try {
      url = new URL(lower)
    } catch {
      return invalid()
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return invalid()
    if (url.username || url.password || url.port) return invalid()
    host = url.hostname
  } else if (/^[a-z0-9.-]+$/.test(lower)) {
    host = lower
  } else {
    return invalid()
  }
  if (!host.endsWith(SYNCRO_SUFFIX)) return invalid()
  const label = host.slice(0, -SYNCRO_SUFFIX.length)
  if (!LABEL.test(label)) return invalid()
  return { ok: true, subdomain: label }
}

function invalid(): SubdomainResult {
  return {
    ok: false,
    message: 'Enter only the subdomain ("acme") or your Syncro address (https://acme.syncromsp.com).'
  }
}
