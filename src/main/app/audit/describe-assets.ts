import { typeMapping } from '../../assets/scope'
import { flatten } from './fields'
import type { AuditCatalog } from './types'

type AssetMethods =
  | 'acceptAssetMatch'
  | 'acceptAllAssetMatches'
  | 'matchAssetTo'
  | 'unmatchAsset'
  | 'setAssetIgnored'
  | 'setAssetTypeMapping'
  | 'createAssets'

const device = (id: string) => `device ${id}`

export const assetsAudit: Pick<AuditCatalog, AssetMethods> = {
  acceptAssetMatch: {
    kind: 'assets',
    subject: (i) => device(i.deviceId),
    facts: () => ({ match: 'suggestion accepted' })
  },
  acceptAllAssetMatches: {
    kind: 'assets',
    subject: (i) => (i.customerId ? `devices of customer #${i.customerId}` : 'all devices'),
    facts: (_i, o) => ({ 'suggestions accepted': o.accepted })
  },
  matchAssetTo: {
    kind: 'assets',
    subject: (i) => device(i.deviceId),
    facts: (i) => ({ 'matched to PSA asset': i.assetId })
  },
  unmatchAsset: { kind: 'assets', subject: (i) => device(i.deviceId), facts: () => ({ match: 'removed' }) },
  setAssetIgnored: {
    kind: 'ignore',
    subject: (i) => (i.side === 'device' ? device(i.id) : `PSA asset ${i.id}`),
    facts: (i) => ({ ignored: i.ignored })
  },
  setAssetTypeMapping: {
    kind: 'settings',
    read: (r) => {
      const psa = r.session.psaKind
      return { subject: 'PSA asset type per kind of device', fields: psa ? flatten(typeMapping(r.ctx, psa)) : {} }
    }
  },
  createAssets: {
    kind: 'assets',
    subject: (i) => `${i.deviceIds.length} device(s) created in the PSA`,
    facts: (_i, o) => ({ created: o.created.length, refused: o.refused.length, failed: o.failed.length })
  }
}
