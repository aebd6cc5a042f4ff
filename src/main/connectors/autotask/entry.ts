import type { PsaEntry, SaveInput } from '../registry-types'
import { createAutotaskConnector, type AutotaskConnectorOptions } from './connector'

export type AutotaskConfig = Pick<
  AutotaskConnectorOptions,
  'username' | 'secret' | 'integrationCode' | 'zoneUrl' | 'webUrl'
>

export const autotaskEntry: PsaEntry<AutotaskConfig, SaveInput<'autotask'>> = {
  create: (c, o) => createAutotaskConnector({ ...c, timeoutMs: o.timeoutMs }),
  config: async (settings, secret) => ({
    username: settings.username!,
    zoneUrl: settings.zoneUrl!,
    webUrl: settings.webUrl || undefined,
    secret: await secret('autotask.secret'),
    integrationCode: await secret('autotask.integrationCode')
  }),
  async save(input, { factory, secret: typedOrSaved }) {
    const secret = await typedOrSaved(input.secret, 'autotask.secret', 'Secret')
    const integrationCode = await typedOrSaved(input.integrationCode, 'autotask.integrationCode', 'Integration code')
    const zone = await factory.autotaskZone(input.username)
    await factory.autotask({ username: input.username, secret, integrationCode, zoneUrl: zone.url }).verify()
    return {
      displayName: `${input.username} (${zone.zoneName})`,
      settings: { username: input.username, zoneName: zone.zoneName, zoneUrl: zone.url, webUrl: zone.webUrl },
      secrets: { 'autotask.secret': secret, 'autotask.integrationCode': integrationCode }
    }
  }
}
