import { useEffect, useId, useRef, type ReactNode } from 'react'

interface ConfirmDialogProps {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  danger?: boolean
  onConfirm(): void
  onCancel(): void
}

/**
 * A modal <dialog>: the browser traps focus, Escape cancels, and it is exposed as role=dialog
 * with its title as the accessible name. Focus starts on Cancel so Enter never destroys data.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()
  const { open, onCancel } = props

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const cancel = (e: Event) => {
      e.preventDefault()
      onCancel()
    }
    dialog.addEventListener('cancel', cancel)
    return () => dialog.removeEventListener('cancel', cancel)
  }, [onCancel])

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
      {open && (
        <>
          <h2 id={titleId} className="dialog__title">
            {props.title}
          </h2>
          <div id={bodyId} className="dialog__body">
            {props.children}
          </div>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={props.onCancel} autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className={props.danger ? 'button button--danger' : 'button button--primary'}
              onClick={props.onConfirm}
            >
              {props.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  )
}
