import { parseSyncroSubdomain } from '../../../../shared/syncro-subdomain'
import { api } from '../../api/client'
import type { IntegrationSpec } from './spec'

const need = (v: string | undefined): string => v ?? ''

export const syncroSpec: IntegrationSpec = {
  kind: 'syncro',
  title: 'Syncro',
  description: 'PSA: customers, recurring invoices and tickets. Create the token under Admin → API Tokens.',
  fields: [
    {
      name: 'subdomain',
      label: 'Subdomain',
      kind: 'text',
      settingKey: 'subdomain',
      placeholder: 'acme',
      help: 'The first part of your Syncro address: "acme" for acme.syncromsp.com.',
      validate: (v) => {
        const r = parseSyncroSubdomain(v)
        return r.ok ? null : r.message
      }
    },
    { name: 'apiToken', label: 'API token', kind: 'secret' }
  ],
  save(v, replace) {
    // validateForm has already run the same parser; parse again to send the normalised label.
    const parsed = parseSyncroSubdomain(need(v.subdomain))
    return api.saveSyncro({
      subdomain: parsed.ok ? parsed.subdomain : need(v.subdomain),
      apiToken: v.apiToken,
      replace
    })
  }
}

export const autotaskSpec: IntegrationSpec = {
  kind: 'autotask',
  title: 'Autotask',
  description: 'PSA: companies, recurring contracts and tickets. Use an API-only user; the zone is discovered for you.',
  fields: [
    { name: 'username', label: 'API username', kind: 'text', settingKey: 'username', placeholder: 'api@example.com' },
    { name: 'secret', label: 'Secret', kind: 'secret' },
    {
      name: 'integrationCode',
      label: 'Integration code',
      kind: 'secret',
      help: 'The tracking identifier of your API user.'
    }
  ],
  save: (v, replace) =>
    api.saveAutotask({ username: need(v.username), secret: v.secret, integrationCode: v.integrationCode, replace })
}

export const jumpcloudSpec: IntegrationSpec = {
  kind: 'jumpcloud',
  title: 'JumpCloud MTP',
  description: 'Source: organizations, user and device counts, security events. Needs an MTP administrator API key.',
  fields: [
    { name: 'apiKey', label: 'API key', kind: 'secret' },
    {
      name: 'providerId',
      label: 'Provider ID',
      kind: 'text',
      settingKey: 'providerId',
      help: '24 hexadecimal characters, shown in the MTP under Account Overview.',
      validate: (v) => (/^[0-9a-f]{24}$/i.test(v.trim()) ? null : 'The provider ID is 24 hexadecimal characters.')
    },
    {
      name: 'region',
      label: 'Region',
      kind: 'select',
      settingKey: 'region',
      defaultValue: 'us',
      options: [
        { value: 'us', label: 'US (console.jumpcloud.com)' },
        { value: 'eu', label: 'EU (console.eu.jumpcloud.com)' }
      ]
    }
  ],
  save: (v, replace) =>
    api.saveJumpCloud({
      apiKey: v.apiKey,
      providerId: need(v.providerId).trim(),
      region: v.region === 'eu' ? 'eu' : 'us',
      replace
    })
}

export const INTEGRATION_SPECS = [syncroSpec, autotaskSpec, jumpcloudSpec]
