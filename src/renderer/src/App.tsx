import { useEffect } from 'react'
import { ActivityScreen } from './screens/activity/ActivityScreen'
import { AssetsScreen } from './screens/assets/AssetsScreen'
import { BillingScreen } from './screens/billing/BillingScreen'
import { ConnectScreen } from './screens/ConnectScreen'
import { CustomersScreen } from './screens/customers/CustomersScreen'
import { SettingsScreen } from './screens/settings/SettingsScreen'
import { TicketingScreen } from './screens/ticketing/TicketingScreen'
import { PauseBadge } from './components/PauseBadge'
import { watchIntegrations } from './stores/integrations'
import { EXTRA_SCREENS, STEPS, useNav, type StepId } from './stores/nav'
import { watchSettings } from './stores/settings'
import { watchNavigation } from './stores/navigation'

const SCREENS: Record<StepId, () => React.JSX.Element> = {
  connect: ConnectScreen,
  customers: CustomersScreen,
  billing: BillingScreen,
  ticketing: TicketingScreen,
  assets: AssetsScreen,
  activity: ActivityScreen,
  settings: SettingsScreen
}

const ALL_SCREENS = [...STEPS, ...EXTRA_SCREENS]

export function App() {
  const step = useNav((s) => s.step)
  const go = useNav((s) => s.go)
  useEffect(() => watchIntegrations(), [])
  useEffect(() => watchSettings(), [])
  useEffect(() => watchNavigation(), [])
  const current = ALL_SCREENS.find((s) => s.id === step) ?? STEPS[0]
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
          <ul className="steps">
            {EXTRA_SCREENS.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="steps__item"
                  aria-current={s.id === step ? 'page' : undefined}
                  onClick={() => go(s.id)}
                >
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <PauseBadge />
      </aside>
      <main className="screen">
        <h1 className="screen__title">{current.title}</h1>
        <Screen />
      </main>
    </div>
  )
}
