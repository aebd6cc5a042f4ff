import { z } from 'zod'
import { replaceField, secretField } from './fields'
import type { SourceDescription } from './types'

// Every source of organizations, usage counts and alerts, described once (see psas.ts).

export const SOURCES = {
  jumpcloud: {
    label: 'JumpCloud',
    orgWord: 'organization',
    billing: {
      metrics: ['users', 'devices'],
      meaning: "the month's high-water mark of users (suspended included) or devices",
      pushed: 'monthly-hwm',
      sampled: true
    },
    alertTypes: ['fde-key-decrypted', 'admin-granted', 'user-lockout', 'password-expired'],
    alertsBy: 'type',
    devices: true,
    connect: {
      method: 'saveJumpCloud',
      summary: 'Verify the JumpCloud MTP API key by listing the provider organizations and save it',
      input: z.object({
        apiKey: secretField('API key').optional(),
        providerId: z
          .string()
          .trim()
          .regex(/^[0-9a-f]{24}$/i, 'The provider id is 24 hexadecimal characters (MTP → Account Overview)'),
        region: z.enum(['us', 'eu']).default('us'),
        replace: replaceField
      }),
      title: 'JumpCloud MTP',
      description:
        'Source: organizations, user and device counts, security events. Needs an MTP administrator API key.',
      fields: [
        { name: 'apiKey', label: 'API key', kind: 'secret' },
        {
          name: 'providerId',
          label: 'Provider ID',
          kind: 'text',
          settingKey: 'providerId',
          help: '24 hexadecimal characters, shown in the MTP under Account Overview.',
          validate: (v) => (/^[0-9a-f]{24}$/i.test(v.trim()) ? null : 'The provider ID is 24 hexadecimal characters.'),
          normalize: (v) => v.trim()
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
          ],
          normalize: (v) => (v === 'eu' ? 'eu' : 'us')
        }
      ]
    }
  },
  saasalerts: {
    label: 'SaaS Alerts',
    orgWord: 'organization',
    billing: {
      metrics: ['users'],
      meaning: 'the billable users SaaS Alerts reports on the billing date',
      pushed: 'sync-day',
      sampled: false
    },
    // Alerts by severity (critical / medium / low), not by fixed types: see alertsBy.
    alertTypes: [],
    alertsBy: 'severity',
    devices: false,
    connect: {
      method: 'saveSaasAlerts',
      summary: 'Verify the SaaS Alerts API key by listing its organizations and save it',
      input: z.object({ apiKey: secretField('API key').optional(), replace: replaceField }),
      title: 'SaaS Alerts',
      description:
        'Source: Microsoft 365 / Google Workspace security alerts by severity and billable users. Create the key under Settings → API.',
      fields: [{ name: 'apiKey', label: 'API key', kind: 'secret' }]
    }
  }
} as const satisfies Record<string, SourceDescription>
