import { flatten } from './fields'
import type { AuditCatalog } from './types'

// App-wide settings (the Settings screen): preferences, sampling interval, pause.

export const settingsAudit: Pick<AuditCatalog, 'saveSettings' | 'setPaused'> = {
  saveSettings: {
    kind: 'settings',
    read: async (r) => {
      const s = await r.handlers.getSettings({})
      return {
        subject: 'app settings',
        fields: flatten({ ...s.prefs, samplingIntervalMinutes: s.samplingIntervalMinutes })
      }
    }
  },
  setPaused: {
    kind: 'settings',
    read: async (r) => ({
      subject: 'scheduled work',
      fields: { paused: (await r.handlers.getSettings({})).pause.paused }
    })
  }
}
