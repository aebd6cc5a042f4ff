import { PSA_CHOICES, SOURCE_CHOICES } from '../../../shared/registry'
import { ErrorNotice } from '../components/Notice'
import { useIntegrations } from '../stores/integrations'
import { IntegrationCard } from './connect/IntegrationCard'
import { INTEGRATION_SPECS } from './connect/specs'

export function ConnectScreen() {
  const loaded = useIntegrations((s) => s.loaded)
  const error = useIntegrations((s) => s.error)
  return (
    <>
      <p className="screen__intro">
        Connect one PSA ({PSA_CHOICES}) and your {SOURCE_CHOICES} account. Credentials are verified against the service
        before they are saved, and secrets are kept in your operating system&apos;s keychain.
      </p>
      {error && <ErrorNotice message={error.message} hint={error.hint} />}
      {/* Cards mount once the list is known, so their forms start from the saved settings. */}
      {loaded ? (
        <div className="cards">
          {INTEGRATION_SPECS.map((spec) => (
            <IntegrationCard key={spec.kind} spec={spec} />
          ))}
        </div>
      ) : (
        <p className="muted" role="status">
          Loading integrations…
        </p>
      )}
    </>
  )
}
