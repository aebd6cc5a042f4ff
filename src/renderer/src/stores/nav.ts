import { create } from 'zustand'

// Wizard steps are UI-only state. Only steps with a working screen are listed.
export const STEPS = [
  { id: 'connect', label: 'Connect', title: 'Connect your systems' },
  { id: 'customers', label: 'Customers', title: 'Map organizations to customers' },
  { id: 'billing', label: 'Billing', title: 'Bill the monthly high-water mark' },
  { id: 'ticketing', label: 'Ticketing', title: 'Turn security alerts into tickets' },
  { id: 'assets', label: 'Assets', title: 'Devices matched to PSA assets' },
  { id: 'activity', label: 'Activity', title: 'Activity: billing runs, tickets and alerts' }
] as const
/** Screens outside the numbered setup steps. */
export const EXTRA_SCREENS = [{ id: 'settings', label: 'Settings', title: 'Settings' }] as const
export type StepId = (typeof STEPS)[number]['id'] | (typeof EXTRA_SCREENS)[number]['id']

interface NavState {
  step: StepId
  go(step: StepId): void
}

export const useNav = create<NavState>((set) => ({
  step: 'connect',
  go: (step) => set({ step })
}))
