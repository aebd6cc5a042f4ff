import type { ReactNode } from 'react'

/** Live regions: errors interrupt (role=alert), confirmations wait their turn (role=status). */
export function ErrorNotice({ message, hint }: { message: string; hint?: string }) {
  return (
    <div role="alert" className="notice notice--error">
      <p className="notice__message">{message}</p>
      {hint && <p className="notice__hint">{hint}</p>}
    </div>
  )
}

export function StatusNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="notice notice--ok">
      {children}
    </div>
  )
}
