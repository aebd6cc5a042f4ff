import { useEffect } from 'react'
import { ActivityScreen } from './screens/activity/ActivityScreen'
import { AssetsScreen } from './screens/assets/AssetsScreen'
import { BillingScreen } from './screens/billing/BillingScreen'
import { ConnectScreen } from './screens/ConnectScreen'
import { CustomersScreen } from './screens/customers/CustomersScreen'
import { TicketingScreen } from './screens/ticketing/TicketingScreen'
import { watchIntegrations } from './stores/integrations'
import { STEPS, useNav, type StepId } from './stores/nav'

const SCREENS: Record<StepId, () => React.JSX.Element> = {
  connect: ConnectScreen,
  customers: CustomersScreen,
  billing: BillingScreen,
  ticketing: TicketingScreen,
  assets: AssetsScreen,
  activity: ActivityScreen
}

export function App() {
  const step = useNav((s) => s.step)
  const go = useNav((s) => s.go)
  useEffect(() => watchIntegrations(), [])
  const current = STEPS.find((s) => s.id === step) ?? STEPS[0]
  const Screen = SCREENS[current.id]

  return (
    <div className="frame">
      <aside className="sidebar">
        <div className="brand">PSA Bridge</div>
        <nav aria-label="Setup steps">
          <ol className="steps">
            {STEPS.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="steps__item"
                  aria-current={s.id === step ? 'step' : undefined}
                  onClick={() => go(s.id)}
                >
                  <span className="steps__number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {s.label}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      </aside>
      <main className="screen">
        <h1 className="screen__title">{current.title}</h1>
        <Screen />
      </main>
    </div>
  )
}
