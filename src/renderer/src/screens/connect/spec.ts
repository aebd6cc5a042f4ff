import type { IntegrationKind, IntegrationSummary } from '../../../../shared/contract/connect'
import type { MethodOutput } from '../../../../shared/contract'
import type { ConnectField } from '../../../../shared/registry'

export type SaveResult = MethodOutput<'saveSyncro'>

export type FieldSpec = ConnectField

export type FormValues = Record<string, string>

export interface IntegrationSpec {
  kind: IntegrationKind
  title: string
  description: string
  fields: readonly FieldSpec[]
  /**
   * Builds the contract input and calls the API. Secret fields arrive as undefined when left
   * empty with a secret already saved: the core then re-uses the one in the keychain.
   */
  save(values: Record<string, string | undefined>, replace: boolean): Promise<SaveResult>
}

export function initialValues(spec: IntegrationSpec, existing: IntegrationSummary | undefined): FormValues {
  const out: FormValues = {}
  for (const f of spec.fields) {
    out[f.name] = (f.settingKey && existing?.settings[f.settingKey]) || f.defaultValue || ''
  }
  return out
}

/** Client-side checks: required fields and each field's own validator. */
export function validateForm(spec: IntegrationSpec, values: FormValues, secretSaved: boolean): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const f of spec.fields) {
    const value = values[f.name] ?? ''
    if (value.trim() === '') {
      if (f.kind !== 'secret' || !secretSaved) errors[f.name] = `${f.label} is required.`
      continue
    }
    const msg = f.validate?.(value)
    if (msg) errors[f.name] = msg
  }
  return errors
}

/** What is sent: secrets left empty are omitted so the saved ones are kept. */
export function payloadOf(spec: IntegrationSpec, values: FormValues): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const f of spec.fields) {
    const v = values[f.name] ?? ''
    out[f.name] = f.kind === 'secret' && v === '' ? undefined : v
  }
  return out
}

const SETTING_LABELS: Record<string, string> = {
  subdomain: 'Subdomain',
  username: 'API username',
  zone: 'Zone',
  zoneName: 'Zone',
  zoneUrl: 'API URL',
  webUrl: 'Web URL',
  providerId: 'Provider ID',
  region: 'Region'
}

export function settingLabel(key: string): string {
  return SETTING_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase())
}
