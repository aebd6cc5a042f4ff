import {
  DESCRIPTIONS,
  INTEGRATION_KINDS,
  type ConnectDescription,
  type IntegrationKind
} from '../../../../shared/registry'
import type { SaveMethodName } from '../../../../shared/contract/connect'
import { api } from '../../api/client'
import type { IntegrationSpec, SaveResult } from './spec'

/** One Connect card per registered kind, PSAs first, built from the registry's form description. */
function specOf(kind: IntegrationKind): IntegrationSpec {
  const c: ConnectDescription = DESCRIPTIONS[kind].connect
  return {
    kind,
    title: c.title,
    description: c.description,
    fields: c.fields,
    save(values, replace) {
      const input: Record<string, unknown> = { replace }
      for (const f of c.fields) {
        const v = values[f.name]
        // Secrets left empty arrive as undefined: the core then re-uses the saved one.
        input[f.name] = v === undefined ? undefined : f.normalize ? f.normalize(v) : v
      }
      const save = api[c.method as SaveMethodName] as (input: Record<string, unknown>) => Promise<SaveResult>
      return save(input)
    }
  }
}

export const INTEGRATION_SPECS: readonly IntegrationSpec[] = INTEGRATION_KINDS.map(specOf)
