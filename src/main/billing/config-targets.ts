import type { ConfigFile } from '../../shared/contract/billing'
import { AppError, isAppError } from '../../shared/errors'
import { PSAS } from '../../shared/registry'
import type { Session } from '../connect/session'
import type { BillingContainer } from '../connectors/types'
import { orgKey } from '../../shared/contract/org-ref'

// A configuration file's billing mappings pass exactly the checks of the Billing screen (saveBillingMapping): the
// target must be a line/service of the org's own customer as the PSA lists it now, and its names come from the PSA,
// never from the file. Otherwise a file could point one org's seats at another customer's invoice line.

function refuse(path: string, message: string, hint: string): never {
  throw new AppError('validation', `Invalid configuration file at ${path}: ${message}`, { field: path, hint })
}

/** The file with every billing target checked against the live PSA and its names replaced by the PSA's. */
export async function checkConfigTargets(session: Session, config: ConfigFile): Promise<ConfigFile> {
  const psa = session.psaKind
  if (!psa || config.billingMappings.length === 0) return config
  const words = PSAS[psa].words
  const customerOf = new Map(config.customerMappings.map((m) => [orgKey(m), m.customerId]))
  config.billingMappings.forEach((m, i) => {
    if (customerOf.get(orgKey(m)) !== m.customerId)
      refuse(
        `billingMappings.${i}.customerId`,
        `the billing of organization ${m.orgId} (${m.source}) points at customer ${m.customerId}, but the file maps that organization to ${customerOf.get(orgKey(m)) ?? 'no customer'}`,
        'Export the configuration again from a consistent installation.'
      )
  })
  const targets = new Map<string, BillingContainer[]>()
  try {
    const { connector } = await session.psa()
    for (const customerId of new Set(config.billingMappings.map((m) => m.customerId)))
      targets.set(customerId, await connector.listBillingTargets(customerId))
  } catch (e) {
    throw new AppError(
      isAppError(e) && e.code === 'validation' ? 'validation' : 'unavailable',
      `The billing targets in the file could not be checked against ${PSAS[psa].label}: ${e instanceof Error ? e.message : String(e)}. Nothing was imported.`,
      { hint: `Import again when ${PSAS[psa].label} can be reached.` }
    )
  }
  return {
    ...config,
    billingMappings: config.billingMappings.map((m, i) => {
      const container = targets.get(m.customerId)?.find((c) => c.id === m.containerId)
      if (!container)
        refuse(
          `billingMappings.${i}.containerId`,
          `customer ${m.customerId} has no ${words.containerOne} ${m.containerId}`,
          'Pick the billing target again on the Billing screen, then export.'
        )
      const item = container.items.find((x) => x.id === m.itemId)
      if (!item)
        refuse(
          `billingMappings.${i}.itemId`,
          `"${container.name}" has no item ${m.itemId}`,
          'Pick the billing target again on the Billing screen, then export.'
        )
      return { ...m, containerName: container.name, itemName: item.name }
    })
  }
}
