import { useCallback, useId, useState, type FormEvent } from 'react'
import { toApiError, type ApiError } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Field, SelectField } from '../../components/Field'
import { ErrorNotice, StatusNotice } from '../../components/Notice'
import { api } from '../../api/client'
import { useIntegration, useIntegrations } from '../../stores/integrations'
import { initialValues, payloadOf, settingLabel, validateForm, type FormValues, type IntegrationSpec } from './spec'

const SAVED_PLACEHOLDER = '•••••••• saved'

type Status =
  | { type: 'idle' }
  | { type: 'busy'; action: 'save' | 'disable' }
  | { type: 'done'; message: string }
  | { type: 'error'; error: ApiError }

/** One integration's form: verify-and-save, replace confirmation, disable-and-clear. */
export function IntegrationCard({ spec }: { spec: IntegrationSpec }) {
  const existing = useIntegration(spec.kind)
  const upsert = useIntegrations((s) => s.upsert)
  const remove = useIntegrations((s) => s.remove)
  const refresh = useIntegrations((s) => s.refresh)
  const headingId = useId()
  const [values, setValues] = useState<FormValues>(() => initialValues(spec, existing))
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [status, setStatus] = useState<Status>({ type: 'idle' })
  const [dialog, setDialog] = useState<null | 'replace' | 'disable'>(null)
  const secretSaved = existing?.secretSaved ?? false
  const busy = status.type === 'busy'

  const setValue = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    // Re-check as the user types, so a bad value is flagged before they press Save.
    const field = spec.fields.find((f) => f.name === name)
    const msg = value.trim() === '' ? null : (field?.validate?.(value) ?? null)
    setFieldErrors((errs) => {
      const next = { ...errs }
      if (msg) next[name] = msg
      else delete next[name]
      return next
    })
  }

  const save = async (replace: boolean) => {
    setDialog(null)
    setStatus({ type: 'busy', action: 'save' })
    try {
      const result = await spec.save(payloadOf(spec, values), replace)
      upsert(result.integration)
      // Secrets leave the page's memory as soon as the core has them.
      setValues((v) => {
        const next = { ...v }
        for (const f of spec.fields) if (f.kind === 'secret') next[f.name] = ''
        return next
      })
      setStatus({ type: 'done', message: result.message })
    } catch (e) {
      const err = toApiError(e)
      if (err.field && spec.fields.some((f) => f.name === err.field)) {
        const text = err.message.replace(new RegExp(`^${err.field}: `), '')
        setFieldErrors((errs) => ({ ...errs, [err.field!]: err.hint ? `${text} ${err.hint}` : text }))
        setStatus({ type: 'idle' })
      } else {
        setStatus({ type: 'error', error: err })
      }
      // Someone else may have created it meanwhile: show the replace warning.
      if (err.code === 'conflict') void refresh()
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    const errors = validateForm(spec, values, secretSaved)
    setFieldErrors(errors)
    if (Object.keys(errors).length > 0) {
      setStatus({ type: 'idle' })
      return
    }
    if (existing) setDialog('replace')
    else void save(false)
  }

  const disable = async () => {
    setDialog(null)
    setStatus({ type: 'busy', action: 'disable' })
    try {
      const result = await api.disableIntegration({ kind: spec.kind })
      remove(spec.kind)
      setStatus({ type: 'done', message: result.message })
    } catch (e) {
      setStatus({ type: 'error', error: toApiError(e) })
    }
  }

  const cancelDialog = useCallback(() => setDialog(null), [])

  return (
    <section className="card" aria-labelledby={headingId}>
      <header className="card__header">
        <h2 id={headingId} className="card__title">
          {spec.title}
        </h2>
        <span className={existing ? 'badge badge--ok' : 'badge'}>{existing ? 'Connected' : 'Not connected'}</span>
      </header>
      <p className="card__description">{spec.description}</p>

      {existing && (
        <>
          <dl className="settings">
            <div className="settings__row">
              <dt>Account</dt>
              <dd>{existing.displayName}</dd>
            </div>
            {Object.entries(existing.settings).map(([key, value]) => (
              <div key={key} className="settings__row">
                <dt>{settingLabel(key)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
            {existing.verifiedAt && (
              <div className="settings__row">
                <dt>Verified</dt>
                <dd>{new Date(existing.verifiedAt).toLocaleString()}</dd>
              </div>
            )}
          </dl>
          <p className="card__warning">
            {spec.title} is already connected. Saving again replaces its configuration; leave secret fields empty to
            keep the saved ones.
          </p>
        </>
      )}

      <form className="form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        {spec.fields.map((f) =>
          f.kind === 'select' ? (
            <SelectField
              key={f.name}
              name={f.name}
              label={f.label}
              value={values[f.name] ?? ''}
              options={f.options ?? []}
              error={fieldErrors[f.name]}
              onChange={(v) => setValue(f.name, v)}
            />
          ) : (
            <Field
              key={f.name}
              name={f.name}
              label={f.label}
              type={f.kind === 'secret' ? 'password' : 'text'}
              autoComplete={f.kind === 'secret' ? 'new-password' : 'off'}
              value={values[f.name] ?? ''}
              placeholder={f.kind === 'secret' && secretSaved ? SAVED_PLACEHOLDER : f.placeholder}
              help={f.help}
              error={fieldErrors[f.name]}
              onChange={(v) => setValue(f.name, v)}
            />
          )
        )}

        <div className="card__messages">
          {status.type === 'error' && <ErrorNotice message={status.error.message} hint={status.error.hint} />}
          {status.type === 'done' && <StatusNotice>{status.message}</StatusNotice>}
        </div>

        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy && status.action === 'save' ? 'Verifying…' : 'Verify and Save'}
          </button>
          {existing && (
            <button
              type="button"
              className="button button--danger-quiet"
              disabled={busy}
              onClick={() => setDialog('disable')}
            >
              Disable Integration &amp; Clear Data
            </button>
          )}
        </div>
      </form>

      <ConfirmDialog
        open={dialog === 'replace'}
        title={`Replace the ${spec.title} configuration?`}
        confirmLabel="Replace"
        onConfirm={() => void save(true)}
        onCancel={cancelDialog}
      >
        <p>The saved {spec.title} settings are replaced by the ones you entered, once they are verified.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'disable'}
        title={`Disable ${spec.title} and clear its data?`}
        confirmLabel="Disable & Clear"
        danger
        onConfirm={() => void disable()}
        onCancel={cancelDialog}
      >
        <p>
          This removes the saved credentials from the keychain and every {spec.title} record PSA Bridge keeps on this
          computer. It cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  )
}
