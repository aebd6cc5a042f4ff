import { z } from 'zod'
import { parseSyncroSubdomain } from '../syncro-subdomain'
import { replaceField, secretField } from './fields'
import type { PsaDescription } from './types'

// Every PSA PSA Bridge can bill and ticket into, described once. A new PSA is one entry here, one in
// the main registry (src/main/connectors/registry.ts) and its connector folder; the compiler then
// points at anything else that must know it.

const subdomainOf = (v: string): string => {
  const parsed = parseSyncroSubdomain(v)
  return parsed.ok ? parsed.subdomain : v
}

export const PSAS = {
  syncro: {
    label: 'Syncro',
    words: {
      container: 'Recurring invoice',
      item: 'Line item',
      containers: 'recurring invoices',
      containerOne: 'recurring invoice',
      prerequisite: 'a recurring invoice with a line item'
    },
    prerequisites: {
      container: 'a recurring invoice',
      item: 'a line item',
      fixContainer: 'In Syncro: Invoices → Recurring Invoices → New, for this customer.',
      fixItem: 'In Syncro: open the recurring invoice and add a line item for the seats.'
    },
    ticketFields: [
      { key: 'priority', label: 'Priority' },
      { key: 'issueType', label: 'Problem type' },
      { key: 'status', label: 'Status' },
      { key: 'daysDue', label: 'Days due' },
      { key: 'technicianId', label: 'Tech assigned to' }
    ],
    billing: { metrics: ['users', 'devices'], unitCost: true },
    connect: {
      method: 'saveSyncro',
      summary: 'Verify Syncro credentials and save them',
      input: z.object({
        subdomain: z.string().max(2048),
        apiToken: secretField('API token').optional(),
        replace: replaceField
      }),
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
          },
          // The core parses again; sending the normalised label keeps the request readable.
          normalize: subdomainOf
        },
        { name: 'apiToken', label: 'API token', kind: 'secret' }
      ]
    }
  },
  autotask: {
    label: 'Autotask',
    words: {
      container: 'Contract',
      item: 'Contract service',
      containers: 'active Recurring Service contracts',
      containerOne: 'active Recurring Service contract',
      prerequisite: 'an active Recurring Service contract with a service'
    },
    prerequisites: {
      container: 'an active contract of type Recurring Service',
      item: 'a service',
      fixContainer: 'In Autotask: Contracts → New Contract, type "Recurring Service", status Active, for this company.',
      fixItem: 'In Autotask: open the contract → Services → Add, e.g. "JumpCloud Users".'
    },
    ticketFields: [
      { key: 'priority', label: 'Priority' },
      { key: 'issueType', label: 'Issue type' },
      { key: 'subIssueType', label: 'Sub-issue type' },
      { key: 'status', label: 'Status' },
      { key: 'daysDue', label: 'Days due' },
      { key: 'technicianId', label: 'Tech assigned to' },
      { key: 'queue', label: 'Queue' },
      { key: 'source', label: 'Source' }
    ],
    billing: { metrics: ['users', 'devices'], unitCost: true },
    connect: {
      method: 'saveAutotask',
      summary: 'Discover the Autotask zone, verify the API user and save it',
      input: z.object({
        username: z.string().trim().min(3, 'API username is required').max(320),
        secret: secretField('Secret').optional(),
        integrationCode: secretField('Integration code').optional(),
        replace: replaceField
      }),
      title: 'Autotask',
      description:
        'PSA: companies, recurring contracts and tickets. Use an API-only user; the zone is discovered for you.',
      fields: [
        {
          name: 'username',
          label: 'API username',
          kind: 'text',
          settingKey: 'username',
          placeholder: 'api@example.com'
        },
        { name: 'secret', label: 'Secret', kind: 'secret' },
        {
          name: 'integrationCode',
          label: 'Integration code',
          kind: 'secret',
          help: 'The tracking identifier of your API user.'
        }
      ]
    }
  }
} as const satisfies Record<string, PsaDescription>
